// Protocol (issue 13, section 6): quick fixes for the common slips, each applied and
// then checked clean by the server; plain-word messages; a documentation link on every
// diagnostic code; and completion that knows where the cursor is.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { CODES } from "../../server/src/analysis/codes.js";
import { applyEdits, LspSession, REPO_ROOT, withCursor } from "./lsp-harness.js";

describe("quick fixes and completion rules over stdio", () => {
  let lsp: LspSession;
  let n = 0;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///fixes/doc${++n}.lsr`;
    lsp.open(uri, text);
    return { uri, diagnostics: await lsp.diagnosticsFor(uri, 1) };
  }

  /** Applies the fix titled `title` for the diagnostic with `code`; the fixed text must have no diagnostics left. */
  async function fix(text: string, code: string, title: string): Promise<string> {
    const { uri, diagnostics } = await open(text);
    const d = diagnostics.find((x) => x.code === code);
    assert.ok(d, `no ${code} among ${JSON.stringify(diagnostics.map((x) => [x.code, x.message]))}`);
    const actions = await lsp.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `actions: ${actions.map((a) => a.title).join(" | ")}`);
    const fixed = applyEdits(text, action.edit!.changes![uri]);
    const check = await open(fixed);
    assert.deepEqual(check.diagnostics.map((x) => x.message), [], fixed);
    return fixed;
  }

  it("a number written as a string: plain words, and the fix removes the quotes", async () => {
    const text = 'words(num_words: "120", relation: "at least")\n';
    const { diagnostics } = await open(text);
    assert.equal(String(diagnostics[0].message), "'num_words' is a number, written without quotes: 120, not \"120\".");
    assert.equal(await fix(text, "LSR011", "Use '120'"), 'words(num_words: 120, relation: "at least")\n');
  });

  it("a single string where a list is expected: the fix wraps it in a list", async () => {
    assert.equal(await fix('contains(keywords: "beta")\n', "LSR011", "Use '[\"beta\"]'"), 'contains(keywords: ["beta"])\n');
  });

  it("an unknown soft category: did you mean, and the fix renames it", async () => {
    assert.equal(await fix('soft tonee "Friendly."\n', "LSR015", "Change category to 'tone'"), 'soft tone "Friendly."\n');
  });

  it("`tone \"friendly\"` with soft forgotten: the fix adds it", async () => {
    const text = 'tone "Sound friendly."\n';
    const { diagnostics } = await open(text);
    assert.match(String(diagnostics[0].message), /'tone' is a soft category: write 'soft tone "…"'/);
    assert.equal(await fix(text, "LSR010", "Add the missing 'soft': soft tone"), 'soft tone "Sound friendly."\n');
  });

  it("one fix fills in every missing argument", async () => {
    // words needs num_words and relation; the placeholders are 1 and the first relation.
    assert.equal(await fix("words\n", "LSR012", "Add all 2 missing arguments"), 'words(num_words: 1, relation: "less than")\n');
    assert.equal(await fix("words()\n", "LSR012", "Add all 2 missing arguments"), 'words(num_words: 1, relation: "less than")\n');
  });

  it("validator messages are plain words, not schema text", async () => {
    const { diagnostics } = await open('words(num_words: 0, relation: "at least")\ncontains(keywords: [])\nwords(num_words: [1], relation: "at least")\n');
    const messages = diagnostics.map((d) => String(d.message));
    assert.ok(messages.every((m) => !/invalid input|expected number, received/.test(m)), messages.join("\n"));
    assert.match(messages[0], /'num_words' must be at least 1/);
    assert.match(messages[1], /'keywords' needs at least 1 item/);
    assert.match(messages[2], /'num_words' must be a whole number/);
  });

  it("every diagnostic links to its documentation, and every code has a section there", async () => {
    const { diagnostics } = await open("no_coma\n");
    assert.equal(diagnostics[0].codeDescription?.href, "https://github.com/lsrif/lsrif/blob/main/docs/diagnostics.md#lsr010");
    const doc = readFileSync(join(REPO_ROOT, "docs/diagnostics.md"), "utf8");
    for (const { code } of Object.values(CODES)) assert.ok(doc.includes(`\n## ${code}\n`), `docs/diagnostics.md lacks ${code}`);
  });

  async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = withCursor(marked);
    const { uri } = await open(text);
    const result = await lsp.request<CompletionItem[] | CompletionList>("textDocument/completion", { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result.items;
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it("after `first ` no headers, no else and no other step keyword; constraints still", async () => {
    const items = labels(await complete("first <|>\n"));
    for (const word of ["prompt", "gamma", "define", "else", "then", "finally", "first"]) assert.ok(!items.includes(word), `${word} offered after first`);
    for (const word of ["no_comma", "soft", "if"]) assert.ok(items.includes(word), `${word} missing after first`);
  });

  it("headers only at top level; `soft` offered once; `prompt` inserts its quotes as a snippet", async () => {
    const top = await complete("<|>\n");
    assert.equal(labels(top).filter((l) => l === "soft").length, 1);
    const prompt = top.find((i) => i.label === "prompt");
    assert.equal(prompt?.insertTextFormat, 2); // Snippet
    assert.equal((prompt?.textEdit as { newText: string } | undefined)?.newText ?? prompt?.insertText, 'prompt "$1"');
    const nested = labels(await complete("and {\n  <|>\n}\n"));
    for (const word of ["prompt", "gamma", "define"]) assert.ok(!nested.includes(word), `${word} offered inside a block`);
  });

  it("soft categories come with a one-line description", async () => {
    const items = await complete("soft <|>");
    const tone = items.find((i) => i.label === "tone");
    assert.equal(tone?.detail, "the attitude the text conveys (friendly, formal, urgent)");
    assert.ok(items.every((i) => i.detail && i.detail !== "soft constraint category"));
  });

  it("docs keep `<<…>>`: the title constraint's hover escapes Markdown", async () => {
    const { text, position } = withCursor("tit<|>le\n");
    const { uri } = await open(text);
    const hover = await lsp.request<Hover>("textDocument/hover", { textDocument: { uri }, position });
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.includes("such as &lt;&lt;poem of joy&gt;&gt;"), value);
  });
});

