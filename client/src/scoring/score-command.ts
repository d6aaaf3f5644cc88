// "LsrIF: Score Response…": pick a response, score it in the server with a
// cancellable progress notification, then show the result in the results view,
// the editor decorations, the status bar and the log.

import * as path from "node:path";
import * as vscode from "vscode";
import type { Log } from "../log.js";
import type { ScoreResult, ServerApi } from "../server-api.js";
import { lsrDocumentFor } from "../target-document.js";
import type { ScoreDecorations } from "./decorations.js";
import { nodeSummary, resultHeadline } from "./format.js";
import { pickResponse } from "./pick-response.js";
import { SCORE_VIEW_ID, type ScoreResultsProvider } from "./results-tree.js";

const HAS_SCORE_CONTEXT = "lsrif.hasScore";

export class ScoreController implements vscode.Disposable {
  private readonly statusBar = vscode.window.createStatusBarItem("lsrif.lastScore", vscode.StatusBarAlignment.Left, 50);
  /** The last result, for tests and for "show again". */
  lastResult: ScoreResult | undefined;

  constructor(
    private readonly api: ServerApi,
    private readonly log: Log,
    private readonly results: ScoreResultsProvider,
    private readonly decorations: ScoreDecorations,
  ) {
    this.statusBar.name = "LsrIF last score";
    this.statusBar.command = `${SCORE_VIEW_ID}.focus`;
  }

  /**
   * Scores a response against the .lsr file `arg` (or the active editor). With
   * `responseText` given nothing is asked, which is how code lenses and tests call it.
   */
  async scoreResponse(arg?: unknown, responseText?: string): Promise<ScoreResult | undefined> {
    const doc = await lsrDocumentFor(arg);
    if (!doc) return undefined;
    const response = responseText ?? (await pickResponse(doc));
    if (response === undefined) return undefined;
    const name = path.basename(doc.uri.path);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `LsrIF: scoring a response against ${name}`, cancellable: true },
      async (_progress, token) => {
        this.log.info(`Scoring a response of ${response.length} characters against ${doc.uri.fsPath}`);
        try {
          const stripThinking = vscode.workspace.getConfiguration("lsrif", doc.uri).get<boolean>("score.stripThinking") === true;
          const scored = await this.api.score(doc.uri.toString(), response, stripThinking ? { stripThinking } : {}, token);
          // The server may still answer after $/cancelRequest, with "cancelled" verdicts: not a score to show.
          if (token.isCancellationRequested) {
            this.log.info("Scoring cancelled");
            return undefined;
          }
          return scored;
        } catch (error) {
          if (token.isCancellationRequested) {
            this.log.info("Scoring cancelled");
            return undefined;
          }
          this.log.error(`Scoring failed: ${String(error)}`);
          void vscode.window.showErrorMessage(`LsrIF: scoring failed: ${String(error)}`);
          return undefined;
        }
      },
    );
    if (result) this.showResult(doc.uri, result);
    return result;
  }

  private showResult(uri: vscode.Uri, result: ScoreResult): void {
    this.lastResult = result;
    void vscode.commands.executeCommand("setContext", HAS_SCORE_CONTEXT, true);
    this.results.show(result, uri);
    this.decorations.set(uri, result);
    this.statusBar.text = `$(checklist) ${resultHeadline(result)}`;
    this.statusBar.tooltip = `LsrIF: last score of ${path.basename(uri.path)}; click for details`;
    this.statusBar.show();
    this.log.info(`${resultHeadline(result)} for ${uri.fsPath}`);
    const logNode = (node: ScoreResult["tree"], depth: number) => {
      this.log.info(`${"  ".repeat(depth)}${node.status.padEnd(14)} ${node.label} (${nodeSummary(node)})${node.error ? ` judge error: ${node.error}` : ""}`);
      node.children.forEach((c) => logNode(c, depth + 1));
    };
    logNode(result.tree, 1);
    void vscode.commands.executeCommand(`${SCORE_VIEW_ID}.focus`);
  }

  clear(): void {
    this.lastResult = undefined;
    this.results.show(undefined, undefined);
    this.decorations.clearAll();
    this.statusBar.hide();
    void vscode.commands.executeCommand("setContext", HAS_SCORE_CONTEXT, false);
  }

  dispose(): void {
    this.statusBar.dispose();
  }
}
