// Every endpoint of `lsrif serve` against a real server on port 0. Expected scores
// are worked by hand beside each assertion (LsRM: Parallel = mean; Sequential
// r'_i = r_i * prod_{j<i} gamma^(1 - r_j), mean of r'_i; gamma 0.5).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { assertRewardShape, HARD_LSR, startTestServer, type TestServer } from "./harness.js";

/** Chain(no comma, lowercase), gamma 0.5. */
const CHAIN = {
  gamma: 0.5,
  composite_constraints: [{ composite_constraint: { type: "Chain", sub_constraints: {
    c1: { constraint: "No commas.", instruction_id: "punctuation:no_comma", kwargs: {} },
    c2: { constraint: "All lowercase.", instruction_id: "change_case:english_lowercase", kwargs: {} },
  } } }],
};

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test("GET /health: status ok and the package version, no token needed", async () => {
  const version = (JSON.parse(readFileSync(join(__dirname, "../../../../package.json"), "utf8")) as { version: string }).version;
  const res = await server.get("/health");
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.text), { status: "ok", version });
});

test("POST /v1/score by id: the reward block and the `lsrif score --json` result", async () => {
  const res = await server.post("/v1/score", { instruction_id: "hard", response: "hello, world", id: 7 });
  assert.equal(res.status, 200);
  // no_comma fails (0), lowercase passes (1): Parallel mean 0.5; flat 0.5; hard 1/2; no soft leaf: soft = fallback 0.
  assert.deepEqual(res.body.reward, { score: 0.5, flat: 0.5, hard: 0.5, soft: 0, complete: 1, error: 0 });
  assert.equal(res.body.id, 7);
  assert.equal(res.body.reason, undefined);
  // The result is what `lsrif score --json` prints: the engine's result without source ranges.
  const inProcess = await scoreInstruction(analyze(HARD_LSR).instruction, "hello, world");
  assert.deepEqual(res.body.result, JSON.parse(JSON.stringify(inProcess, (key, value) => (key === "range" ? undefined : value))));
});

test("POST /v1/score inline: .lsr text, a JSON object and a JSON string of it", async () => {
  const lsr = await server.post("/v1/score", { instruction: HARD_LSR, response: "hello world" });
  // both pass: 1 everywhere but soft (no soft leaf: fallback 0).
  assert.deepEqual(lsr.body.reward, { score: 1, flat: 1, hard: 1, soft: 0, complete: 1, error: 0 });
  for (const instruction of [CHAIN, JSON.stringify(CHAIN)]) {
    const res = await server.post("/v1/score", { instruction, response: "hello, world" });
    // Chain: r = [0, 1]; r'_1 = 0, r'_2 = 1 * 0.5^(1-0) = 0.5; LsRM = (0 + 0.5) / 2 = 0.25; flat = (0 + 1) / 2 = 0.5.
    assert.deepEqual(res.body.reward, { score: 0.25, flat: 0.5, hard: 0.5, soft: 0, complete: 1, error: 0 });
  }
  const flat = await server.post("/v1/score", { instruction: CHAIN, response: "hello, world", flat: true });
  assert.equal(flat.body.reward.score, 0.5);
  // gamma 0 makes a failed first step wipe out the rest: r'_2 = 1 * 0^1 = 0, mean 0.
  const gamma0 = await server.post("/v1/score", { instruction: CHAIN, response: "hello, world", gamma: 0 });
  assert.equal(gamma0.body.reward.score, 0);
});

test("POST /v1/score_batch: results in input order; bad items fail alone with every key", async () => {
  const res = await server.post("/v1/score_batch", {
    items: [
      { instruction_id: "hard", response: "hello world", id: "a" },
      { instruction_id: "nope", response: "hello world", id: "b" },
      { instruction: "no_comma(", response: "x", id: "c" },
      { instruction_id: "hard", id: "d" },
      { instruction: CHAIN, response: "Hello world", id: "e" },
      { response: "x" },
    ],
  });
  assert.equal(res.status, 200);
  const results = res.body.results as { id?: string; reward: Record<string, number>; reason?: string }[];
  assert.deepEqual(results.map((r) => r.id), ["a", "b", "c", "d", "e", undefined]);
  results.forEach((r) => assertRewardShape(r.reward, assert));
  assert.deepEqual(results[0].reward, { score: 1, flat: 1, hard: 1, soft: 0, complete: 1, error: 0 });
  for (const failed of [results[1], results[2], results[3], results[5]]) {
    assert.deepEqual(failed.reward, { score: 0, flat: 0, hard: 0, soft: 0, complete: 0, error: 1 });
    assert.equal(typeof failed.reason, "string");
  }
  assert.equal(results[1].reason, "unknown instruction id 'nope'");
  assert.match(results[2].reason!, /^bad \.lsr instruction: 1:/);
  assert.match(results[3].reason!, /^invalid item: response:/);
  assert.equal(results[5].reason, "the item needs an instruction or an instruction_id");
  // Chain on "Hello world": r = [1, 0]; r' = [1, 0 * 0.5^0] = [1, 0]; mean 0.5; flat 0.5.
  assert.deepEqual(results[4].reward, { score: 0.5, flat: 0.5, hard: 0.5, soft: 0, complete: 1, error: 0 });
});

