// Issue 9 items 11 and 12: `lsrif check` throughput on degenerate documents (each 4 MB)
// beside a realistic file of the same size, JSON import time against the number of
// errors (quadratic before: a line/column scan from offset 0 per error), and the outline
// (documentSymbol) on deep blocks and else-if chains at 100 KB, 1 MB and 4 MB; the outline and
// folding answers at 4 MB of every shape, whole and cut to lsrif.maxItemsComputed.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LineIndex } from "../../grammars/src/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { runCheck } from "../../server/src/cli/commands/check.js";
import type { Io } from "../../server/src/cli/io.js";
import { importLsrInstructJson } from "../../server/src/interchange/lsrinstruct-json.js";
import { toLspSymbol } from "../../server/src/lsp/convert.js";
import { cappedFoldingRanges } from "../../server/src/lsp/features/folding.js";
import { cappedDocumentSymbols, documentSymbols } from "../../server/src/lsp/features/symbols.js";
import { DEFAULT_MAX_ITEMS_COMPUTED } from "../../server/src/lsp/settings.js";
import { median } from "./core-bench.js";

const MB = 1 << 20;

/** `unit(i)` repeated until `bytes`. */
export function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join("").slice(0, bytes);
}

/** A deterministic pseudo-random lower-case name (a different misspelling each time). */
function randomName(i: number): string {
  let x = (i + 1) * 2654435761;
  let out = "";
  const length = 3 + (i % 20);
  for (let k = 0; k < length; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += "abcdefghijklmnopqrstuvwxyz_"[x % 27];
  }
  return out;
}

const REALISTIC = (i: number) => `first {
  words(relation: "at least", num_words: ${1 + (i % 300)})
  soft style "Use a formal, technical style for part ${i}."
}
then if contains(keywords: ["error", "warning"]) {
  bullets(num_bullets: 3) "Give exactly three bullet points."
} else {
  highlights(num_highlights: 2)
}
`;

const DEEP = (depth: number) => () => `${"and {\n".repeat(depth)}soft "x"\n${"}\n".repeat(depth)}`;
const ELSE_IF = (length: number) => () => `if no_comma {\n  soft "a"\n}${' else if lowercase {\n  soft "b"\n}'.repeat(length)} else {\n  soft "c"\n}\n`;

export const SHAPES: Record<string, (i: number) => string> = {
  "realistic": REALISTIC,
  "stray }": () => "}",
  "stray else": () => "else\n",
  "else { x }": () => "else { x }\n",
  "one unknown name": () => "unknownname\n",
  "random unknown names": (i) => `${randomName(i)}\n`,
  "newlines": () => "\n",
  "deep blocks": DEEP(60),
  "else-if chains": ELSE_IF(50),
};

const quiet: Io = { stdout: () => {}, stderr: () => {}, readStdin: () => "" };

export interface CheckShapes {
  /** MB/s of `runCheck` (reading, analysing, formatting the diagnostics) per shape, in CPU time. */
  mbps: Record<string, number>;
  /** The same in wall-clock time (on a shared machine, mostly the wait for a core). */
  wallMbps: Record<string, number>;
  slowest: { shape: string; mbps: number };
}

/** CPU time (user + system, all threads, the garbage collector's included) of `run`, in ms. */
export function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * `lsrif check` in-process on 4 MB of each shape; median of `runs`. Speeds are in CPU time, as
 * the degenerate and memory rows: on the shared bench machine wall time is mostly waiting
 * for a core (at load 10 on 2 cores, 3-5x the CPU time), which is not the command's cost.
 */
