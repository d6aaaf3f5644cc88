// `lsrif serve` on a GRPO step (the paper's rollout batch: 384 prompts x 5 responses),
// each figure beside its baseline in the same run. The server runs as a real CLI
// process (bin/lsrif.js serve); this process is the trainer and the loopback judge.
//
// - hard: 384 IFEval instructions (their hard constraints) x 5 responses, in-process
//   scoring vs one /v1/score_batch request (detail "reward", as the trainer adapters ask;
//   detail "full" reported beside it) vs 1,920 concurrent one-item /get_reward calls.
//   Targets: batch <= 1.5x in-process, one-item calls <= 3x.
// - soft: the same step with 2 soft constraints per instruction (3,840 distinct
//   verdicts) against a chat loopback judge with 100 ms latency at concurrency 64.
//   Target <= 1.1x the ideal 3,840 x 0.1 s / 64 = 6 s.
// - classifier: the same verdicts from a classifier judge with --judge-batch 32.
//   Target: HTTP requests <= 1/16 of verdicts.
// - pool: hard checks on the piscina worker pool, items/s for 1 and 2 workers.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Pool } from "undici";
import type { Instruction } from "../../server/src/analysis/logic.js";
import { startLoopbackJudge } from "../../test/helpers/loopback-judge.js";
import { HardCheckPool } from "../../server/src/serve/hard-pool.js";
import { InstructionSource } from "../../server/src/serve/instructions.js";
import { grpoStep, type StepItem } from "../../test/helpers/grpo-step.js";
import { scoreInstruction } from "../../server/src/scoring/lsrm.js";
import { DEFAULT_FALLBACK_SCORE, REWARD_KEYS, resultReward, type RewardBlock } from "../../server/src/serve/reward-block.js";

const root = join(__dirname, "../../..");
const INSTRUCTIONS = 384;
const GROUP = 5;
const LATENCY_MS = 100;
const JUDGE_CONCURRENCY = 64;
const RUNS = 3;
/** Interleaved runs of the hard rows (in-process, batch, batch full, one-item); the median of each. */
const HARD_RUNS = 5;

export interface ServeBenchResult {
  items: number;
  inProcessMs: number;
  batchMs: number;
  batchRatio: number;
  /** The same batch with detail "full" (the result tree of every item), report only. */
  batchFullMs: number;
  oneItemMs: number;
  oneItemRatio: number;
  /** CPU time (ms) of the same, median: in-process; trainer + server for the two HTTP paths. */
  inProcessCpuMs: number;
  batchCpuMs: number;
  oneItemCpuMs: number;
  softVerdicts: number;
  softMs: number;
  /** CPU time of the soft step, trainer + loopback judge (this process) + server. */
  softCpuMs: number;
  softIdealMs: number;
  softRatio: number;
  classifierMs: number;
  classifierRequests: number;
  classifierRequestsPerVerdict: number;
  pool: PoolFigures;
  /** The same with each response 8 times as long (about 16 KB, 4k tokens). */
  longPool: PoolFigures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function serve(args: string[]): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-serve-bench-"));
  const portFile = join(dir, "url");
  const child = spawn(process.execPath, [join(root, "bin/lsrif.js"), "serve", "--port", "0", "--port-file", portFile, "--deadline-ms", "600000", ...args], {
    cwd: root, stdio: ["ignore", "ignore", "inherit"],
  });
  while (!existsSync(portFile)) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = readFileSync(portFile, "utf8").trim();
  return {
    url, child,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("close", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The trainer's client: one keep-alive pool of connections (undici, the client inside
// Node's fetch, without fetch's stream layers), as an HTTP library a trainer uses keeps
// (aiohttp and httpx default to 100 connections per host). Its cost counts, as a trainer
// pays for its client too; what is not counted is a fresh connection per request (1,920
// concurrent calls on 1,920 sockets), which a pooled client does not make.
const CONNECTIONS = 100;
const pools = new Map<string, Pool>();

async function postJson(url: string, body: unknown): Promise<unknown> {
  const { origin, pathname } = new URL(url);
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: CONNECTIONS, keepAliveTimeout: 60_000 })));
  const reply = await pool.request({ method: "POST", path: pathname, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await reply.body.text();
  if (reply.statusCode !== 200) throw new Error(`bench: ${url} answered ${reply.statusCode}`);
  return JSON.parse(text);
}

async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  pools.clear();
}

function importAll(items: StepItem[]): Instruction[] {
  const source = new InstructionSource(undefined);
  return items.map((item) => {
    const resolved = source.inlineInstruction(item.instruction);
    if (!resolved.ok) throw new Error(`bench: ${item.id}: ${resolved.reason}`);
    return resolved.instruction;
  });
}

