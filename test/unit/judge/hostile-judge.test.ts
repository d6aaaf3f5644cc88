// Issue 9 items 4-7 and 8 (cache side): a hostile judge. Unbounded Retry-After waits,
// a gateway echoing the Authorization header into evidence, cross-origin redirects and
// huge replies, all over real HTTP against the loopback judge.

import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MAX_REPLY_BYTES } from "../../../server/src/judge/http.js";
import { createJudge, type JudgeSettingsInput } from "../../../server/src/judge/settings.js";
import { MAX_WAIT_MS, verdictDeadlineMs } from "../../../server/src/judge/transport.js";
import { chatCompletionBody, startLoopbackJudge, type LoopbackScript } from "../../helpers/loopback-judge.js";
import { filesUnder } from "../cli-batch/run-cli.js";

const request = { constraint: "Be brief.", response: "ok" };

/** A judge whose clock moves only when it sleeps: waits are recorded, never spent. */
async function fakeClockJudge(script: LoopbackScript, settings: Partial<JudgeSettingsInput> = {}) {
  const server = await startLoopbackJudge(script);
  let clock = Date.parse("2026-01-01T00:00:00Z");
  const sleeps: number[] = [];
  const logs: string[] = [];
  const judge = createJudge({ baseUrl: server.chatBaseUrl, model: "m", ...settings }, (line) => logs.push(line), {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
  });
  const close = async () => {
    judge.dispose();
    await server.close();
  };
  return { server, judge, sleeps, logs, close, now: () => clock };
}

const rateLimited = (retryAfter: (now: number) => string, nowOf: () => number): LoopbackScript => ({
  handle: (_, index) => (index >= 1 ? { status: 429, headers: { "retry-after": retryAfter(nowOf()) }, body: { error: "slow down" } } : undefined),
});

test("item 4: Retry-After: 86400 is capped by the maximum wait, then the verdict is error", async () => {
  let now = () => 0;
  const h = await fakeClockJudge(rateLimited(() => "86400", () => now()), { maxRetries: 3 });
  now = h.now;
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "error");
    assert.match(verdict.error!, /HTTP 429/);
    // Default timeout 60 s x 4 attempts = 240 s of budget: three capped waits of 30 s fit.
    assert.deepEqual(h.sleeps, [MAX_WAIT_MS, MAX_WAIT_MS, MAX_WAIT_MS]);
  } finally {
    await h.close();
  }
});

test("item 4: a wait past the verdict's deadline is not made (delta seconds and an HTTP date far ahead)", async () => {
  for (const retryAfter of [() => "86400", (t: number) => new Date(t + 7 * 24 * 3600 * 1000).toUTCString()]) {
    let now = () => 0;
    // 2 s timeout, 2 retries: a 6 s budget, less than one capped wait.
    const h = await fakeClockJudge(rateLimited(retryAfter, () => now()), { timeoutMs: 2000, maxRetries: 2 });
    now = h.now;
    try {
      assert.equal(verdictDeadlineMs({ timeoutMs: 2000, maxRetries: 2 }), 6000);
      const verdict = await h.judge.judge(request);
      assert.equal(verdict.status, "error");
      assert.match(verdict.error!, /deadline of 6 s/);
      assert.match(verdict.error!, /Retry-After asked for/);
      assert.deepEqual(h.sleeps, []);
      assert.equal(h.server.requests.length, 2, "the probe and one verdict request, no retry");
    } finally {
      await h.close();
    }
  }
});

test("item 4: short Retry-After values are still obeyed exactly", async () => {
  let now = () => 0;
  let calls = 0;
  const h = await fakeClockJudge({ handle: (_, index) => (index === 1 && calls++ === 0 ? { status: 429, headers: { "retry-after": "2" } } : undefined) });
  now = h.now;
  void now;
  try {
    assert.equal((await h.judge.judge(request)).status, "pass");
    assert.deepEqual(h.sleeps, [2000]);
  } finally {
    await h.close();
  }
});

test("item 5: a judge echoing the request headers: the key is in no evidence, error, log or cache file", async () => {
  const apiKey = "sk-live-HOSTILE-7777";
  const cacheDir = mkdtempSync(join(tmpdir(), "lsrif-hostile-cache-"));
  const h = await fakeClockJudge(
    {
      handle: (recorded, index) => {
        if (index === 0) return undefined; // the probe
        const echoed = JSON.stringify(recorded.headers);
        return { body: chatCompletionBody(JSON.stringify({ evidence: `request headers were ${echoed}; api-key=${apiKey}`, verdict: "YES" })) };
      },
    },
    { apiKey, cacheDir },
  );
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "pass");
    assert.equal(h.server.requests[1].headers.authorization, `Bearer ${apiKey}`, "the key was sent");
    assert.ok(verdict.evidence?.includes("request headers were"), verdict.evidence);
    assert.ok(!verdict.evidence!.includes(apiKey), verdict.evidence);
    assert.match(verdict.evidence!, /authorization\\?":\\?"Bearer \[redacted\]/);
    const files = filesUnder(cacheDir);
    assert.equal(files.length, 1);
    assert.ok(!files[0].text.includes(apiKey), files[0].text);
    assert.ok(h.logs.every((line) => !line.includes(apiKey)));
  } finally {
    await h.close();
  }
});

