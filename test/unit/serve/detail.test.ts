// `detail: "reward"`: replies with the reward block only (what trainers need), the
// same numbers as `detail: "full"`, and for a batch with a judge (items started in
// slices, one signal each) the same rewards as one item at a time.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createJudge } from "../../../server/src/judge/settings.js";
import { grpoStep } from "../../helpers/grpo-step.js";
import { startLoopbackJudge } from "../../helpers/loopback-judge.js";
import { assertRewardShape, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** 12 IFEval prompts x 3 responses, hard constraints only, as the benchmark's GRPO step. */
const step = grpoStep({ instructions: 12, groupSize: 3 });

test("score_batch detail reward: no result tree, every reward equal to detail full", async () => {
  const full = await server.post("/v1/score_batch", { items: step });
  const reward = await server.post("/v1/score_batch", { items: step, detail: "reward" });
  assert.equal(full.status, 200);
  assert.equal(reward.status, 200);
  assert.equal(reward.body.results.length, step.length);
  reward.body.results.forEach((r: { id: string; reward: Record<string, number>; result?: unknown }, i: number) => {
    assert.deepEqual(Object.keys(r), ["id", "reward"]);
    assert.equal(r.id, step[i].id);
    assertRewardShape(r.reward, assert);
    assert.deepEqual(r.reward, full.body.results[i].reward);
    assert.ok(full.body.results[i].result !== undefined, "detail full keeps the tree");
  });
  // The step is not trivial: some responses fail a constraint.
  assert.ok(full.body.results.some((r: { reward: { score: number } }) => r.reward.score < 1));
});

test("detail on one item: /v1/score and an item's own detail inside a batch", async () => {
  const item = { instruction_id: "hard", response: "hello, world", id: "x" };
  const one = await server.post("/v1/score", { ...item, detail: "reward" });
  // no_comma 0, lowercase 1: mean 0.5, as in endpoints.test.ts; no tree.
  assert.deepEqual(one.body, { id: "x", reward: { score: 0.5, flat: 0.5, hard: 0.5, soft: 0, complete: 1, error: 0 } });
  const mixed = await server.post("/v1/score_batch", { items: [item, { ...item, detail: "full" }], detail: "reward" });
  assert.equal(mixed.body.results[0].result, undefined);
  assert.equal(mixed.body.results[1].result.score, 0.5);
  // A failed item keeps its reason under detail reward.
  const failed = await server.post("/v1/score_batch", { items: [{ instruction_id: "nope", response: "r" }], detail: "reward" });
  assert.deepEqual(failed.body.results[0], { reward: { score: 0, flat: 0, hard: 0, soft: 0, complete: 0, error: 1 }, reason: "unknown instruction id 'nope'" });
});

test("a bad detail: 400 for the batch body, a per-item error inside a batch", async () => {
  const bad = await server.post("/v1/score_batch", { items: [], detail: "tree" });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /^invalid body: detail:/);
  const item = await server.post("/v1/score_batch", { items: [{ instruction_id: "hard", response: "r", detail: 1 }] });
  assert.equal(item.body.results[0].reward.error, 1);
  assert.match(item.body.results[0].reason, /^invalid item: detail:/);
});

test("with a judge: a batch of soft items gives the same rewards as one item at a time", async () => {
  const judgeServer = await startLoopbackJudge({ verdicts: { "Soft constraint 1 of prompt 1000: stay helpful.": "NO" } });
  const judge = createJudge({ baseUrl: judgeServer.chatBaseUrl, model: "m", concurrency: 4 });
  const soft = grpoStep({ instructions: 4, groupSize: 2, softPerInstruction: 2 });
  const withJudge = await startTestServer({ judge });
  try {
    const batch = await withJudge.post("/v1/score_batch", { items: soft, detail: "reward" });
    const single = await Promise.all(soft.map((item) => withJudge.post("/v1/score", { ...item, detail: "reward" })));
    assert.deepEqual(batch.body.results.map((r: { reward: unknown }) => r.reward), single.map((r) => r.body.reward));
    for (const r of batch.body.results) assert.deepEqual([r.reward.complete, r.reward.error], [1, 0]);
    // The first prompt (key 1000) has one soft constraint judged NO: its soft pass rate is 1/2.
    assert.equal(batch.body.results[0].reward.soft, 0.5);
    assert.equal(batch.body.results[2].reward.soft, 1);
  } finally {
    await withJudge.close();
    judge.dispose();
    await judgeServer.close();
  }
});
