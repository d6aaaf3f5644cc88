// Selecting a verdict (in the LsrIF Score view or on the logic-tree graph) shows, in the
// response's editor, the text that verdict was checked on: the leaf's `spans` (the whole
// response when unscoped, the selected part under a scope, one span per item under `each`)
// become the editor's selections, and the evidence's own spans (the comma that failed
// no_comma) are outlined inside them.

import * as vscode from "vscode";
import type { ScoreNode } from "../../../server/src/client-api.js";

type OffsetSpan = { start: number; end: number };

/** `each line` on a long response has a span per line: the editor gets the first ones (it slows past a few thousand). */
const MAX_HIGHLIGHTS = 1000;

/** Where a scored response lives, for the highlight. */
export interface ScoredResponse {
  uri: vscode.Uri;
  /**
   * Where the scored text starts in the document: 0, or just after the last `</think>` when
   * the score stripped the thinking (the server's offsets are into the text it scored).
   */
  offset: number;
}

/** What a highlight selected, as document offsets (the command's answer, for tests and callers). */
export interface Highlighted {
  uri: string;
  spans: OffsetSpan[];
}

/** Offsets into the scored text: what a verdict was checked on, and what its evidence points at. */
export interface VerdictSpans {
  checked: readonly OffsetSpan[];
  evidence: readonly OffsetSpan[];
}

/** The spans a verdict looked at, and its evidence spans; undefined when the node has none (a structure, an unchecked leaf). */
export function verdictSpans(node: Pick<ScoreNode, "spans" | "explanation">): VerdictSpans | undefined {
  if (!node.spans) return undefined;
  return { checked: node.spans, evidence: node.explanation?.spans ?? [] };
}

export class ResponseHighlighter implements vscode.Disposable {
  private readonly evidenceType = vscode.window.createTextEditorDecorationType({
    border: "1px solid",
    borderColor: new vscode.ThemeColor("editorWarning.foreground"),
  });
  private readonly checkedType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor("editor.rangeHighlightBackground"),
  });
  private shown: vscode.TextEditor | undefined;

  /**
   * Opens the response beside (keeping focus where it is), selects the checked spans and
   * scrolls to the first. A selector that matched nothing has no spans: the editor is shown
   * with nothing selected.
   */
  async reveal(response: ScoredResponse, spans: VerdictSpans): Promise<Highlighted> {
    const doc = await vscode.workspace.openTextDocument(response.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    const at = (s: OffsetSpan) => new vscode.Range(doc.positionAt(s.start + response.offset), doc.positionAt(s.end + response.offset));
    if (this.shown && this.shown !== editor) this.clear(this.shown);
    this.shown = editor;
    const ranges = spans.checked.slice(0, MAX_HIGHLIGHTS).map(at);
    editor.selections = ranges.length ? ranges.map((r) => new vscode.Selection(r.start, r.end)) : [new vscode.Selection(editor.selection.active, editor.selection.active)];
    editor.setDecorations(this.checkedType, ranges);
    editor.setDecorations(this.evidenceType, spans.evidence.slice(0, MAX_HIGHLIGHTS).map(at));
    if (ranges.length) editor.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { uri: doc.uri.toString(), spans: editor.selections.filter((s) => !s.isEmpty).map((s) => ({ start: doc.offsetAt(s.start), end: doc.offsetAt(s.end) })) };
  }

  private clear(editor: vscode.TextEditor): void {
    editor.setDecorations(this.checkedType, []);
    editor.setDecorations(this.evidenceType, []);
  }

  dispose(): void {
    this.checkedType.dispose();
    this.evidenceType.dispose();
  }
}