test("item 5: an echoed header value is redacted even without the key configured (a gateway's own key)", async () => {
  const h = await fakeClockJudge({
    handle: (_, index) =>
      index === 0 ? undefined : { body: chatCompletionBody(JSON.stringify({ evidence: "x-api-key: gw-123 and Authorization: Basic dXNlcjpwdw==", verdict: "NO" })) },
  });
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "fail");
    assert.equal(verdict.evidence, "x-api-key: [redacted] and Authorization: Basic [redacted]");
  } finally {
    await h.close();
  }
});

test("item 6: a cross-origin redirect is refused with an error naming the target, and nothing reaches it", async () => {
  const elsewhere = await startLoopbackJudge();
  const h = await fakeClockJudge({ handle: () => ({ status: 307, headers: { location: `${elsewhere.chatBaseUrl}/chat/completions` } }) });
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "error");
    assert.ok(verdict.error!.includes(`redirected (HTTP 307) to ${elsewhere.chatBaseUrl}/chat/completions`), verdict.error);
    assert.equal(elsewhere.requests.length, 0);
    assert.equal(h.server.requests.length, 1, "not retried");
  } finally {
    await h.close();
    await elsewhere.close();
  }
});

test("item 6: a same-origin redirect is refused too (the base URL should name the final address)", async () => {
  const h = await fakeClockJudge({ handle: (recorded) => (recorded.path === "/v1/chat/completions" ? { status: 301, headers: { location: "/v2/chat/completions" } } : undefined) });
  try {
    const verdict = await h.judge.judge(request);
    assert.equal(verdict.status, "error");
    assert.match(verdict.error!, /redirected \(HTTP 301\) to http:\/\/127\.0\.0\.1:\d+\/v2\/chat\/completions/);
    assert.equal(h.server.requests.length, 1);
  } finally {
    await h.close();
  }
});

test("item 7: a reply over the size cap is not read whole (streamed junk and a declared length)", async () => {
  const chunk = "x".repeat(64 * 1024);
  const count = (2 * MAX_REPLY_BYTES) / chunk.length;
  for (const reply of [{ stream: { chunk, count } }, { stream: { chunk, count }, headers: { "content-length": String(chunk.length * count) } }]) {
    const h = await fakeClockJudge({ handle: () => reply });
    try {
      const verdict = await h.judge.judge(request);
      assert.equal(verdict.status, "error");
      assert.match(verdict.error!, new RegExp(`larger than ${MAX_REPLY_BYTES} bytes`));
      assert.equal(h.server.requests.length, 1, "not retried");
    } finally {
      await h.close();
    }
  }
});

test("item 8: error verdicts are never cached; the next call asks the judge again", async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "lsrif-hostile-cache-"));
  let healthy = false;
  const server = await startLoopbackJudge({ handle: () => (healthy ? undefined : { status: 500, body: { error: "outage" } }) });
  const settings = { baseUrl: server.chatBaseUrl, model: "m", cacheDir, maxRetries: 0 };
  try {
    const down = createJudge(settings);
    assert.equal((await down.judge(request)).status, "error");
    down.dispose();
    assert.deepEqual(filesUnder(cacheDir), []);
    healthy = true;
    const up = createJudge(settings);
    const verdict = await up.judge(request);
    up.dispose();
    assert.equal(verdict.status, "pass");
    assert.equal(verdict.cached, undefined);
    assert.equal(filesUnder(cacheDir).length, 1);
  } finally {
    await server.close();
  }
});

test("item 5: a cache entry written before redaction is served without the key", async () => {
  const { VerdictCache } = await import("../../../server/src/judge/cache.js");
  const { writeFileSync } = await import("node:fs");
  const dir = mkdtempSync(join(tmpdir(), "lsrif-hostile-cache-"));
  writeFileSync(join(dir, "k.json"), JSON.stringify({ status: "pass", evidence: "echo: authorization: Bearer sk-old-1 and sk-old-1" }));
  const cache = new VerdictCache(dir, ["sk-old-1"]);
  assert.deepEqual(cache.get("k"), { status: "pass", evidence: "echo: authorization: Bearer [redacted] and [redacted]" });
});
