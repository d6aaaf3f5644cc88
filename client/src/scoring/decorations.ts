// Failing and errored constraints marked in the .lsr editor until its next edit.

import * as vscode from "vscode";
import type { ScoreResult } from "../../../server/src/client-api.js";
import { leavesToMark, type MarkedLeaf } from "./marks.js";

const shorten = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

export class ScoreDecorations implements vscode.Disposable {
  private readonly failType = vscode.window.createTextEditorDecorationType({
    textDecoration: "underline wavy var(--vscode-editorError-foreground)",
    overviewRulerColor: new vscode.ThemeColor("editorError.foreground"),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    after: { contentText: " ✗ failed", color: new vscode.ThemeColor("editorError.foreground"), margin: "0 0 0 1em" },
  });
  private readonly errorType = vscode.window.createTextEditorDecorationType({
    textDecoration: "underline wavy var(--vscode-editorWarning-foreground)",
    overviewRulerColor: new vscode.ThemeColor("editorWarning.foreground"),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    after: { contentText: " ⚠ judge error", color: new vscode.ThemeColor("editorWarning.foreground"), margin: "0 0 0 1em" },
  });
  /** Marks per document URI, kept so they come back when the editor is shown again. */
  private readonly marks = new Map<string, MarkedLeaf[]>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly marksChanged = new vscode.EventEmitter<{ uri: vscode.Uri; marks: readonly MarkedLeaf[] }>();
  /** Fired when the marks of a document are set or cleared (the e2e test harness records them). */
  readonly onDidChangeMarks = this.marksChanged.event;

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.clear(e.document.uri);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.apply(e))),
    ];
  }

  set(uri: vscode.Uri, result: ScoreResult): void {
    const marks = leavesToMark(result);
    this.marks.set(uri.toString(), marks);
    this.marksChanged.fire({ uri, marks });
    vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString()).forEach((e) => this.apply(e));
  }

  clear(uri: vscode.Uri): void {
    if (!this.marks.delete(uri.toString())) return;
    this.marksChanged.fire({ uri, marks: [] });
    vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString()).forEach((e) => this.apply(e));
  }

  clearAll(): void {
    for (const key of [...this.marks.keys()]) this.clear(vscode.Uri.parse(key));
  }

  private apply(editor: vscode.TextEditor): void {
    const marks = this.marks.get(editor.document.uri.toString()) ?? [];
    const toRange = (m: MarkedLeaf) => new vscode.Range(editor.document.positionAt(m.range.start), editor.document.positionAt(m.range.end));
    const hover = (m: MarkedLeaf) => {
      const md = new vscode.MarkdownString(`LsrIF: **${m.status === "fail" ? "failed" : "judge error"}** in the last scored response`);
      if (m.why) md.appendMarkdown(": ").appendText(m.why);
      return md;
    };
    // The evidence rides after the line, in the mark's own colour: "✗ 13 words; needs at least 120".
    const options = (m: MarkedLeaf): vscode.DecorationOptions => ({
      range: toRange(m),
      hoverMessage: hover(m),
      ...(m.why ? { renderOptions: { after: { contentText: ` ${m.status === "fail" ? "✗" : "⚠"} ${shorten(m.why)}` } } } : {}),
    });
    editor.setDecorations(this.failType, marks.filter((m) => m.status === "fail").map(options));
    editor.setDecorations(this.errorType, marks.filter((m) => m.status === "error").map(options));
  }

  dispose(): void {
    this.marksChanged.dispose();
    this.failType.dispose();
    this.errorType.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
