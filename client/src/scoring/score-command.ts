// "LsrIF: Score Response…": pick a response, score it in the server with a
// cancellable progress notification, then show the result in the results view,
// the editor decorations, the status bar and the log.

import * as path from "node:path";
import * as vscode from "vscode";
import { offerJudgeFix, CONFIGURE_JUDGE_COMMAND } from "../judge/configure-judge.js";
import type { JudgeStatus } from "../judge/judge-status.js";
import type { Log } from "../log.js";
import type { ScoreResult, ServerApi } from "../server-api.js";
import { lsrDocumentFor } from "../target-document.js";
import type { ScoreDecorations } from "./decorations.js";
import { nodeSummary, resultHeadline } from "./format.js";
import { pickResponse } from "./pick-response.js";
import type { ScoredResponse } from "./response-highlight.js";
import { THINK_CLOSE } from "../../../server/src/client-api.js";
import { SCORE_VIEW_ID, type ScoreResultsProvider } from "./results-tree.js";

const HAS_SCORE_CONTEXT = "lsrif.hasScore";
const STALE_CONTEXT = "lsrif.scoreStale";

/** What the last score was computed from, so an edit to either marks it stale and Score Again can repeat it. */
interface Scored {
  lsrUri: vscode.Uri;
  responseText: string;
  responseUri?: vscode.Uri;
}

function findError(node: ScoreResult["tree"]): string | undefined {
  if (node.status === "error" && node.error) return node.error;
  for (const c of node.children) {
    const hit = findError(c);
    if (hit) return hit;
  }
  return undefined;
}

function findUnjudgedReason(node: ScoreResult["tree"]): string | undefined {
  if (node.unjudgedReason) return node.unjudgedReason;
  for (const c of node.children) {
    const hit = findUnjudgedReason(c);
    if (hit) return hit;
  }
  return undefined;
}

export class ScoreController implements vscode.Disposable {
  private readonly statusBar = vscode.window.createStatusBarItem("lsrif.lastScore", vscode.StatusBarAlignment.Left, 50);
  /** The last result shown, for the stale status bar text. */
  private lastResult: ScoreResult | undefined;
  private scored: Scored | undefined;
  /** Told of every result shown, with the instruction's version it was computed for (the logic tree colours by it). */
  readonly listeners: ((uri: vscode.Uri, version: number, result: ScoreResult, response?: ScoredResponse) => void)[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly api: ServerApi,
    private readonly log: Log,
    private readonly results: ScoreResultsProvider,
    private readonly decorations: ScoreDecorations,
    private readonly judgeStatus?: JudgeStatus,
  ) {
    this.statusBar.name = "LsrIF last score";
    this.statusBar.command = `${SCORE_VIEW_ID}.focus`;
    this.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !this.scored || this.results.isStale()) return;
      const uri = e.document.uri.toString();
      if (uri === this.scored.lsrUri.toString()) this.markStale("the instruction changed since this score");
      else if (uri === this.scored.responseUri?.toString()) this.markStale("the response changed since this score");
    }));
  }

  private markStale(reason: string): void {
    this.results.markStale(reason);
    this.statusBar.text = `$(history) ${this.lastResult ? resultHeadline(this.lastResult) : ""} (stale)`;
    this.statusBar.tooltip = `LsrIF: ${reason}; run Score Again`;
    void vscode.commands.executeCommand("setContext", STALE_CONTEXT, true);
  }

  /** "Score Again": the same instruction and response source, with their current text. */
  async rescore(): Promise<ScoreResult | undefined> {
    const scored = this.scored;
    if (!scored) return undefined;
    let text = scored.responseText;
    if (scored.responseUri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === scored.responseUri!.toString());
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(scored.responseUri));
    }
    return this.scoreResponse(scored.lsrUri, text, scored.responseUri);
  }

  /**
   * Scores a response against the .lsr file `arg` (or the active editor). With
   * `responseText` given nothing is asked, which is how code lenses and tests call it.
   */
  async scoreResponse(arg?: unknown, responseText?: string, responseUri?: vscode.Uri): Promise<ScoreResult | undefined> {
    const doc = await lsrDocumentFor(arg);
    if (!doc) return undefined;
    const picked = responseText !== undefined ? { text: responseText, ...(responseUri ? { uri: responseUri } : {}) } : await pickResponse(doc);
    if (picked === undefined) return undefined;
    const response = picked.text;
    const name = path.basename(doc.uri.path);
    const version = doc.version;
    let scoredFrom: ScoredResponse | undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `LsrIF: scoring a response against ${name}`, cancellable: true },
      async (_progress, token) => {
        this.log.info(`Scoring a response of ${response.length} characters against ${doc.uri.fsPath}`);
        try {
          const stripThinking = vscode.workspace.getConfiguration("lsrif", doc.uri).get<boolean>("score.stripThinking") === true;
          // The server's spans are offsets into the text it scored: after the last </think> when stripping.
          if (picked.uri) scoredFrom = { uri: picked.uri, offset: stripThinking ? Math.max(0, response.lastIndexOf(THINK_CLOSE) + THINK_CLOSE.length) : 0 };
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
    if (result) {
      this.scored = { lsrUri: doc.uri, responseText: response, ...(picked.uri ? { responseUri: picked.uri } : {}) };
      this.showResult(doc.uri, result, scoredFrom);
      this.listeners.forEach((l) => l(doc.uri, version, result, scoredFrom));
      this.judgeStatus?.noteScore(result);
      void this.offerJudgeHelp(result);
    }
    return result;
  }

  /** Judge errors and unjudged constraints come with the command that fixes them. */
  private async offerJudgeHelp(result: ScoreResult): Promise<void> {
    const s = result.summary;
    if (s.errors > 0) {
      const first = findError(result.tree);
      if (first === "cancelled") return;
      await offerJudgeFix(`LsrIF: ${s.errors} soft constraint${s.errors === 1 ? "" : "s"} could not be judged: ${first ?? "judge error"}`);
    } else if (s.unjudged > 0) {
      const configure = "Configure Judge…";
      // A configured judge that cannot extract (`in extract` under a classifier) says so instead of "no judge".
      const why = findUnjudgedReason(result.tree) ?? "no judge is configured";
      const answer = await vscode.window.showInformationMessage(`LsrIF: ${s.unjudged} constraint${s.unjudged === 1 ? " was" : "s were"} not judged: ${why}.`, configure);
      if (answer === configure) await vscode.commands.executeCommand(CONFIGURE_JUDGE_COMMAND);
    }
  }

  /** Shows a result (also one row of Score All Responses) in the view, the marks and the status bar. */
  showResult(uri: vscode.Uri, result: ScoreResult, response?: ScoredResponse): void {
    this.lastResult = result;
    void vscode.commands.executeCommand("setContext", HAS_SCORE_CONTEXT, true);
    void vscode.commands.executeCommand("setContext", STALE_CONTEXT, false);
    this.results.show(result, uri, response);
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
    this.scored = undefined;
    this.results.show(undefined, undefined);
    this.decorations.clearAll();
    this.statusBar.hide();
    void vscode.commands.executeCommand("setContext", HAS_SCORE_CONTEXT, false);
  }

  dispose(): void {
    this.statusBar.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
