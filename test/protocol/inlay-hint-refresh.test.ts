// Protocol: after a score the server asks the client to re-request inlay hints (the
// steps' r changed without an edit), but only a client that declared refreshSupport.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LspSession } from "./lsp-harness.js";

async function refreshesAfterScore(workspace: Record<string, unknown>): Promise<number> {
  const lsp = await LspSession.start(workspace);
  let refreshes = 0;
  lsp.connection.onRequest("workspace/inlayHint/refresh", () => { refreshes++; return null; });
  try {
    const uri = "file:///refresh/doc.lsr";
    lsp.open(uri, "first no_comma\nthen lowercase\n");
    await lsp.diagnosticsFor(uri, 1);
    const result = await lsp.request<{ score: number }>("workspace/executeCommand", { command: "lsrif.score", arguments: [uri, "hello world"] });
    // Both steps pass: r = 1, 1; the sequence and R are 1.
    assert.equal(result.score, 1);
    // The refresh is sent after the score is recorded; a later request's answer comes after it on the same stream.
    await lsp.request("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } });
    return refreshes;
  } finally {
    await lsp.stop();
  }
}

describe("inlay hint refresh after a score", () => {
  it("is requested from a client with refreshSupport", async () => {
    assert.equal(await refreshesAfterScore({ inlayHint: { refreshSupport: true } }), 1);
  });
  it("is never sent to a client without it", async () => {
    assert.equal(await refreshesAfterScore({}), 0);
  });
});