/** CPU time (user + system, ms) of this process, plus that of process `pid` (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid?: number): number {
  const self = process.cpuUsage();
  let other = 0;
  if (pid !== undefined) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    other = (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return (self.user + self.system) / 1000 + other;
}

/** Wall and CPU time of `run`; the CPU of the trainer (this process) and the server together. */
async function timedWithCpu(pid: number | undefined, run: () => Promise<unknown>): Promise<{ ms: number; cpu: number }> {
  const cpu = cpuMs(pid);
  const ms = await timed(run);
  return { ms, cpu: cpuMs(pid) - cpu };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Scores the step in-process (the main-thread figure beside the worker pool). */
async function inProcessScores(items: StepItem[], instructions: Instruction[]): Promise<number[]> {
  return Promise.all(items.map(async (item, i) => (await scoreInstruction(instructions[i], item.response)).score));
}

/**
 * The in-process side of the hard rows: the same scoring and the same reward block the
 * server builds (all six keys), with the same options (no evidence, as for a reward-only
 * reply), so both sides do the same work and every key is compared.
 */
async function inProcessRewards(items: StepItem[], instructions: Instruction[]): Promise<RewardBlock[]> {
  // explain: false, as the server scores for a reward-only reply (score-item.ts).
  return Promise.all(items.map(async (item, i) => resultReward(await scoreInstruction(instructions[i], item.response, { explain: false }), DEFAULT_FALLBACK_SCORE).reward));
}

function sameRewards(label: string, got: RewardBlock[], want: RewardBlock[]): void {
  if (!isDeepStrictEqual(got, want)) throw new Error(`bench: ${label} reward blocks differ from in-process`);
}

type GetRewardReply = { rewards: number[]; extra_logs: Record<Exclude<keyof RewardBlock, "score">, number[]> };

/** The block of a one-item /get_reward reply, from its reward and extra_logs. */
const blockOf = (reply: GetRewardReply): RewardBlock =>
  Object.fromEntries(REWARD_KEYS.map((key) => [key, key === "score" ? reply.rewards[0] : reply.extra_logs[key][0]])) as RewardBlock;

/** OpenRLHF's labels are dataset strings (the instruction as JSON text), made before the step. */
const labelsOf = (items: StepItem[]) => items.map((item) => JSON.stringify(item.instruction));

const oneItemCalls = (url: string, items: StepItem[], labels: string[]) =>
  Promise.all(items.map((item, i) => postJson(`${url}/get_reward`, { query: [item.response], prompts: [""], labels: [labels[i]] })));

async function benchHard(): Promise<Pick<ServeBenchResult, "inProcessMs" | "batchMs" | "batchFullMs" | "oneItemMs" | "inProcessCpuMs" | "batchCpuMs" | "oneItemCpuMs">> {
  type Timing = { ms: number; cpu: number };
  const inProcess: Timing[] = [];
  const batch: Timing[] = [];
  const batchFull: number[] = [];
  const oneItem: Timing[] = [];
  // One long-running server, as in training, warmed on the IFEval prompts the step does not use.
  const server = await serve([]);
  try {
    const warm = grpoStep({ instructions: 541 - INSTRUCTIONS, groupSize: GROUP, offset: INSTRUCTIONS });
    await postJson(`${server.url}/v1/score_batch`, { items: warm, detail: "reward" });
    await postJson(`${server.url}/v1/score_batch`, { items: warm });
    await oneItemCalls(server.url, warm, labelsOf(warm));
    await inProcessRewards(warm, importAll(warm));
    for (let run = 0; run < HARD_RUNS; run++) {
      // Fresh instruction ids per run and path: nothing is served from the server's parse cache,
      // and in-process scoring includes the import too.
      const step = (path: string) => grpoStep({ instructions: INSTRUCTIONS, groupSize: GROUP, tag: `-${path}${run}` });
      const local = step("local");
      const viaBatch = step("batch");
      const viaFull = step("full");
      const viaOneItem = step("one");
      const labels = labelsOf(viaOneItem);
      let want: RewardBlock[] = [];
      const got: Record<string, RewardBlock[]> = {};
      const batchRewards = async (items: StepItem[], detail: "reward" | "full") =>
        ((await postJson(`${server.url}/v1/score_batch`, { items, detail })) as { results: { reward: RewardBlock }[] }).results.map((r) => r.reward);
      const phases = [
        async () => inProcess.push(await timedWithCpu(undefined, async () => (want = await inProcessRewards(local, importAll(local))))),
        async () => batch.push(await timedWithCpu(server.child.pid, async () => (got.score_batch = await batchRewards(viaBatch, "reward")))),
        async () => batchFull.push(await timed(async () => (got["score_batch detail full"] = await batchRewards(viaFull, "full")))),
        async () => oneItem.push(await timedWithCpu(server.child.pid, async () => {
          got.get_reward = (await oneItemCalls(server.url, viaOneItem, labels)).map((reply) => blockOf(reply as GetRewardReply));
        })),
      ];
      // The order turns from run to run, so no path always pays the garbage or the idle
      // sockets the one before it left.
      for (let p = 0; p < phases.length; p++) await phases[(p + run) % phases.length]();
      for (const [label, rewards] of Object.entries(got)) sameRewards(label, rewards, want);
    }
  } finally {
    await closePools();
    await server.stop();
  }
  const ms = (timings: Timing[]) => median(timings.map((t) => t.ms));
  const cpu = (timings: Timing[]) => median(timings.map((t) => t.cpu));
  return {
    inProcessMs: ms(inProcess), batchMs: ms(batch), batchFullMs: median(batchFull), oneItemMs: ms(oneItem),
    inProcessCpuMs: cpu(inProcess), batchCpuMs: cpu(batch), oneItemCpuMs: cpu(oneItem),
  };
}

async function benchSoft(items: StepItem[], kind: "chat" | "classifier"): Promise<{ ms: number; cpu: number; requests: number; verdicts: number }> {
  const judge = await startLoopbackJudge({ latencyMs: LATENCY_MS });
  const url = kind === "chat" ? judge.chatBaseUrl : judge.baseUrl;
  const server = await serve(["--judge-url", url, "--judge-model", "bench", "--judge-kind", kind, "--concurrency", String(JUDGE_CONCURRENCY), "--no-cache", "--judge-batch", "32"]);
  try {
    // Warm the server as a long-running one is after its first step: data tables and JIT on
    // hard-only items, then the judge probed and its connections open, on soft items of
    // prompts the step does not use (a different prompt key, so no verdict is shared).
    await postJson(`${server.url}/v1/score_batch`, { items: grpoStep({ instructions: 541 - INSTRUCTIONS, groupSize: GROUP, offset: INSTRUCTIONS }), detail: "reward" });
    await postJson(`${server.url}/v1/score_batch`, { items: grpoStep({ instructions: 32, groupSize: 1, offset: INSTRUCTIONS, softPerInstruction: 2 }), detail: "reward" });
    const warmRequests = judge.requests.length;
    let complete = 0;
    const { ms, cpu } = await timedWithCpu(server.child.pid, async () => {
      const reply = (await postJson(`${server.url}/v1/score_batch`, { items, detail: "reward" })) as { results: { reward: { complete: number; error: number } }[] };
      complete = reply.results.filter((r) => r.reward.complete === 1 && r.reward.error === 0).length;
    });
    if (complete !== items.length) throw new Error(`bench: ${items.length - complete} soft items were not fully judged`);
    const requests = judge.requests.slice(warmRequests);
    const verdicts = kind === "chat"
      ? requests.length
      : requests.reduce((n, request) => n + ((request.body as { input?: unknown[] }).input?.length ?? 0), 0);
    return { ms, cpu, requests: requests.length, verdicts };
  } finally {
    await closePools();
    await server.stop();
    await judge.close();
  }
}

interface PoolFigures {
  mainThreadItemsPerS: number;
  pool1ItemsPerS: number;
  pool2ItemsPerS: number;
}

async function benchPool(items: StepItem[]): Promise<PoolFigures> {
  const instructions = importAll(items);
  const perSecond = (ms: number) => (items.length / ms) * 1000;
  const main: number[] = [];
  for (let run = 0; run < RUNS; run++) main.push(await timed(() => inProcessScores(items, instructions)));
  const pooled = async (workers: number) => {
    const pool = new HardCheckPool(workers);
    try {
      const score = (i: number) => pool.scoreFunction(instructions[i], items[i].response, {});
      await Promise.all(items.slice(0, 50).map((_, i) => score(i))); // threads started and warm
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await timed(() => Promise.all(items.map((_, i) => score(i)))));
      return perSecond(median(runs));
    } finally {
      await pool.close();
    }
  };
  return { mainThreadItemsPerS: perSecond(median(main)), pool1ItemsPerS: await pooled(1), pool2ItemsPerS: await pooled(2) };
}

