// Classifier batching (--judge-batch) and the LsrIF authors' lsrif-predict API,
// against the loopback judge over real HTTP.

import assert from "node:assert/strict";
import { test } from "node:test";
import { closeHarness, harness } from "./helpers.js";

const constraints = Array.from({ length: 40 }, (_, i) => `Mention the number ${i}.`);
// Even constraints pass with 0.8, odd ones fail with 0.3.
const probabilities = Object.fromEntries(constraints.map((c, i) => [c, i % 2 === 0 ? 0.8 : 0.3]));

test("vllm-classify: 40 verdicts at concurrency 1 and batch 16 go out as 16 + 16 + 8 inputs", async () => {
  const h = await harness({ probabilities }, { kind: "classifier", concurrency: 1, batchSize: 16 });
  try {
    const verdicts = await Promise.all(constraints.map((constraint) => h.judge.judge({ constraint, response: "r" })));
    verdicts.forEach((verdict, i) => assert.deepEqual(verdict, i % 2 === 0 ? { status: "pass", probability: 0.8 } : { status: "fail", probability: 0.3 }));
    assert.deepEqual(h.server.requests.map((r) => ((r.body as { input: string[] }).input).length), [16, 16, 8]);
  } finally {
    await closeHarness(h);
  }
});

test("tei-predict: a batch posts every pair and maps each score back to its request", async () => {
  const h = await harness({ probabilities }, { kind: "classifier", classifierApi: "tei-predict", concurrency: 2, batchSize: 32 });
  try {
    const picked = constraints.slice(0, 5);
    const verdicts = await Promise.all(picked.map((constraint) => h.judge.judge({ constraint, response: `about ${constraint}` })));
    assert.deepEqual(verdicts.map((v) => v.probability), [0.8, 0.3, 0.8, 0.3, 0.8]);
    assert.equal(h.server.requests.length, 1);
    assert.deepEqual(h.server.requests[0].body, { inputs: picked.map((c) => [`about ${c}`, c]), raw_scores: false });
  } finally {
    await closeHarness(h);
  }
});

test("a batch reply with the wrong number of rows is re-sent once, then every verdict is an error", async () => {
  const h = await harness({ handle: () => ({ body: { data: [{ probs: [0.1, 0.9] }] } }) }, { kind: "classifier" });
  try {
    const verdicts = await Promise.all(["a", "b"].map((constraint) => h.judge.judge({ constraint, response: "r" })));
    verdicts.forEach((verdict) => assert.deepEqual(verdict, { status: "error", error: "classifier reply did not validate twice" }));
    assert.equal(h.server.requests.length, 2);
  } finally {
    await closeHarness(h);
  }
});

test("cancelling one verdict of a batch leaves the others their answer", async () => {
  const h = await harness({ probabilities, latencyMs: 50 }, { kind: "classifier", batchSize: 8 });
  try {
    const cancel = new AbortController();
    const pending = constraints.slice(0, 3).map((constraint, i) => h.judge.judge({ constraint, response: "r" }, i === 1 ? cancel.signal : undefined));
    setTimeout(() => cancel.abort(), 10);
    const verdicts = await Promise.all(pending);
    assert.deepEqual(verdicts, [{ status: "pass", probability: 0.8 }, { status: "error", error: "cancelled" }, { status: "pass", probability: 0.8 }]);
    assert.equal(h.server.requests.length, 1);
  } finally {
    await closeHarness(h);
  }
});

test("lsrif-predict: posts {answer, question} to /predict, one per verdict; value is P(yes), pred the verdict", async () => {
  const h = await harness({ probabilities: { "Be brief.": 0.8765, "Be long.": 0.2 } }, { kind: "classifier", classifierApi: "lsrif-predict" });
  try {
    const [brief, long] = await Promise.all([
      h.judge.judge({ constraint: "Be brief.", response: "Short." }),
      h.judge.judge({ constraint: "Be long.", response: "Short." }),
    ]);
    // The loopback server rounds to 3 places like the authors' server: 0.8765 -> 0.877.
    assert.deepEqual(brief, { status: "pass", probability: 0.877 });
    assert.deepEqual(long, { status: "fail", probability: 0.2 });
    const sent = h.server.requests.map((r) => [r.path, r.body] as const);
    sent.sort((a, b) => String((a[1] as { question: string }).question).localeCompare(String((b[1] as { question: string }).question)));
    assert.deepEqual(sent, [
      ["/predict", { answer: "Short.", question: "Be brief." }],
      ["/predict", { answer: "Short.", question: "Be long." }],
    ]);
  } finally {
    await closeHarness(h);
  }
});

test("lsrif-predict: a reply without value/pred is re-sent once, then status error", async () => {
  const h = await harness({ handle: () => ({ body: { score: 0.9 } }) }, { kind: "classifier", classifierApi: "lsrif-predict" });
  try {
    assert.deepEqual(await h.judge.judge({ constraint: "c", response: "r" }), { status: "error", error: "classifier reply did not validate twice" });
    assert.equal(h.server.requests.length, 2);
  } finally {
    await closeHarness(h);
  }
});
