// Issue 9's "done when" row: every hard checker, in loose mode (8 variants, the most work
// per byte), on 1 MB of each degenerate shape a policy emits, beside 1 MB of prose (the
// official IFEval GPT-4 responses, concatenated). Target: every shape within 3x of prose.
// Also the peak memory of checking a 16 MB response of each shape with every hard checker,
// measured in a child process; target at most 20x the response size.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { HARD_TYPES, type HardConstraintType } from "../../server/src/ifeval/registry.js";
import { verifyInstruction } from "../../server/src/ifeval/verify.js";
import { parseResponsesJsonl } from "../../server/src/ifeval/jsonl-rows.js";
import { median } from "./core-bench.js";
import { boundHeapGrowth } from "../../server/src/util/heap-growth.js";

const MB = 1 << 20;

// V8's gc(), so that each timed run starts on a clean heap. The row runs every checker on
// eight texts in one process, and a major collection of the garbage earlier runs left
// landed on whichever checker happened to allocate next (words:paragraph_last_first on
// newlines: 9 ms in a fresh process, 173 ms in the row). A checker's own garbage is still
// collected, and counted, during its run.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

let prose: string | undefined;
function proseOf(bytes: number): string {
  if (prose === undefined) {
    const file = join(__dirname, "../../../test/fixtures/ifeval/input_response_data_gpt4_20231107_145030.jsonl");
    prose = parseResponsesJsonl(readFileSync(file, "utf8"), "responses").rows.map((r) => r.response).join("\n\n");
  }
  return repeatTo(prose, bytes);
}

/** The shapes of issue 9 (and the reproducers: a run, then one "x"), each `bytes` long. */
export const SHAPES: Record<string, (bytes: number) => string> = {
  newlines: (bytes) => "\n".repeat(bytes - 1) + "x",
  spaces: (bytes) => " ".repeat(bytes - 1) + "x",
  commas: (bytes) => ",".repeat(bytes),
  brackets: (bytes) => "[".repeat(bytes),
  "repeated word": (bytes) => repeatTo("lol ", bytes),
};

/**
 * A cell whose median of `runs` is over this ratio is timed RETIME_RUNS more times and given
 * the median of all its runs. On this shared VM a 10-30 ms cell sometimes takes 2-4x longer in
 * one run of three (custom:csv_quotes on brackets: 48 ms once, 10.5-11.6 ms in three other
 * rows), and the row reports the worst of ~560 cells; a checker that is really slow on a shape
 * is slow in every run, so more runs do not hide it.
 */
const RETIME_ABOVE = 2.5;
const RETIME_RUNS = 6;

/** Times under this are timer and garbage-collector noise: ratios use at least this much. */
const NOISE_FLOOR_MS = 10;

export interface DegenerateCell { type: string; shape: string; ms: number; ratio: number }

export interface DegenerateResult {
  cells: DegenerateCell[];
  worst: DegenerateCell;
  /** Per shape, the checker with the highest ratio. */
  worstByShape: Map<string, DegenerateCell>;
  proseTotalMs: number;
}

/**
 * CPU time (user + system, all threads) in ms rather than wall time: the bench machine is
 * shared, and waiting for a core is not the checker's cost.
 */
