// "LsrIF: Show Report": the report of the scores or eval_results JSONL file open in
// the editor (or picked in the explorer), in a webview that follows the colour theme.
// The server builds it (lsrif.report, the same code as `lsrif report`); clicking a
// mark lists the responses behind it, clicking one shows its line's score tree.

import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { CLIENT_COMMANDS, SERVER_COMMANDS, type ReportViewJson } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";
import { reportViewPage } from "./report-page.js";

export const SHOW_REPORT_COMMAND = CLIENT_COMMANDS.showReport;

/** A message from the page. */
type PageMessage =
  | { type: "ready"; marks: number }
  | { type: "listed"; key: string; count: number }
  | { type: "line"; file: string; line: number }
  | { type: "shown"; text: string };

/** The loose results beside strict ones (eval_results_strict.jsonl -> eval_results_loose.jsonl), read together. */
function filesFor(path: string): string[] {
  const name = basename(path);
  if (!/strict/i.test(name)) return [path];
  const loose = join(dirname(path), name.replace(/strict/i, (m) => (m === "STRICT" ? "LOOSE" : m[0] === "S" ? "Loose" : "loose")));
  return existsSync(loose) ? [path, loose] : [path];
}

export type ReportExchange = { kind: "opened" } | { kind: "page"; message: PageMessage } | { kind: "line"; line: unknown };

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = "lsrif.report";
  private panel: vscode.WebviewPanel | undefined;
  private readonly exchanged = new vscode.EventEmitter<ReportExchange>();
  /** Fired when a page opens, for each message it sends, and for each line read back (the e2e harness records them). */
  readonly onDidExchange = this.exchanged.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly log: Log,
  ) {}

  private async execute<T>(command: string, args: unknown[]): Promise<T> {
    await this.ready;
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  }

  /** The command: `arg` is an explorer Uri, else the active editor's file. */
  async show(arg?: unknown): Promise<ReportViewJson | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== "file" || !uri.fsPath.endsWith(".jsonl")) {
      void vscode.window.showWarningMessage("LsrIF: Show Report needs a scores (score-batch) or eval_results (ifeval, ifbench) .jsonl file on disk.");
      return undefined;
    }
    let view: ReportViewJson;
    try {
      view = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "LsrIF: building the report" }, () =>
        this.execute<ReportViewJson>(SERVER_COMMANDS.report, [filesFor(uri.fsPath)]),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`Show Report: ${message}`);
      void vscode.window.showErrorMessage(`LsrIF: ${message}`);
      return undefined;
    }
    for (const problem of view.problems) this.log.warn(`Show Report: ${problem}`);
    this.open(`Report: ${basename(uri.fsPath)}`, view);
    return view;
  }

  private open(title: string, view: ReportViewJson): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(ReportPanel.viewType, title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.onMessage(m));
    }
    this.panel.title = title;
    this.exchanged.fire({ kind: "opened" });
    this.panel.webview.html = reportViewPage(view, this.panel.webview.cspSource, randomBytes(16).toString("base64"));
    this.panel.reveal();
  }

  private async onMessage(message: PageMessage): Promise<void> {
    if (!message || typeof message !== "object") return;
    this.exchanged.fire({ kind: "page", message });
    if (message.type !== "line" || typeof message.file !== "string" || typeof message.line !== "number") return;
    let line: unknown;
    try {
      line = await this.execute(SERVER_COMMANDS.reportLine, [message.file, message.line]);
    } catch (error) {
      line = { line: message.line, error: error instanceof Error ? error.message : String(error) };
    }
    this.exchanged.fire({ kind: "line", line });
    await this.panel?.webview.postMessage({ type: "line", ...(line as object) });
  }

  /**
   * Posts to the page: the e2e harness sends `{ type: "click", key }` / `{ type: "clickLine", index }`,
   * which the page turns into real click events (report-page.ts). False without a page.
   */
  async postToPage(message: { type: "click"; key: string } | { type: "clickLine"; index: number }): Promise<boolean> {
    return (await this.panel?.webview.postMessage(message)) ?? false;
  }

  dispose(): void {
    this.exchanged.dispose();
    this.panel?.dispose();
  }
}
