// Issue 9 item 12: the editor stays responsive on a large document. Edits typed while an
// analysis runs supersede it: the stale analysis (on a worker thread) is dropped, its
// diagnostics are never published, and a request sent after the edits is answered without
// waiting for it. Asserted on the order of messages and on versions, never on times: a
// server that analysed synchronously would publish version 1's diagnostics before it even
// read the edits, hence before answering the hover.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { LspSession } from "./lsp-harness.js";

/** About 600 KB of valid items (above the server's 256 Ki threshold for the worker), after one unknown name per version (first, so that it is among the first 1,000 diagnostics). */
const BODY = 'first {\n  no_comma\n  soft "Be brief."\n} then highlights(num_highlights: 2)\n'.repeat(9000);
const versionText = (version: number) => `zzv${version}\n${BODY}`;
const LAST = 6;

describe("protocol: edits supersede an analysis in flight", () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await LspSession.start();
  });
  after(async () => {
    await lsp.stop();
  });

  it("publishes only the last version's diagnostics, and answers a hover before any stale analysis result", async () => {
    const uri = "file:///large.lsr";
    lsp.open(uri, versionText(1), 1);
    for (let version = 2; version <= LAST; version++) lsp.change(uri, versionText(version), version);
    const hover = await lsp.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 1 } });
    const publishedBeforeHover = lsp.published(uri).map((p) => p.version);

    assert.ok(hover, "expected a hover on 'first'");
    assert.deepEqual(publishedBeforeHover.filter((v) => v !== LAST), [], "a stale version's diagnostics came before the hover answer");

    const last = await waitFor(() => lsp.published(uri).find((p) => p.version === LAST));
    const unknown = last.diagnostics.filter((d) => d.code === "LSR010").map((d) => String(d.message));
    assert.equal(unknown.length, 1);
    assert.match(unknown[0], new RegExp(`'zzv${LAST}'`));
    // One more edit round trip: by the time it is published, nothing stale can still be on its way.
    lsp.change(uri, versionText(LAST + 1), LAST + 1);
    await waitFor(() => lsp.published(uri).find((p) => p.version === LAST + 1));
    assert.deepEqual(lsp.published(uri).map((p: PublishDiagnosticsParams) => p.version), [LAST, LAST + 1]);
  });
});

/** Polls until `find` gives a value (a deadline for a hung server, not a speed assertion). */
async function waitFor<T>(find: () => T | undefined, deadlineMs = 120_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = find();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("nothing published before the deadline");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
