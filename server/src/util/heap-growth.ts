// How far V8 lets the heap grow past what survived the last full garbage collection. By
// default the next full collection waits until the heap is up to 4x that live size, so a
// process checking one 16 MB response, whose live set is the response, its star-free loose
// variant and a lower-cased copy (~130 MB for two-byte text), peaked at ~600 MB, most of it
// garbage. At 1.5x the same checks peak near half that, for ~5% more CPU on ordinary
// responses (the IFEval GPT-4 responses, every hard checker: 24.0 s -> 25.1 s) and ~15% on
// 16 MB ones (docs/benchmarks.md, "Memory"). Set for the processes that score files of
// responses: `lsrif score` and `score-batch` (cli/main.ts), and the memory bench, which measures
// what they get. Not for `serve`, which trades memory for throughput (see cli/main.ts).

import { setFlagsFromString } from "node:v8";

/** The heap grows at most this many percent past the live size before a full collection. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Whether the user chose a heap growth for this process on node's command line. Only there:
 * Node refuses the flag in NODE_OPTIONS ("is not allowed in NODE_OPTIONS"), so no process runs
 * with it from there.
 */
export function heapGrowthGiven(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /heap[-_]growing[-_]percent/.test(arg));
}

/** Applies HEAP_GROWING_PERCENT to this process, unless the user chose a heap growth. */
export function boundHeapGrowth(): void {
  if (!heapGrowthGiven(process.execArgv)) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
