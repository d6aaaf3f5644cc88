// "LsrIF: Show Logic Tree": one webview panel that follows the active .lsr file
// and redraws (debounced) as that file changes.

import { randomBytes } from "node:crypto";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Log } from "../log.js";
import type { ServerApi } from "../server-api.js";
import { LSR_LANGUAGE_ID } from "../target-document.js";
import type { ScoreResult } from "../server-api.js";
import { flatten, toGraph, withScore, type GraphNode, type LspRange } from "./graph-model.js";
import { logicTreePage } from "./html.js";
import { treeToSvg } from "./svg.js";
import type { ResponseHighlighter, ScoredResponse } from "../scoring/response-highlight.js";

const REDRAW_DELAY_MS = 250;

export interface TreeMessage {
  type: "tree";
  svg: string;
  caption: string;
  error?: string;
}

export class LogicTreePanel implements vscode.Disposable {
  static readonly viewType = "lsrif.logicTree";
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The drawn nodes in the page's `data-index` order, for clicks. */
  private drawn: GraphNode[] = [];
  private readonly posted = new vscode.EventEmitter<TreeMessage>();
  /** Fired with every drawing posted to the webview (the e2e test harness records the last one). */
  readonly onDidPostMessage = this.posted.event;

  /** The last score per document, with the version it was computed for: drawn on the tree until the next edit. */
  private readonly scores = new Map<string, { version: number; result: ScoreResult; response?: ScoredResponse }>();

  constructor(
    private readonly api: ServerApi,
    private readonly log: Log,
    private readonly extensionUri?: vscode.Uri,
    private readonly highlighter?: ResponseHighlighter,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.scheduleRedraw();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === LSR_LANGUAGE_ID && editor.document !== this.document) {
          this.document = editor.document;
          this.scheduleRedraw(0);
        }
      }),
    );
  }

  /** Shows the panel for `document` and resolves once the first drawing was posted. */
  async show(document: vscode.TextDocument): Promise<TreeMessage | undefined> {
    this.document = document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        LogicTreePanel.viewType,
        "Logic Tree",
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: this.scriptFolder() ? [this.scriptFolder()!] : [], retainContextWhenHidden: false },
      );
      const nonce = randomBytes(16).toString("base64");
      const folder = this.scriptFolder();
      const script = folder ? this.panel.webview.asWebviewUri(vscode.Uri.joinPath(folder, "logic-tree-webview.js")).toString() : "";
      this.panel.webview.html = logicTreePage(this.panel.webview.cspSource, nonce, "Logic Tree", script);
      // A hidden webview drops posted messages; redraw when it becomes visible again.
      this.panel.onDidChangeViewState(() => { if (this.panel?.visible) this.scheduleRedraw(0); });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage((m: { type?: string; index?: number }) => {
        if (m?.type === "ready") this.scheduleRedraw(0);
        else if (m?.type === "reveal" && typeof m.index === "number") void this.reveal(m.index);
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    return this.redraw();
  }

  private scriptFolder(): vscode.Uri | undefined {
    return this.extensionUri ? vscode.Uri.joinPath(this.extensionUri, "dist", "client") : undefined;
  }

  /** Colours the tree of `uri` by a score of its current version (kept until the file changes). */
  setScore(uri: vscode.Uri, version: number, result: ScoreResult | undefined, response?: ScoredResponse): void {
    if (result) this.scores.set(uri.toString(), { version, result, ...(response ? { response } : {}) });
    else this.scores.delete(uri.toString());
    if (this.panel && this.document?.uri.toString() === uri.toString()) this.scheduleRedraw(0);
  }

  private scheduleRedraw(delay = REDRAW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), delay);
  }

  private async redraw(): Promise<TreeMessage | undefined> {
    const doc = this.document;
    const panel = this.panel;
    if (!doc || !panel) return undefined;
    const name = path.basename(doc.uri.path);
    panel.title = `Logic Tree: ${name}`;
    let message: TreeMessage;
    try {
      const answer = await this.api.logicTree(doc.uri.toString());
      const source = (r: LspRange) => doc.getText(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
      let root = toGraph(answer.root, source);
      const score = this.scores.get(doc.uri.toString());
      const scored = score && score.version === doc.version;
      if (scored) root = withScore(root, score.result.tree);
      this.drawn = flatten(root);
      const errors = answer.errorCount > 0 ? ` · ${answer.errorCount} error${answer.errorCount === 1 ? "" : "s"}: the tree may be incomplete` : "";
      const verdict = scored ? ` · scored R = ${score.result.score.toFixed(3)}` : score ? " · the last score is stale (file changed)" : "";
      const fontSize = Math.max(12, vscode.workspace.getConfiguration("editor").get<number>("fontSize", 14));
      message = { type: "tree", svg: treeToSvg(root, { fontSize }), caption: `${name} · gamma ${answer.gamma}${errors}${verdict}` };
    } catch (error) {
      this.log.error(`Logic tree for ${doc.uri.fsPath}: ${String(error)}`);
      message = { type: "tree", svg: "", caption: name, error: `Could not build the logic tree: ${String(error)}` };
    }
    await panel.webview.postMessage(message);
    this.posted.fire(message);
    return message;
  }

  /** A click: the node's source in the .lsr file, and after a score the part of the response it checked. */
  private async reveal(index: number): Promise<void> {
    const node = this.drawn[index];
    const range = node?.range;
    if (!range || !this.document) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(this.document, { viewColumn: column, selection });
    const score = this.scores.get(this.document.uri.toString());
    const verdict = node.score;
    if (!score?.response || !verdict?.spans || score.version !== this.document.version) return;
    await this.highlighter?.reveal(score.response, { checked: verdict.spans, evidence: verdict.evidenceSpans ?? [] });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.posted.dispose();
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
