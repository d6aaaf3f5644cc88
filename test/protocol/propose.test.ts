// Protocol: lsrif.propose, the server side of "LsrIF: Propose Instruction…": valid candidates from the sampler,
// the same for the same roll, new ones for the next roll, and a clear error for a bad argument.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { analyze } from "../../server/src/analysis/analyze.js";
import { LspSession } from "./lsp-harness.js";

interface Proposed { lsr: string; rendered: string; structure: string; counts: { hard: number; soft: number; total: number }; diagnostics: string[] }

describe("lsrif.propose over stdio", () => {
  let lsp: LspSession;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });
  const propose = (args: unknown[]) => lsp.request<{ candidates: Proposed[] }>("workspace/executeCommand", { command: "lsrif.propose", arguments: args });

  it("answers three candidates that analyse without errors and keep the prompt", async () => {
    const { candidates } = await propose(["Write a short guide to brewing green tea."]);
    assert.equal(candidates.length, 3);
    for (const c of candidates) {
      const analysis = analyze(c.lsr);
      assert.equal(analysis.hasErrors, false, c.lsr);
      assert.equal(analysis.instruction.prompt, "Write a short guide to brewing green tea.");
      assert.ok(c.rendered.startsWith("Write a short guide to brewing green tea.\n\nYour response must follow these instructions:"), c.rendered);
      assert.equal(c.counts.total, c.counts.hard + c.counts.soft);
    }
  });

  it("is deterministic per roll; the next roll draws other candidates", async () => {
    const a = await propose(["Plan a trip.", { roll: 4, count: 2 }]);
    const b = await propose(["Plan a trip.", { roll: 4, count: 2 }]);
    const c = await propose(["Plan a trip.", { roll: 5, count: 2 }]);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.candidates.map((x) => x.lsr), c.candidates.map((x) => x.lsr));
  });

  it("rejects an empty prompt with a message naming the command", async () => {
    await assert.rejects(propose(["  "]), /lsrif\.propose: invalid arguments/);
  });
});
