// `lsrif score --json` carries the reward block of `lsrif serve` (the six keys of
// server/src/serve/reward-block.ts), so the CLI and the server give one reward.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { startTestServer } from "../serve/harness.js";

const root = join(__dirname, "../../../..");
const example = (name: string) => join(root, "examples", name);

function scoreJson(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/lsrif.js"), "score", ...args, "--json"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("score --json: the reward block, hand-computed for the failing travel guide", () => {
  const out = scoreJson(example("travel-guide.lsr"), example("travel-guide.fail.md"));
  // As in cli.test.ts: LsRM (0 + 0.25 + 0 + 0.25 * sqrt(1/2)) / 4; applicable hard leaves
  // title 0, words 1, highlights 0, placeholders 0, postscript 1: flat = hard = 2/5;
  // no soft leaf: soft = the fallback 0; complete 1; error 0.
  assert.deepEqual(Object.keys(out.reward), ["score", "flat", "hard", "soft", "complete", "error"]);
  assert.equal(out.reward.score, out.score);
  assert.ok(Math.abs(out.reward.score - (0 + 0.25 + 0 + 0.25 * Math.SQRT1_2) / 4) < 1e-12);
  assert.equal(out.reward.flat, 2 / 5);
  assert.equal(out.reward.hard, 2 / 5);
  assert.deepEqual([out.reward.soft, out.reward.complete, out.reward.error], [0, 1, 0]);
});

test("score --json: soft constraints without a judge are incomplete in the block too", () => {
  const out = scoreJson(example("figure1.lsr"), example("travel-guide.pass.md"));
  assert.equal(out.complete, false);
  assert.equal(out.reward.complete, 0);
  assert.equal(out.reward.error, 0);
  assert.equal(out.reward.soft, 0);
});

test("score --json and lsrif serve give the same reward block for the same response", async () => {
  const server = await startTestServer();
  try {
    for (const [instruction, response] of [["travel-guide.lsr", "travel-guide.fail.md"], ["travel-guide.lsr", "travel-guide.pass.md"], ["figure1.lsr", "figure1.fail.md"]]) {
      const cli = scoreJson(example(instruction), example(response));
      const served = await server.post("/v1/score", { instruction: readFileSync(example(instruction), "utf8"), response: readFileSync(example(response), "utf8") });
      assert.deepEqual(served.body.reward, cli.reward, `${instruction} on ${response}`);
    }
  } finally {
    await server.close();
  }
});
