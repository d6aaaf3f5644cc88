// Judge throughput: 1,000 distinct verdicts from a loopback judge with a fixed
// 100 ms latency at concurrency 8, then the same 1,000 again from the on-disk cache.
// Targets: first run within 1.1x of ideal (1,000 x 0.1 s / 8 = 12.5 s); cached run >= 50x faster.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createJudge } from "../../server/src/judge/settings.js";
import { startLoopbackJudge } from "../../test/helpers/loopback-judge.js";

const VERDICTS = 1000;
const LATENCY_MS = 100;
const CONCURRENCY = 8;

export interface JudgeBenchResult {
  idealMs: number;
  firstRunMs: number;
  ratioToIdeal: number;
  cachedRunMs: number;
  cacheSpeedup: number;
}

export async function benchJudge(): Promise<JudgeBenchResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), "lsrif-judge-bench-"));
  const server = await startLoopbackJudge({ latencyMs: LATENCY_MS });
  const requests = Array.from({ length: VERDICTS }, (_, i) => ({ constraint: `Mention the number ${i}.`, response: `A response mentioning ${i}.` }));
  const settings = { baseUrl: server.chatBaseUrl, model: "bench", concurrency: CONCURRENCY, cacheDir };
  try {
    const first = createJudge(settings);
    const firstStart = performance.now();
    const firstRun = await Promise.all(requests.map((request) => first.judge(request)));
    const firstRunMs = performance.now() - firstStart;
    first.dispose();
    if (firstRun.some((verdict) => verdict.status !== "pass")) throw new Error("bench: a first-run verdict did not pass");

    const second = createJudge(settings);
    const cachedStart = performance.now();
    const cachedRun = await Promise.all(requests.map((request) => second.judge(request)));
    const cachedRunMs = performance.now() - cachedStart;
    second.dispose();
    if (cachedRun.some((verdict) => verdict.cached !== true)) throw new Error("bench: a re-run verdict was not served from the cache");

    const idealMs = (VERDICTS * LATENCY_MS) / CONCURRENCY;
    return { idealMs, firstRunMs, ratioToIdeal: firstRunMs / idealMs, cachedRunMs, cacheSpeedup: firstRunMs / cachedRunMs };
  } finally {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchJudge().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
