// The on-disk cache over real HTTP: a second run sends nothing; errors are not cached;
// the key ignores the API key but not the model.

import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createJudge } from "../../../server/src/judge/settings.js";
import { startLoopbackJudge } from "../../helpers/loopback-judge.js";

const constraints = ["Be brief.", "Use French.", "End with a question."];
const verdicts = { "Use French.": "NO" } as const;

test("second run is served from the cache with zero requests", async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "lsrif-judge-cache-"));
  const server = await startLoopbackJudge({ verdicts, probabilities: { "Be brief.": 0.7 } });
  try {
    const first = createJudge({ baseUrl: server.chatBaseUrl, model: "m", cacheDir, apiKey: "sk-first-KEY" });
    const firstRun = await Promise.all(constraints.map((constraint) => first.judge({ constraint, response: "r" })));
    assert.deepEqual(firstRun.map((verdict) => verdict.status), ["pass", "fail", "pass"]);
    const sent = server.requests.length;
    assert.equal(sent, 4);

    // A different key must not change the cache key.
    const second = createJudge({ baseUrl: server.chatBaseUrl, model: "m", cacheDir, apiKey: "sk-second-KEY" });
    const secondRun = await Promise.all(constraints.map((constraint) => second.judge({ constraint, response: "r" })));
    assert.equal(server.requests.length, sent, "no requests on the cached run");
    assert.deepEqual(secondRun.map((verdict) => verdict.status), ["pass", "fail", "pass"]);
    assert.ok(secondRun.every((verdict) => verdict.cached === true));
    assert.ok(Math.abs(secondRun[0].probability! - 0.7) < 1e-9);
    assert.equal(second.stats().cacheHits, 3);
    assert.equal(second.stats().requestsSent, 0);

    const files = readdirSync(cacheDir);
    assert.equal(files.length, 3);
    assert.ok(files.every((file) => /^[0-9a-f]{64}\.json$/.test(file)));
    for (const file of files) assert.equal(/KEY/.test(readFileSync(join(cacheDir, file), "utf8")), false);

    // Another model is another key.
    const other = createJudge({ baseUrl: server.chatBaseUrl, model: "other", cacheDir });
    await other.judge({ constraint: "Be brief.", response: "r" });
    assert.equal(other.stats().cacheHits, 0);
  } finally {
    await server.close();
  }
});

test("errors are never cached: the next run asks again", async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "lsrif-judge-cache-"));
  // Requests 0-1 fail with 500, request 2 (a probe) is fine, requests 3-4 are malformed twice, then all is well.
  const server = await startLoopbackJudge({
    handle: (_, index) => (index < 2 ? { status: 500 } : index === 3 || index === 4 ? { raw: "nope" } : undefined),
  });
  try {
    const settings = { baseUrl: server.chatBaseUrl, model: "m", cacheDir, maxRetries: 0 };
    const request = { constraint: "Be brief.", response: "r" };
    const http500 = createJudge(settings);
    assert.equal((await http500.judge(request)).status, "error");
    assert.equal((await http500.judge(request)).status, "error");
    assert.deepEqual(readdirSync(cacheDir), []);
    const malformed = createJudge(settings);
    assert.deepEqual(await malformed.judge(request), { status: "error", error: "judge reply did not validate twice" });
    assert.deepEqual(readdirSync(cacheDir), []);
    const healthy = createJudge(settings);
    const verdict = await healthy.judge(request);
    assert.equal(verdict.status, "pass");
    assert.equal(verdict.cached, undefined);
    assert.equal(healthy.stats().requestsSent, 2);
    assert.equal(readdirSync(cacheDir).length, 1);
  } finally {
    await server.close();
  }
});