export function benchCheckShapes(bytes = 4 * MB, runs = 3): CheckShapes {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-shapes-"));
  const mbps: Record<string, number> = {};
  const wallMbps: Record<string, number> = {};
  try {
    for (const [shape, unit] of Object.entries(SHAPES)) {
      const file = join(dir, "shape.lsr");
      writeFileSync(file, fill(bytes, unit));
      runCheck([file], false, quiet); // warm-up
      const times: number[] = [];
      const walls: number[] = [];
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        times.push(cpuMs(() => runCheck([file], false, quiet)));
        walls.push(performance.now() - started);
      }
      mbps[shape] = bytes / MB / (median(times) / 1000);
      wallMbps[shape] = bytes / MB / (median(walls) / 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [shape, slowest] = Object.entries(mbps).filter(([name]) => name !== "realistic").sort((a, b) => a[1] - b[1])[0];
  return { mbps, wallMbps, slowest: { shape, mbps: slowest } };
}

/** JSON import of n erroneous items; linear time gives a time ratio near the size ratio. */
export function benchJsonImportErrors(): { smallMs: number; largeMs: number; sizeRatio: number; timeRatio: number } {
  const doc = (n: number) => `{"composite_constraints": [\n${Array.from({ length: n }, () => "{}").join(",\n")}\n]}`;
  const small = doc(40_000);
  const large = doc(500_000);
  const time = (text: string) => {
    const started = performance.now();
    const { errors } = importLsrInstructJson(text, "bench.json");
    if (errors.length === 0) throw new Error("the bench document should not import");
    return performance.now() - started;
  };
  time(small);
  const smalls = [time(small), time(small), time(small)];
  const larges = [time(large), time(large), time(large)];
  return { smallMs: median(smalls), largeMs: median(larges), sizeRatio: large.length / small.length, timeRatio: median(larges) / median(smalls) };
}

export interface SymbolsGrowth {
  /** CPU ms (median) at 100 KB, 1 MB and 4 MB. */
  cpuMs: { small: number; medium: number; large: number };
  /** 4 MB vs 100 KB (linear ~41) and 4 MB vs 1 MB (linear 4), in CPU time. */
  ratio: number;
  ratioFrom1Mb: number;
  /** 4 MB vs 100 KB in wall time (on a shared machine mostly waiting for a core). */
  wallRatio: number;
}

/**
 * The outline at 100 KB, 1 MB and 4 MB as the server answers documentSymbol: the symbols, their
 * LSP form (line/character positions) and its JSON. Medians of `runs`, in CPU time like the
 * check row: at 100 KB a run is tens of milliseconds, and on the shared machine the wall-time
 * ratio mostly measured waits for a core (84 on deep blocks before, for 41 in size).
 */
export function benchSymbols(runs = 5): Record<string, SymbolsGrowth> {
  const out: Record<string, SymbolsGrowth> = {};
  for (const shape of ["deep blocks", "else-if chains"]) {
    const measure = (bytes: number) => {
      const text = fill(bytes, SHAPES[shape]);
      const lines = new LineIndex(text);
      const { ast, names } = analyze(text);
      const answer = () => JSON.stringify(documentSymbols(ast, new Set(names.keys())).map((s) => toLspSymbol(lines, s)));
      answer(); // warm-up
      const cpu: number[] = [];
      const wall: number[] = [];
      for (let r = 0; r < runs; r++) {
        const started = performance.now();
        cpu.push(cpuMs(answer));
        wall.push(performance.now() - started);
      }
      return { cpu: median(cpu), wall: median(wall) };
    };
    const small = measure(100 * 1024);
    const medium = measure(MB);
    const large = measure(4 * MB);
    out[shape] = {
      cpuMs: { small: small.cpu, medium: medium.cpu, large: large.cpu },
      ratio: large.cpu / small.cpu,
      ratioFrom1Mb: large.cpu / medium.cpu,
      wallRatio: large.wall / small.wall,
    };
  }
  return out;
}

/** One answer measured: the bytes of its JSON and the CPU ms (median) of making it. */
export interface AnswerCost { bytes: number; cpuMs: number; items: number }

export interface LimitedAnswers {
  outline: { whole: AnswerCost; capped: AnswerCost };
  folding: { whole: AnswerCost; capped: AnswerCost };
}

/**
 * documentSymbol and foldingRange on 4 MB of each shape as the server answers them (the
 * features, the LSP form, its JSON), with no limit (the answer before lsrif.maxItemsComputed)
 * and with the default limit; medians of `runs` after a warm-up, in CPU time like the rows
 * above. The analysis is made once per shape and not counted: requests share it.
 */
export function benchLimitedAnswers(limit = DEFAULT_MAX_ITEMS_COMPUTED, bytes = 4 * MB, runs = 3): Record<string, LimitedAnswers> {
  const out: Record<string, LimitedAnswers> = {};
  for (const [shape, unit] of Object.entries(SHAPES)) {
    const text = fill(bytes, unit);
    const lines = new LineIndex(text);
    const { ast, names } = analyze(text);
    const measure = (answer: () => { json: string; items: number }): AnswerCost => {
      const first = answer(); // warm-up, and the size
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) cpu.push(cpuMs(answer));
      return { bytes: first.json.length, cpuMs: median(cpu), items: first.items };
    };
    const countAll = (symbols: { children?: unknown[] }[]): number => symbols.reduce((n, s) => n + 1 + countAll((s.children ?? []) as { children?: unknown[] }[]), 0);
    const outline = (max: number) => () => {
      const symbols = cappedDocumentSymbols(ast, new Set(names.keys()), max).symbols.map((s) => toLspSymbol(lines, s));
      return { json: JSON.stringify(symbols), items: countAll(symbols) };
    };
    const folding = (max: number) => () => {
      const folds = cappedFoldingRanges(ast, lines, max).folds.map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind }));
      return { json: JSON.stringify(folds), items: folds.length };
    };
    out[shape] = {
      outline: { whole: measure(outline(Infinity)), capped: measure(outline(limit)) },
      folding: { whole: measure(folding(Infinity)), capped: measure(folding(limit)) },
    };
  }
  return out;
}
