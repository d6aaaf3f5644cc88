// Soft constraints through `lsrif serve`: judged scores, --soft-value probability,
// one judge for all items (identical pairs judged once), and the fallback when the
// judge is down or slower than the deadline.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { createJudge, type JudgeSettingsInput } from "../../../server/src/judge/settings.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { startLoopbackJudge, type LoopbackScript } from "../../helpers/loopback-judge.js";
import { assertRewardShape, SEQUENCE_LSR, startTestServer, type TestServer } from "./harness.js";

const FORMAL = "Use a formal tone.";
const KEEPER = "Mention the keeper.";
const RESPONSE = "A keeper lives here.";

async function withJudge(
  script: LoopbackScript,
  settings: Partial<JudgeSettingsInput>,
  options: Parameters<typeof startTestServer>[0],
  body: (server: TestServer, requests: () => unknown[]) => Promise<void>,
): Promise<void> {
  const judgeServer = await startLoopbackJudge(script);
  const baseUrl = settings.kind === "classifier" ? judgeServer.baseUrl : judgeServer.chatBaseUrl;
  const judge = createJudge({ baseUrl, model: "m", ...settings });
  const server = await startTestServer({ judge, ...options });
  try {
    await body(server, () => judgeServer.requests);
  } finally {
    await server.close();
    judge.dispose();
    await judgeServer.close();
  }
}

test("a chat judge: the sequence scores as in-process, with hard and soft kept apart", async () => {
  const script: LoopbackScript = { verdicts: { [FORMAL]: "NO" } };
  await withJudge(script, {}, {}, async (server) => {
    const res = await server.post("/v1/score", { instruction_id: "sequence", response: RESPONSE });
    // r = [formal 0, no_comma 1, keeper 1]; r' = [0, 1 * 0.5^1, 1 * 0.5^1 * 0.5^0] = [0, 0.5, 0.5];
    // LsRM = 1/3; flat = 2/3; hard = 1/1; soft = (0 + 1) / 2.
    assert.deepEqual(res.body.reward, { score: 1 / 3, flat: 2 / 3, hard: 1, soft: 0.5, complete: 1, error: 0 });
    // The same engine in-process, with its own judge on the same scripted verdicts, gives the same tree.
    const local = await startLoopbackJudge(script);
    const judge = createJudge({ baseUrl: local.chatBaseUrl, model: "m" });
    const inProcess = await scoreInstruction(analyze(SEQUENCE_LSR).instruction, RESPONSE, { judge });
    judge.dispose();
    await local.close();
    assert.equal(res.body.result.score, inProcess.score);
    assert.deepEqual(res.body.result.summary, inProcess.summary);
  });
});

test("--soft-value probability: a judged soft leaf counts P(yes); binary counts 1/0", async () => {
  const script: LoopbackScript = { probabilities: { [FORMAL]: 0.2, [KEEPER]: 0.9 } };
  await withJudge(script, { kind: "classifier" }, { softValue: "probability" }, async (server) => {
    const res = await server.post("/v1/score", { instruction_id: "sequence", response: RESPONSE });
    // r = [0.2, 1, 0.9]; p = 0.5^(1 - 0.2) = 0.5^0.8; r' = [0.2, p, 0.9 p] (the hard step adds no penalty);
    // LsRM = (0.2 + 1.9 p) / 3; flat = (0.2 + 1 + 0.9) / 3 = 0.7; soft = (0.2 + 0.9) / 2 = 0.55.
    const p = 0.5 ** 0.8;
    const reward = res.body.reward;
    assert.ok(Math.abs(reward.score - (0.2 + 1.9 * p) / 3) < 1e-12, String(reward.score));
    assert.ok(Math.abs(reward.flat - 0.7) < 1e-12);
    assert.ok(Math.abs(reward.soft - 0.55) < 1e-12);
    assert.equal(reward.hard, 1);
  });
  await withJudge(script, { kind: "classifier" }, {}, async (server) => {
    const res = await server.post("/v1/score", { instruction_id: "sequence", response: RESPONSE });
    // Binary: 0.2 -> NO (0), 0.9 -> YES (1): the chat case above, 1/3.
    assert.equal(res.body.reward.score, 1 / 3);
  });
});

test("a batch shares one judge: identical (response, constraint) pairs are judged once", async () => {
  await withJudge({}, { kind: "classifier", batchSize: 64 }, {}, async (server, requests) => {
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ instruction_id: "sequence", response: RESPONSE, id: i })),
      { instruction_id: "sequence", response: "Another keeper.", id: 5 },
    ];
    const res = await server.post("/v1/score_batch", { items });
    assert.equal(res.body.results.length, 6);
    // 2 soft constraints x 2 distinct responses = 4 classifier inputs, however many HTTP requests carried them.
    const inputs = requests().flatMap((request) => (request as { body: { input: string[] } }).body.input);
    assert.equal(inputs.length, 4);
    assert.equal(new Set(inputs).size, 4);
  });
});

test("a judge slower than --deadline-ms: that item gets the fallback with error 1, a hard item in the batch is scored", async () => {
  await withJudge({ handle: () => ({ hang: true }) }, {}, { deadlineMs: 300, fallbackScore: 0.25 }, async (server) => {
    const res = await server.post("/v1/score_batch", {
      items: [{ instruction_id: "sequence", response: RESPONSE }, { instruction_id: "hard", response: "hello world" }],
    });
    const [soft, hard] = res.body.results;
    assertRewardShape(soft.reward, assert);
    assert.deepEqual(soft.reward, { score: 0.25, flat: 0.25, hard: 0.25, soft: 0.25, complete: 0, error: 1 });
    assert.equal(soft.reason, "the deadline of 300 ms passed before the judge answered");
    assert.deepEqual(hard.reward, { score: 1, flat: 1, hard: 1, soft: 0.25, complete: 1, error: 0 });
  });
});

test("an unreachable judge: error 1 with a reason, within the deadline", async () => {
  const gone = await startLoopbackJudge();
  await gone.close();
  const judge = createJudge({ baseUrl: gone.chatBaseUrl, model: "m", maxRetries: 0 });
  const server = await startTestServer({ judge, deadlineMs: 5000 });
  try {
    const res = await server.post("/get_reward", { query: [RESPONSE], prompts: [""], labels: ["sequence"] });
    assert.deepEqual(res.body.rewards, [0]);
    assert.deepEqual(res.body.extra_logs.error, [1]);
    const one = await server.post("/v1/score", { instruction_id: "sequence", response: RESPONSE });
    assert.match(one.body.reason, /^judge failed: /);
  } finally {
    await server.close();
    judge.dispose();
  }
});

test("no judge configured: soft leaves unjudged, complete 0, error 0, soft = fallback", async () => {
  const server = await startTestServer({ fallbackScore: 0.5 });
  try {
    const res = await server.post("/v1/score", { instruction_id: "sequence", response: RESPONSE });
    // Only the hard step is known: r = [-, 1, -] -> LsRM 1, flat 1, hard 1; no judged soft leaf: soft = 0.5.
    assert.deepEqual(res.body.reward, { score: 1, flat: 1, hard: 1, soft: 0.5, complete: 0, error: 0 });
    assert.equal(res.body.reason, "soft constraints left unjudged (no judge configured)");
  } finally {
    await server.close();
  }
});