describe("names and steps over stdio", () => {
  let lsp: LspSession;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  it("document highlight marks a defined name's definition (write) and every use (read)", async () => {
    const uri = "file:///names/highlight.lsr";
    const text = "define brief = words(relation: \"less than\", num_words: 50)\nfirst brief\nthen no_comma\nfinally brief\n";
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    const highlights = await lsp.request<{ range: { start: { line: number; character: number } }; kind: number }[]>(
      "textDocument/documentHighlight", { textDocument: { uri }, position: { line: 1, character: 8 } });
    // `brief` at 0:7 (definition), 1:6 and 3:8 (uses).
    assert.deepEqual(highlights.map((h) => [h.range.start.line, h.range.start.character, h.kind]), [[0, 7, 3], [1, 6, 2], [3, 8, 2]]);
  });

  it("inlay hints give each step's share, and after a score its r and r'", async () => {
    const uri = "file:///names/inlay.lsr";
    const text = "first no_comma\nthen lowercase\n";
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
    const before = await lsp.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri }, range });
    assert.deepEqual(before.map((h) => h.label), [" share 1/2", " share 1/2"]);
    // "tea is calm, tea is warm.": no_comma fails (r 0), lowercase holds; r'_2 = 1 * 0.5^(1 - 0) = 0.5 (by hand).
    await lsp.request("workspace/executeCommand", { command: "lsrif.score", arguments: [uri, "tea is calm, tea is warm."] });
    const after = await lsp.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri }, range });
    assert.deepEqual(after.map((h) => h.label), [" share 1/2 · r 0 · r' 0", " share 1/2 · r 1 · r' 0.5"]);
  });
});
