// OpenRLHF >= 0.9.10 sends one /get_reward request per sample as it finishes:
// 500 concurrent one-item calls (100 IFEval prompts x 5 responses) must all be
// answered, each equal to the reward the engine gives in-process.

import assert from "node:assert/strict";
import { test } from "node:test";
import { InstructionSource } from "../../../server/src/serve/instructions.js";
import { rewardOf } from "../../../server/src/serve/reward-block.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { grpoStep } from "../../helpers/grpo-step.js";
import { assertRewardShape, startTestServer } from "./harness.js";

test("500 concurrent one-item /get_reward calls all answered and equal to in-process scores", async () => {
  const items = grpoStep({ instructions: 100, groupSize: 5 });
  assert.equal(items.length, 500);
  const source = new InstructionSource(undefined);
  const expected = await Promise.all(
    items.map(async (item) => {
      const resolved = source.inlineInstruction(item.instruction);
      assert.ok(resolved.ok);
      return rewardOf(await scoreInstruction(resolved.instruction, item.response), 0);
    }),
  );
  // The step is not trivial: some responses pass everything, some fail something.
  assert.ok(expected.some((r) => r.score === 1) && expected.some((r) => r.score < 1));

  const server = await startTestServer();
  try {
    const prompt = "<|im_start|>user\nprompt<|im_end|>\n<|im_start|>assistant\n";
    const replies = await Promise.all(
      items.map((item) => server.post("/get_reward", { query: [prompt + item.response], prompts: [prompt], labels: [JSON.stringify(item.instruction)] })),
    );
    replies.forEach((reply, i) => {
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.rewards, [expected[i].score], items[i].id);
      const block = { score: reply.body.rewards[0], ...Object.fromEntries(Object.entries(reply.body.extra_logs).map(([k, v]) => [k, (v as number[])[0]])) };
      assertRewardShape(block, assert);
      assert.deepEqual(block, expected[i]);
    });
  } finally {
    await server.close();
  }
});

test("--workers 2: hard-only items scored on the worker pool give the same results as in-process", async () => {
  const items = grpoStep({ instructions: 40, groupSize: 5 });
  const source = new InstructionSource(undefined);
  const expected = await Promise.all(
    items.map(async (item) => {
      const resolved = source.inlineInstruction(item.instruction);
      assert.ok(resolved.ok);
      return rewardOf(await scoreInstruction(resolved.instruction, item.response), 0);
    }),
  );
  const server = await startTestServer({ workers: 2 });
  try {
    const res = await server.post("/v1/score_batch", { items });
    assert.deepEqual(res.body.results.map((r: { reward: unknown }) => r.reward), expected);
    assert.equal(server.logs.find((e) => e.event === "listening")?.workers, 2);
  } finally {
    await server.close();
  }
});