test("POST /get_reward: prompt prefix stripped, labels as id, object, JSON string; lists aligned", async () => {
  const res = await server.post("/get_reward", {
    query: ["Q: hello world", "Q2: hello, world", "Q3: Hello world", "Q4: hello world", "unprefixed hello world"],
    prompts: ["Q: ", "Q2: ", "Q3: ", "Q4: ", "Q5: "],
    labels: ["hard", CHAIN, JSON.stringify(CHAIN), "nope", "hard"],
  });
  assert.equal(res.status, 200);
  // 1: both pass -> 1. 2: chain [0, 1] -> 0.25 (flat 0.5). 3: chain [1, 0] -> 0.5 (the prompt "Q3: " is not scored, so
  // the capital H of "Hello" decides). 4: unknown id -> fallback 0, error 1. 5: the query does not start with its
  // prompt, so all of it is scored: "unprefixed hello world" passes both -> 1.
  assert.deepEqual(res.body, {
    rewards: [1, 0.25, 0.5, 0, 1],
    scores: [1, 0.25, 0.5, 0, 1],
    extra_logs: {
      flat: [1, 0.5, 0.5, 0, 1],
      hard: [1, 0.5, 0.5, 0, 1],
      soft: [0, 0, 0, 0, 0],
      complete: [1, 1, 1, 0, 1],
      error: [0, 0, 0, 1, 0],
    },
  });
});

test("POST /get_reward with empty lists (a later server of several) answers empty lists", async () => {
  const res = await server.post("/get_reward", { query: [], prompts: [], labels: [] });
  assert.deepEqual(res.body, { rewards: [], scores: [], extra_logs: { flat: [], hard: [], soft: [], complete: [], error: [] } });
});

test("POST /get_reward: lists of different lengths are a 400", async () => {
  const res = await server.post("/get_reward", { query: ["a", "b"], prompts: ["a"], labels: ["hard", "hard"] });
  assert.equal(res.status, 400);
  assert.match(res.body.error, /prompts must have as many entries as query/);
});

test("strip_thinking per item: only the text after the last </think>; none -> 0 with error 0", async () => {
  const thinking = "<think>Hmm, Yes</think>first</think>hello world";
  const stripped = await server.post("/v1/score", { instruction_id: "hard", response: thinking, strip_thinking: true });
  // After the last </think>: "hello world" passes both -> 1.
  assert.equal(stripped.body.reward.score, 1);
  const whole = await server.post("/v1/score", { instruction_id: "hard", response: thinking });
  // Unstripped, the comma and the capitals in the thinking fail both -> 0.
  assert.equal(whole.body.reward.score, 0);
  const none = await server.post("/v1/score", { instruction_id: "hard", response: "hello world", strip_thinking: true });
  assert.deepEqual(none.body.reward, { score: 0, flat: 0, hard: 0, soft: 0, complete: 1, error: 0 });
  assert.equal(none.body.reason, "no </think>");
});

test("GET /metrics: Prometheus text with requests per endpoint and items by outcome", async () => {
  await server.post("/v1/score", { instruction_id: "nope", response: "x" });
  const res = await server.get("/metrics");
  assert.equal(res.status, 200);
  assert.match(res.text, /# TYPE lsrif_http_requests_total counter/);
  assert.match(res.text, /lsrif_http_requests_total\{endpoint="\/v1\/score",status="200"\} \d+/);
  assert.match(res.text, /lsrif_http_request_duration_seconds_bucket\{le="0.1",endpoint="\/v1\/score"\} \d+/);
  assert.match(res.text, /lsrif_items_scored_total\{outcome="error"\} [1-9]/);
  assert.match(res.text, /lsrif_fallbacks_total [1-9]/);
  assert.match(res.text, /lsrif_judge_requests_total 0/);
});

test("an unknown endpoint is a 404 with a message", async () => {
  const res = await server.post("/v1/nothing", {});
  assert.equal(res.status, 404);
  assert.equal(res.body.error, "no such endpoint: POST /v1/nothing");
});

test("logs are JSON events with counts, never response or instruction text", async () => {
  await server.post("/v1/score", { instruction: "no_comma \"SECRET-INSTRUCTION-TEXT\"", response: "SECRET-RESPONSE-TEXT" });
  const text = server.logs.map((event) => JSON.stringify(event)).join("\n");
  assert.ok(server.logs.some((event) => event.event === "scored"));
  assert.ok(!text.includes("SECRET-RESPONSE-TEXT") && !text.includes("SECRET-INSTRUCTION-TEXT"));
});
