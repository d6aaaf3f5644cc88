// lsrif.maxItemsComputed over stdio: with a limit of 10 the outline and the folding ranges of
// a document with more carry at most 10 items, and the user is told once per document
// (window/showMessage), again only after the document was whole and is cut anew.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { DocumentHighlight, DocumentSymbol, FoldingRange } from "vscode-languageserver-protocol";
import { LspSession } from "./lsp-harness.js";

const LIMIT = 10;
/** 30 blocks of one constraint each: 30 Parallel symbols with a child each (60), and 30 folds. */
const MANY = "and {\n  no_comma\n}\n".repeat(30);
const FEW = "and {\n  no_comma\n}\n".repeat(2);

const countSymbols = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);

describe("protocol: outline and folding under lsrif.maxItemsComputed", () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await LspSession.start({}, { maxNestingDepth: 8, maxItemsComputed: LIMIT });
    await lsp.configured;
  });
  after(async () => {
    await lsp.stop();
  });

  const outline = (uri: string) => lsp.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
  const folds = (uri: string) => lsp.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });

  it("answers at most the limit, the top level first, and says so once", async () => {
    const uri = "file:///limits/many.lsr";
    lsp.open(uri, MANY);
    const symbols = await outline(uri);
    assert.equal(countSymbols(symbols), LIMIT);
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.length ?? 0]), Array.from({ length: LIMIT }, () => ["Parallel", 0]));
    assert.deepEqual(symbols.map((s) => s.range.start.line), Array.from({ length: LIMIT }, (_, i) => 3 * i));
    const ranges = await folds(uri);
    assert.equal(ranges.length, LIMIT);
    assert.deepEqual(lsp.shown, [`lsrif: the outline of many.lsr shows 10 of 60 items, the top levels first (setting lsrif.maxItemsComputed).`]);
    assert.equal(lsp.logs.filter((m) => m.includes("lsrif.maxItemsComputed")).length, 2, "one log line per feature cut");

    lsp.change(uri, `${MANY}and {\n  lowercase\n}\n`, 2);
    assert.equal(countSymbols(await outline(uri)), LIMIT);
    await folds(uri);
    assert.equal(lsp.shown.length, 1, "still cut after an edit: no second message");
  });

  it("tells again only after the document was whole, and tells each document", async () => {
    const uri = "file:///limits/shrinks.lsr";
    lsp.open(uri, MANY);
    await outline(uri);
    await folds(uri);
    const before = lsp.shown.length;
    assert.match(lsp.shown[before - 1], /shrinks\.lsr/);
    lsp.change(uri, FEW, 2);
    assert.equal(countSymbols(await outline(uri)), 4);
    assert.equal((await folds(uri)).length, 2);
    assert.equal(lsp.shown.length, before);
    lsp.change(uri, MANY, 3);
    await outline(uri);
    assert.equal(lsp.shown.length, before + 1);
  });

  it("highlights the definition and the uses around the cursor, at most the limit", async () => {
    const uri = "file:///limits/names.lsr";
    lsp.open(uri, `define b = no_comma\n${"b\n".repeat(30)}`);
    const highlights = await lsp.request<DocumentHighlight[]>("textDocument/documentHighlight", { textDocument: { uri }, position: { line: 20, character: 0 } });
    // Uses on lines 1-30; the cursor's is the 20th, so 9 uses from the 17th on (lines 17-25) beside the definition.
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]), [[0, 3], ...Array.from({ length: 9 }, (_, i) => [17 + i, 2])]);
  });
});
