// Protocol: completion offers `then`/`finally` only where a sequence can take another
// step, and `else` only right after an `if` block that has no `else` yet (issue 13, section 6).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CompletionItem, CompletionList } from "vscode-languageserver-protocol";
import { LspSession, withCursor } from "./lsp-harness.js";

describe("completion continues only what is open", () => {
  let lsp: LspSession;
  let n = 0;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  /** The keyword labels (CompletionItemKind.Keyword = 14) offered at the cursor, in order. */
  async function keywords(marked: string): Promise<string[]> {
    const { text, position } = withCursor(marked);
    const uri = `file:///continuations/doc${++n}.lsr`;
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    const result = await lsp.request<CompletionItem[] | CompletionList>("textDocument/completion", { textDocument: { uri }, position });
    return (Array.isArray(result) ? result : result.items).filter((i) => i.kind === 14).map((i) => String(i.label));
  }

  // `in` and `each` (scopes) can start an item wherever one can start, so they end every list.
  const SCOPES = ["in", "each"];
  const TOP = ["prompt", "gamma", "define", "first", "if", "and", ...SCOPES];

  it("no then, finally or else at a line start with nothing open", async () => {
    assert.deepEqual(await keywords("<|>"), TOP);
    assert.deepEqual(await keywords("lowercase\n<|>"), TOP);
    assert.deepEqual(await keywords("if lowercase {\n  no_comma\n} else {\n  soft tone \"Warm.\"\n}\n<|>"), TOP);
  });

  it("then and finally after a sequence's step, also while the word is typed; not after finally", async () => {
    const withSteps = ["prompt", "gamma", "define", "first", "then", "finally", "if", "and", ...SCOPES];
    assert.deepEqual(await keywords("first lowercase\n<|>"), withSteps);
    assert.deepEqual(await keywords("first lowercase\nth<|>"), withSteps);
    assert.deepEqual(await keywords("first lowercase\nthen<|>"), withSteps);
    assert.deepEqual(await keywords("first lowercase\nfinally no_comma\n<|>"), TOP);
    // Inside a block: no headers; the sequence in it still takes steps.
    assert.deepEqual(await keywords("and {\n  first lowercase\n  <|>\n}\n"), ["first", "then", "finally", "if", "and", ...SCOPES]);
  });

  it("else right after an if block, with a comment between or the word half typed; not after its else", async () => {
    const withElse = ["prompt", "gamma", "define", "first", "if", "else", "and", ...SCOPES];
    assert.deepEqual(await keywords("if lowercase {\n  no_comma\n}\n<|>"), withElse);
    assert.deepEqual(await keywords("if lowercase {\n  no_comma\n}\n# note\nel<|>"), withElse);
    assert.deepEqual(await keywords("if lowercase {\n  no_comma\n}\nelse<|>"), withElse);
    // A step that is an if block: both the next step and an else can follow.
    assert.deepEqual(await keywords("first lowercase\nthen if no_comma {\n  lowercase\n}\n<|>"),
      ["prompt", "gamma", "define", "first", "then", "finally", "if", "else", "and", ...SCOPES]);
  });
});
