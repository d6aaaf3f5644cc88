// The judge's pure parts: Retry-After parsing, backoff, the adaptive limiter,
// logprob reading, reply parsing and settings validation.

import assert from "node:assert/strict";
import { test } from "node:test";
import { JudgeHttpError, parseRetryAfter } from "../../../server/src/judge/http.js";
import { AdaptiveLimiter } from "../../../server/src/judge/limiter.js";
import { probabilityOfYes } from "../../../server/src/judge/logprobs.js";
import { parseVerdictReply } from "../../../server/src/judge/prompt.js";
import { backoffDelay } from "../../../server/src/judge/retry.js";
import { parseJudgeSettings } from "../../../server/src/judge/settings.js";

test("Retry-After: seconds, HTTP date, garbage", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("3", now), 3000);
  assert.equal(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now), 5000);
  assert.equal(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test("backoff doubles, is capped, and Retry-After overrides it", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 300, maxWaitMs: 10_000, random: () => 0 };
  const error = new JudgeHttpError("HTTP 503", true, 503);
  // random 0 gives half the step: 50, 100, then the 300 cap halves to 150.
  assert.deepEqual([0, 1, 2, 5].map((retry) => backoffDelay(retry, error, options)), [50, 100, 150, 150]);
  assert.equal(backoffDelay(0, new JudgeHttpError("HTTP 429", true, 429, 1234), options), 1234);
});

test("limiter halves on 429 and grows back one step per window of successes", async () => {
  const limiter = new AdaptiveLimiter(8);
  limiter.onRateLimited();
  assert.equal(limiter.limit, 4);
  limiter.onRateLimited();
  limiter.onRateLimited();
  limiter.onRateLimited();
  assert.equal(limiter.limit, 1);
  limiter.onSuccess();
  assert.equal(limiter.limit, 2);
  limiter.onSuccess();
  assert.equal(limiter.limit, 2);
  limiter.onSuccess();
  assert.equal(limiter.limit, 3);
  // Never above the configured maximum.
  for (let i = 0; i < 100; i++) limiter.onSuccess();
  assert.equal(limiter.limit, 8);
});

test("limiter never runs more than its limit at once", async () => {
  const limiter = new AdaptiveLimiter(3);
  let running = 0;
  let peak = 0;
  const task = async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
  };
  await Promise.all(Array.from({ length: 12 }, () => limiter.run(task)));
  assert.equal(peak, 3);
  assert.equal(limiter.inFlight, 0);
});

test("limiter: a queued task whose signal fires leaves the queue", async () => {
  const limiter = new AdaptiveLimiter(1);
  let release!: () => void;
  const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
  const controller = new AbortController();
  const queued = limiter.run(async () => "ran", controller.signal);
  controller.abort();
  await assert.rejects(queued, { message: "cancelled" });
  release();
  await blocker;
  assert.equal(await limiter.run(async () => "next"), "next");
});

test("probabilityOfYes finds the verdict token even when it is merged with punctuation", () => {
  const content = '{"evidence":"a \\"verdict\\": \\"NO\\" quote","verdict":"YES"}';
  const at = content.lastIndexOf('"YES"');
  const logprobs = {
    content: [
      { token: content.slice(0, at), logprob: 0 },
      { token: '"YES', logprob: Math.log(0.6), top_logprobs: [{ token: '"YES', logprob: Math.log(0.6) }, { token: '"NO', logprob: Math.log(0.2) }, { token: '"maybe', logprob: Math.log(0.2) }] },
      { token: '"}', logprob: 0 },
    ],
  };
  // YES 0.6 vs NO 0.2, "maybe" ignored: 0.6 / 0.8 = 0.75.
  assert.ok(Math.abs(probabilityOfYes(content, logprobs)! - 0.75) < 1e-9);
  assert.equal(probabilityOfYes(content, null), undefined);
  assert.equal(probabilityOfYes(content, { content: [] }), undefined);
});

test("parseVerdictReply: fences, case, extra text; rejects other verdicts", () => {
  assert.deepEqual(parseVerdictReply('```json\n{"evidence": "e", "verdict": "yes"}\n```'), { evidence: "e", verdict: "YES" });
  assert.deepEqual(parseVerdictReply('{"evidence":"e","verdict":" NO "}'), { evidence: "e", verdict: "NO" });
  assert.equal(parseVerdictReply('{"evidence":"e","verdict":"PARTIAL"}'), undefined);
  assert.equal(parseVerdictReply('{"verdict":"YES"}'), undefined);
  assert.equal(parseVerdictReply("YES"), undefined);
});

test("settings: defaults, and errors that do not echo values", () => {
  const parsed = parseJudgeSettings({ baseUrl: "http://127.0.0.1:8000/v1", model: "m" });
  assert.ok(parsed.ok);
  assert.equal(parsed.settings.kind, "chat");
  assert.equal(parsed.settings.temperature, 0);
  assert.equal(parsed.settings.cacheDir, undefined);
  const bad = parseJudgeSettings({ baseUrl: "file:///etc/passwd", model: "m", apiKey: 42, concurrency: 0 });
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.match(bad.error, /baseUrl/);
    assert.match(bad.error, /apiKey/);
    assert.match(bad.error, /concurrency/);
    assert.equal(bad.error.includes("passwd"), false);
  }
});
