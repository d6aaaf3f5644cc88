// Protocol: scopes through the real server process: the score result carries each
// leaf's checked span (what the editor highlights), hover on a scope head, the logic
// tree JSON names scopes, completion after `in`.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CompletionItem, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { LspSession, withCursor } from "./lsp-harness.js";

interface Node { kind: string; label: string; spans?: { start: number; end: number }[]; scope?: string; children: Node[] }

describe("scopes over stdio", () => {
  let lsp: LspSession;
  let n = 0;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  async function openAt(marked: string) {
    const { text, position } = withCursor(marked);
    const uri = `file:///scopes/doc${++n}.lsr`;
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    return { uri, text, position };
  }

  it("lsrif.score: every leaf carries the span it was checked on, scoped nodes their scope", async () => {
    const doc = await openAt("in paragraph 2 no_comma\neach bullet no_comma\nno_comma<|>\n");
    const response = "One, two.\n\nThree four.\n- a b\n- c d";
    const result = await lsp.request<{ score: number; tree: Node }>("workspace/executeCommand", { command: "lsrif.score", arguments: [doc.uri, response] });
    const [second, bullets, whole] = result.tree.children;
    // "One, two." 0..9, "\n\n", "Three four." 11..22, "\n", "- a b" 23..28, "\n", "- c d" 29..34:
    // paragraph 2 is 11..34; the bullets' texts "a b" 25..28 and "c d" 31..34; the whole response 0..34.
    assert.deepEqual(second.spans, [{ start: 11, end: 34 }]);
    assert.equal(second.scope, "in paragraph 2");
    assert.deepEqual(bullets.spans, [{ start: 25, end: 28 }, { start: 31, end: 34 }]);
    assert.deepEqual(whole.spans, [{ start: 0, end: 34 }]);
    // (1 + 1 + 0) / 3: only the whole response has a comma.
    assert.equal(result.score, 2 / 3);
  });

  it("hover on a scope head and the logic tree JSON show the scope", async () => {
    const doc = await openAt('in sec<|>tion "Summary" { lowercase }\n');
    const hover = await lsp.request<Hover>("textDocument/hover", { textDocument: { uri: doc.uri }, position: doc.position });
    assert.match((hover.contents as MarkupContent).value, /\*\*Scope\*\* `in section "Summary"`/);
    const tree = await lsp.request<{ root: { children: { scope?: string }[] } }>("workspace/executeCommand", { command: "lsrif.logicTree", arguments: [doc.uri] });
    assert.equal(tree.root.children[0].scope, 'in section "Summary"');
  });

  it("completion after 'each' offers the selectors", async () => {
    const doc = await openAt("each <|>");
    const items = await lsp.request<CompletionItem[] | { items: CompletionItem[] }>("textDocument/completion", { textDocument: { uri: doc.uri }, position: doc.position });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    for (const word of ["paragraph", "bullet", "numbered item", "section", "extract"]) assert.ok(labels.includes(word), word);
  });
});
