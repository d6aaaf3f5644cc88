// "LsrIF: Score All Responses…": every response in a folder (one file each) or in a
// JSONL file (the `lsrif score-batch` response lines, parsed by the same code) scored
// against one instruction, one row per response in the "All Responses" view, sortable
// by R; a row opens its score tree in the Score Results view.

import * as path from "node:path";
import * as vscode from "vscode";
import { INTERNAL_CLIENT_COMMANDS, parseResponsesJsonl } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";
import type { ScoreResult, ServerApi } from "../server-api.js";
import { lsrDocumentFor } from "../target-document.js";
import { resultHeadline } from "./format.js";

export const SCORE_ALL_VIEW_ID = "lsrif.scoreAll";

export interface ResponseInput {
  name: string;
  text: string;
  uri?: vscode.Uri;
}

export interface ScoredRow extends ResponseInput {
  result?: ScoreResult;
  error?: string;
}

/** Text files in a folder (not recursive), or the lines of a JSONL file; bad JSONL lines become rows with errors. */
export async function readResponses(uri: vscode.Uri): Promise<ScoredRow[]> {
  const stat = await vscode.workspace.fs.stat(uri);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  if (stat.type & vscode.FileType.Directory) {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    const files = entries.filter(([name, type]) => type & vscode.FileType.File && !name.endsWith(".lsr") && !name.startsWith(".")).map(([name]) => name).sort();
    return Promise.all(files.map(async (name) => {
      const file = vscode.Uri.joinPath(uri, name);
      return { name, text: decode(await vscode.workspace.fs.readFile(file)), uri: file };
    }));
  }
  const { rows, failures } = parseResponsesJsonl(decode(await vscode.workspace.fs.readFile(uri)));
  const base = path.basename(uri.path);
  return [
    ...rows.map((r) => ({ name: `${r.id} (${base}:${r.line})`, text: r.response })),
    ...failures.map((f) => ({ name: `${base}:${f.line}`, text: "", error: f.message })),
  ];
}

type Order = "descending" | "ascending";

export class ScoreAllProvider implements vscode.TreeDataProvider<ScoredRow> {
  rows: ScoredRow[] = [];
  private lsrUri: vscode.Uri | undefined;
  order: Order = "descending";
  private readonly changed = new vscode.EventEmitter<ScoredRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  set(lsrUri: vscode.Uri, rows: ScoredRow[]): void {
    this.lsrUri = lsrUri;
    this.rows = rows;
    this.changed.fire(undefined);
  }

  toggleOrder(): void {
    this.order = this.order === "descending" ? "ascending" : "descending";
    this.changed.fire(undefined);
  }

  /** Rows by R (errors last), ties by name. */
  sorted(): ScoredRow[] {
    const sign = this.order === "descending" ? -1 : 1;
    return [...this.rows].sort((a, b) => {
      if (!a.result || !b.result) return (a.result ? -1 : 0) + (b.result ? 1 : 0) || a.name.localeCompare(b.name);
      return sign * (a.result.score - b.result.score) || a.name.localeCompare(b.name);
    });
  }

  getChildren(element?: ScoredRow): ScoredRow[] {
    return element ? [] : this.sorted();
  }

  getTreeItem(row: ScoredRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.result ? `${resultHeadline(row.result)} · ${row.name}` : `${row.name}`, vscode.TreeItemCollapsibleState.None);
    if (row.result) {
      const s = row.result.summary;
      item.description = `${s.passed} passed, ${s.failed} failed${s.unjudged ? `, ${s.unjudged} unjudged` : ""}${s.errors ? `, ${s.errors} errors` : ""}`;
      item.iconPath = new vscode.ThemeIcon(row.result.score === 1 ? "pass" : row.result.score === 0 ? "error" : "circle-large-outline");
      item.command = { command: INTERNAL_CLIENT_COMMANDS.openScoredRow, title: "Open score tree", arguments: [this.lsrUri, row] };
    } else {
      item.description = row.error ?? "not scored";
      item.iconPath = new vscode.ThemeIcon("warning");
    }
    item.tooltip = row.uri ? row.uri.fsPath : row.name;
    return item;
  }
}

/** The command: pick the source, score every response (cancellable), fill the view. */
export async function scoreAllResponses(api: ServerApi, log: Log, view: ScoreAllProvider, arg?: unknown, source?: vscode.Uri): Promise<ScoredRow[] | undefined> {
  const doc = await lsrDocumentFor(arg);
  if (!doc) return undefined;
  const [picked] = source ? [source] : (await vscode.window.showOpenDialog({
    canSelectFiles: true, canSelectFolders: true, canSelectMany: false,
    openLabel: "Score these responses", title: "LsrIF: Score All Responses — a folder of response files or a responses .jsonl",
  })) ?? [];
  if (!picked) return undefined;
  const rows = await readResponses(picked);
  const name = path.basename(doc.uri.path);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `LsrIF: scoring ${rows.length} responses against ${name}`, cancellable: true },
    async (progress, token) => {
      for (const [i, row] of rows.entries()) {
        if (token.isCancellationRequested) break;
        if (row.error) continue;
        progress.report({ message: `${i + 1}/${rows.length}: ${row.name}`, increment: 100 / rows.length });
        try {
          row.result = await api.score(doc.uri.toString(), row.text, {}, token);
        } catch (error) {
          row.error = String(error);
        }
      }
    },
  );
  log.info(`Scored ${rows.filter((r) => r.result).length} of ${rows.length} responses from ${picked.fsPath} against ${doc.uri.fsPath}`);
  view.set(doc.uri, rows);
  void vscode.commands.executeCommand("setContext", "lsrif.hasScoreAll", true);
  void vscode.commands.executeCommand(`${SCORE_ALL_VIEW_ID}.focus`);
  return rows;
}