function timeOnce(type: HardConstraintType, text: string): number {
  collectGarbage();
  const start = process.cpuUsage();
  verifyInstruction(type, text, type.example.args, "loose");
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The prose baselines: prose, and prose in lower and in upper case. A checker compares
 * with the slowest of the three, so one that stops at the first capital letter of prose
 * (english_lowercase) is compared with prose it must read in full.
 */
const PROSE_BASELINES: Record<string, (bytes: number) => string> = {
  prose: proseOf,
  "lowercase prose": (bytes) => proseOf(bytes).toLowerCase(),
  "uppercase prose": (bytes) => proseOf(bytes).toUpperCase(),
};

/**
 * Median of `runs` timings per checker and shape. Each run gets a text one character shorter
 * than the last, so no per-text memo answers from an earlier run.
 */
export function benchDegenerate(bytes = MB, runs = 3): DegenerateResult {
  const cells: DegenerateCell[] = [];
  const baselines: DegenerateCell[] = [];
  const timings = (type: HardConstraintType, make: (bytes: number) => string, count: number, from = 0) =>
    Array.from({ length: count }, (_, r) => timeOnce(type, make(bytes - from - r)));
  const medianMs = (type: HardConstraintType, make: (bytes: number) => string) => median(timings(type, make, runs));
  for (const type of HARD_TYPES) {
    timeOnce(type, proseOf(4096)); // warm up (lazy data such as Punkt and language profiles)
    let proseMs = 0;
    for (const [shape, make] of Object.entries(PROSE_BASELINES)) {
      const ms = medianMs(type, make);
      if (ms >= proseMs) proseMs = ms;
      baselines.push({ type: type.id, shape, ms, ratio: 1 });
    }
    for (const [shape, make] of Object.entries(SHAPES)) {
      // Warm the checker on this shape (64 KiB, untimed), as a server is after its first such
      // rollout: a loop first met with a million-character word is compiled on the stack while
      // it runs (20-35 ms of keywords:palindrome's first two runs on commas, 12 ms after).
      timeOnce(type, make(64 * 1024));
      const ratioOf = (ms: number) => Math.max(ms, NOISE_FLOOR_MS) / Math.max(proseMs, NOISE_FLOOR_MS);
      const times = timings(type, make, runs);
      if (ratioOf(median(times)) > RETIME_ABOVE) times.push(...timings(type, make, RETIME_RUNS, runs));
      const ms = median(times);
      cells.push({ type: type.id, shape, ms, ratio: ratioOf(ms) });
    }
  }
  const degenerate = cells;
  const worst = degenerate.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const worstByShape = new Map<string, DegenerateCell>();
  for (const cell of degenerate) {
    const current = worstByShape.get(cell.shape);
    if (!current || cell.ratio > current.ratio) worstByShape.set(cell.shape, cell);
  }
  const proseTotalMs = baselines.filter((c) => c.shape === "prose").reduce((s, c) => s + c.ms, 0);
  return { cells: [...baselines, ...cells], worst, worstByShape, proseTotalMs };
}

/** `ms` is CPU time, as in benchDegenerate. */
export interface MemoryCell { shape: string; peakRssMb: number; ratio: number; ms: number }

/** Peak RSS (of the whole process, Node itself included) of a fresh process that checks a `bytes` response of each shape with every hard checker (loose). */
export function benchMemory(bytes = 16 * MB): MemoryCell[] {
  return ["prose", ...Object.keys(SHAPES)].map((shape) => {
    const child = spawnSync(process.execPath, [__filename, "--memory-child", shape, String(bytes)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`memory child for ${shape} failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`);
    const { maxRssKb, ms, utf8Bytes } = JSON.parse(child.stdout) as { maxRssKb: number; ms: number; utf8Bytes: number };
    return { shape, peakRssMb: maxRssKb / 1024, ratio: (maxRssKb * 1024) / utf8Bytes, ms };
  });
}

function memoryChild(shape: string, bytes: number): void {
  boundHeapGrowth(); // what the scoring commands of the CLI do (lsrif score, score-batch; not serve)
  const text = (shape === "prose" ? proseOf : SHAPES[shape])(bytes);
  const start = process.cpuUsage();
  for (const type of HARD_TYPES) verifyInstruction(type, text, type.example.args, "loose");
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms, utf8Bytes: Buffer.byteLength(text, "utf8") }));
}

/** One hard checker (by type id) on one response, in a fresh process: the per-checker peaks of docs/benchmarks.md. */
function memoryCheckerChild(shape: string, id: string, bytes: number): void {
  boundHeapGrowth();
  const type = HARD_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`no hard type ${id}`);
  const text = (shape === "prose" ? proseOf : SHAPES[shape])(bytes);
  const baseKb = process.resourceUsage().maxRSS;
  verifyInstruction(type, text, type.example.args, "loose");
  process.stdout.write(`${JSON.stringify({ type: id, baseKb, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

if (require.main === module && process.argv[2] === "--memory-child") memoryChild(process.argv[3], Number(process.argv[4]));
if (require.main === module && process.argv[2] === "--memory-checker-child") memoryCheckerChild(process.argv[3], process.argv[4], Number(process.argv[5]));
