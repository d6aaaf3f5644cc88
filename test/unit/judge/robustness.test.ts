// Retries, Retry-After, timeouts, resets, 401, cancellation and dedupe, over real HTTP.

import assert from "node:assert/strict";
import { test } from "node:test";
import { closeHarness, harness } from "./helpers.js";

const request = { constraint: "Be brief.", response: "ok" };

test("429 with Retry-After seconds: waits exactly that long, retries, succeeds", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { status: 429, headers: { "retry-after": "1" }, body: { error: "slow down" } } : undefined) });
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "pass");
    assert.deepEqual(h.sleeps, [1000]);
    assert.equal(h.judge.stats().retries, 1);
    assert.equal(h.server.requests.length, 3);
  } finally {
    await closeHarness(h);
  }
});

test("429 with an HTTP-date Retry-After and a real sleep", async () => {
  const { createJudge } = await import("../../../server/src/judge/settings.js");
  const { startLoopbackJudge } = await import("../../helpers/loopback-judge.js");
  // The date is 1 s after the pinned clock; Date.parse drops sub-second precision.
  const now = Date.parse("2025-03-01T12:00:00Z");
  const server = await startLoopbackJudge({
    handle: (_, index) => (index === 1 ? { status: 429, headers: { "retry-after": new Date(now + 1000).toUTCString() } } : undefined),
  });
  const judge = createJudge({ baseUrl: server.chatBaseUrl, model: "m" }, undefined, { now: () => now });
  try {
    const started = Date.now();
    const verdict = await judge.judge(request);
    assert.equal(verdict.status, "pass");
    assert.ok(Date.now() - started >= 990, `waited ${Date.now() - started} ms`);
  } finally {
    judge.dispose();
    await server.close();
  }
});

test("5xx: exponential backoff with jitter (random pinned at 0.5)", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 || index === 2 ? { status: 503, body: { error: "busy" } } : undefined) });
  try {
    assert.equal((await h.judge.judge(request)).status, "pass");
    // step 250 then 500 ms; delay = step/2 + 0.5 * step/2 = 187.5 -> 188, then 375.
    assert.deepEqual(h.sleeps, [188, 375]);
    assert.equal(h.judge.stats().retries, 2);
  } finally {
    await closeHarness(h);
  }
});

test("persistent 500: gives up after maxRetries with status error", async () => {
  const h = await harness({ handle: () => ({ status: 500, body: { error: "boom" } }) }, { maxRetries: 2 });
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "error");
    assert.match(verdict.error!, /^HTTP 500/);
    assert.equal(h.server.requests.length, 3);
    assert.deepEqual(h.judge.stats(), { requestsSent: 3, cacheHits: 0, retries: 2, failures: 1, deduplicated: 0 });
  } finally {
    await closeHarness(h);
  }
});

test("a request that never answers times out and is retried", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { hang: true } : undefined) }, { timeoutMs: 200 });
  try {
    assert.equal((await h.judge.judge(request)).status, "pass");
    assert.equal(h.judge.stats().retries, 1);
    assert.ok(h.logs.some((line) => line.includes("timeout after 200 ms")));
  } finally {
    await closeHarness(h);
  }
});

test("a dropped connection is retried", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { destroy: true } : undefined) });
  try {
    assert.equal((await h.judge.judge(request)).status, "pass");
    assert.equal(h.judge.stats().retries, 1);
  } finally {
    await closeHarness(h);
  }
});

test("401 is not retried, and the key appears in no error or log line", async () => {
  const apiKey = "sk-test-SECRET-4242";
  const h = await harness(
    {
      // A hostile server echoes the Authorization header back.
      handle: (recorded) => ({ status: 401, body: { error: `invalid key: ${String(recorded.headers.authorization)}` } }),
    },
    { apiKey },
  );
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "error");
    assert.match(verdict.error!, /^HTTP 401/);
    assert.equal(verdict.error!.includes(apiKey), false);
    assert.equal(h.server.requests.length, 1);
    assert.equal(h.server.requests[0].headers.authorization, `Bearer ${apiKey}`);
    assert.equal(h.judge.stats().retries, 0);
    assert.ok(h.logs.length > 0);
    assert.ok(h.logs.every((line) => !line.includes(apiKey) && !/authorization/i.test(line)), h.logs.join("\n"));
  } finally {
    await closeHarness(h);
  }
});

test("cancellation aborts the in-flight request and yields status error 'cancelled'", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { hang: true } : undefined) });
  try {
    const controller = new AbortController();
    const pending = h.judge.judge(request, controller.signal);
    while (h.server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    assert.deepEqual(await pending, { status: "error", error: "cancelled" });
    while (h.server.requests[1].closedEarly !== true) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.judge.stats().failures, 1);
  } finally {
    await closeHarness(h);
  }
});

test("identical concurrent requests share one HTTP request", async () => {
  const h = await harness({ latencyMs: 50 });
  try {
    const verdicts = await Promise.all(Array.from({ length: 5 }, () => h.judge.judge(request)));
    assert.ok(verdicts.every((verdict) => verdict.status === "pass"));
    // probe + one question
    assert.equal(h.server.requests.length, 2);
    assert.equal(h.judge.stats().deduplicated, 4);
  } finally {
    await closeHarness(h);
  }
});

test("one sharer cancelling does not cancel the others", async () => {
  const h = await harness({ latencyMs: 100 });
  try {
    const controller = new AbortController();
    const leaving = h.judge.judge(request, controller.signal);
    const staying = h.judge.judge(request);
    setTimeout(() => controller.abort(), 20);
    assert.deepEqual(await leaving, { status: "error", error: "cancelled" });
    assert.equal((await staying).status, "pass");
  } finally {
    await closeHarness(h);
  }
});

test("dispose aborts in-flight requests", async () => {
  const h = await harness({ handle: (_, index) => (index === 1 ? { hang: true } : undefined) });
  try {
    const pending = h.judge.judge(request);
    while (h.server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    h.judge.dispose();
    assert.deepEqual(await pending, { status: "error", error: "cancelled" });
  } finally {
    await closeHarness(h);
  }
});