export async function benchServe(): Promise<ServeBenchResult> {
  const hardItems = grpoStep({ instructions: INSTRUCTIONS, groupSize: GROUP });
  const hard = await benchHard();
  const softItems = grpoStep({ instructions: INSTRUCTIONS, groupSize: GROUP, softPerInstruction: 2 });
  const softVerdicts = softItems.length * 2;
  const chat = await benchSoft(softItems, "chat");
  const classifier = await benchSoft(softItems, "classifier");
  if (classifier.verdicts !== softVerdicts) throw new Error(`bench: the classifier gave ${classifier.verdicts} verdicts, not ${softVerdicts}`);
  const pool = await benchPool(hardItems);
  const longPool = await benchPool(hardItems.map((item) => ({ ...item, response: Array.from({ length: 8 }, () => item.response).join("\n\n") })));
  const softIdealMs = (softVerdicts * LATENCY_MS) / JUDGE_CONCURRENCY;
  return {
    items: hardItems.length,
    ...hard,
    batchRatio: hard.batchMs / hard.inProcessMs,
    oneItemRatio: hard.oneItemMs / hard.inProcessMs,
    softVerdicts,
    softMs: chat.ms,
    softCpuMs: chat.cpu,
    softIdealMs,
    softRatio: chat.ms / softIdealMs,
    classifierMs: classifier.ms,
    classifierRequests: classifier.requests,
    classifierRequestsPerVerdict: classifier.requests / softVerdicts,
    pool,
    longPool,
  };
}

if (require.main === module) {
  benchServe().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
