// Protocol: completion documentation is Markdown, so plain text in it is escaped: the
// `title` docs keep "<<poem of joy>>" (not "<>"), an argument's `count < threshold` stays.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CompletionItem, CompletionList, MarkupContent } from "vscode-languageserver-protocol";
import { LspSession, withCursor } from "./lsp-harness.js";

describe("completion documentation escapes Markdown", () => {
  let lsp: LspSession;
  let n = 0;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = withCursor(marked);
    const uri = `file:///docs/doc${++n}.lsr`;
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    const result = await lsp.request<CompletionItem[] | CompletionList>("textDocument/completion", { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result.items;
  }

  it("a constraint's docs: the title summary keeps its double angular brackets", async () => {
    const title = (await complete("tit<|>\n")).find((i) => i.label === "title");
    const doc = title?.documentation as MarkupContent | undefined;
    assert.equal(doc?.kind, "markdown");
    assert.ok(doc.value.includes("&lt;&lt;poem of joy&gt;&gt;"), doc.value);
    // Outside the example code fences (which show text literally) no "<<" is left for Markdown to eat.
    assert.ok(!doc.value.replace(/```text\n[\s\S]*?```/g, "").includes("<<"), doc.value);
  });

  it("an argument's docs: `<` and `_` in a description are shown literally", async () => {
    const items = await complete("words(<|>)\n");
    const relation = items.find((i) => i.label === "relation")?.documentation as MarkupContent | undefined;
    assert.equal(relation?.kind, "markdown");
    assert.equal(relation.value, '"less than" (count &lt; threshold) or "at least" (count &gt;= threshold) for the word count');
    const nth = (await complete("nth_paragraph_first_word(<|>)\n")).find((i) => i.label === "nth_paragraph")?.documentation as MarkupContent | undefined;
    assert.equal(nth?.value, "Which paragraph (1-based) must start with first\\_word; at most num\\_paragraphs.");
  });
});
