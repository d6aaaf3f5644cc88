// The chat judge against a real HTTP loopback server: each fallback path, re-asks,
// reasoning models, and the authority of the verdict field.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chatCompletionBody } from "../../helpers/loopback-judge.js";
import { closeHarness, harness } from "./helpers.js";

const response = "Here is my answer. it is all lowercase.";

test("json_schema + logprobs: P(YES) is the verdict token's normalised YES mass", async () => {
  const h = await harness({ verdicts: { "Be brief.": "YES", "Use French.": "NO" }, probabilities: { "Be brief.": 0.8, "Use French.": 0.3 } });
  try {
    const brief = await h.judge.judge({ constraint: "Be brief.", response });
    const french = await h.judge.judge({ constraint: "Use French.", response });
    // top_logprobs are ln 0.8 / ln 0.2, so P = 0.8 / (0.8 + 0.2) = 0.8; likewise 0.3 for NO.
    assert.equal(brief.status, "pass");
    assert.ok(Math.abs(brief.probability! - 0.8) < 1e-9);
    assert.equal(french.status, "fail");
    assert.ok(Math.abs(french.probability! - 0.3) < 1e-9);
    assert.equal(brief.evidence, "judged by the loopback server");
    // One probe, then one request per constraint.
    assert.equal(h.server.requests.length, 3);
    const body = h.chatBodies()[1];
    assert.equal(body.temperature, 0);
    assert.equal(body.seed, 0);
    assert.equal(body.logprobs, true);
    assert.deepEqual((body.response_format as { type: string }).type, "json_schema");
    const schema = (body.response_format as { json_schema: { schema: { properties: object } } }).json_schema.schema;
    assert.deepEqual(Object.keys(schema.properties), ["evidence", "verdict"]);
    assert.deepEqual(h.judge.stats(), { requestsSent: 3, cacheHits: 0, retries: 0, failures: 0, deduplicated: 0 });
  } finally {
    await closeHarness(h);
  }
});

test("P(YES) exactly 0.5 passes (r = 1 iff P >= 0.5)", async () => {
  const h = await harness({ probabilities: { "Be even.": 0.5 } });
  try {
    const verdict = await h.judge.judge({ constraint: "Be even.", response });
    assert.equal(verdict.status, "pass");
    assert.ok(Math.abs(verdict.probability! - 0.5) < 1e-9);
  } finally {
    await closeHarness(h);
  }
});

test("json_schema without logprobs: a 3-sample vote with distinct seeds, P = fraction YES", async () => {
  const h = await harness({
    logprobs: false,
    // The sample with seed 2 disagrees: 2 of 3 say YES.
    handle: (request, index) => {
      const body = request.body as { seed?: number };
      if (index > 0 && body.seed === 2) return { body: chatCompletionBody('{"evidence":"no","verdict":"NO"}') };
      return undefined;
    },
  });
  try {
    const verdict = await h.judge.judge({ constraint: "Be kind.", response });
    assert.equal(verdict.status, "pass");
    assert.equal(verdict.probability, 2 / 3);
    assert.equal(verdict.evidence, "judged by the loopback server");
    // probe + 3 samples
    assert.equal(h.server.requests.length, 4);
    const seeds = h.chatBodies().slice(1).map((body) => body.seed).sort();
    assert.deepEqual(seeds, [0, 1, 2]);
    assert.ok(h.chatBodies().slice(1).every((body) => body.logprobs === undefined && body.response_format !== undefined));
  } finally {
    await closeHarness(h);
  }
});

test("no json_schema, no logprobs: prompted JSON; the verdict field wins over evidence that argues otherwise", async () => {
  const h = await harness({
    jsonSchema: false,
    logprobs: false,
    verdicts: { "Use a formal tone.": "YES" },
    evidence: { "Use a formal tone.": "The response is casual and informal, so it fails." },
  });
  try {
    const verdict = await h.judge.judge({ constraint: "Use a formal tone.", response });
    assert.equal(verdict.status, "pass");
    assert.equal(verdict.probability, undefined);
    assert.equal(verdict.evidence, "The response is casual and informal, so it fails.");
    // probe rejected (400 on response_format), probe again without it, then the question.
    assert.equal(h.server.requests.length, 3);
    assert.notEqual(h.chatBodies()[0].response_format, undefined);
    assert.equal(h.chatBodies()[2].response_format, undefined);
  } finally {
    await closeHarness(h);
  }
});

test("a reasoning model that rejects temperature and logprobs still works", async () => {
  const h = await harness({ rejectParameters: ["temperature", "logprobs"], verdicts: { "Be terse.": "NO" } });
  try {
    const verdict = await h.judge.judge({ constraint: "Be terse.", response });
    assert.equal(verdict.status, "fail");
    assert.equal(verdict.probability, 0);
    // probe: 400 temperature, 400 logprobs, ok; then a 3-sample vote.
    assert.equal(h.server.requests.length, 6);
    for (const body of h.chatBodies().slice(2)) {
      assert.equal("temperature" in body, false);
      assert.equal("logprobs" in body, false);
      assert.equal("top_logprobs" in body, false);
    }
  } finally {
    await closeHarness(h);
  }
});

test("a malformed reply is re-asked once with the bad reply quoted back", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { body: chatCompletionBody("Sure! The verdict is yes.") } : undefined) });
  try {
    const verdict = await h.judge.judge({ constraint: "Be brief.", response });
    assert.equal(verdict.status, "pass");
    assert.equal(h.server.requests.length, 3);
    const reask = h.chatBodies()[2].messages as { role: string; content: string }[];
    assert.deepEqual(reask.map((message) => message.role), ["system", "user", "assistant", "user"]);
    assert.equal(reask[2].content, "Sure! The verdict is yes.");
  } finally {
    await closeHarness(h);
  }
});

test("a reply that fails validation twice is status error, never a 0 or a 1", async () => {
  const h = await harness({
    handle: (_, index) => {
      if (index === 1) return { body: chatCompletionBody('{"evidence": "x", "verdict": "MAYBE"}') };
      if (index === 2) return { raw: "this is not json at all" };
      return undefined;
    },
  });
  try {
    const verdict = await h.judge.judge({ constraint: "Be brief.", response });
    assert.deepEqual(verdict, { status: "error", error: "judge reply did not validate twice" });
    assert.equal(h.judge.stats().failures, 1);
  } finally {
    await closeHarness(h);
  }
});
