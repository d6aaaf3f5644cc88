// Benchmarks of the language core, each measured beside its baseline in the same run:
// parse+validate throughput against a minimal chevrotain JSON grammar, the IFEval
// verification of 541 responses, and the growth of scoring time with response size.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseJsonBaseline } from "./json-baseline.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { evaluateAll, joinResponses } from "../../server/src/ifeval/evaluate.js";
import { parseInputJsonl, parseResponsesJsonl } from "../../server/src/ifeval/jsonl-rows.js";
import { scoreInstruction } from "../../server/src/scoring/lsrm.js";
import type { Instruction } from "../../server/src/analysis/logic.js";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const LSR_UNIT = `define kind_%N = soft tone "Be kind to reader %N."
first {
  words(relation: "at least", num_words: %N)
  soft style "Use a formal, technical style for part %N."
}
then if contains(keywords: ["error", "warning"]) {
  bullets(num_bullets: 3) "Give exactly three bullet points."
  lowercase
} else {
  kind_%N
  highlights(num_highlights: 2)
}
finally postscript(postscript_marker: "P.S.")
`;

const JSON_UNIT = `{"composite_constraint": {"type": "Chain", "sub_constraints": {"c1": {"constraint": "Answer with at least %N words.", "instruction_id": "length_constraints:number_words", "kwargs": {"relation": "at least", "num_words": %N}}, "c2": {"constraint": "Use a formal, technical style for part %N."}, "c3": {"type": "Selection", "sub_constraints": {"c1": {"constraint": "Mention error", "instruction_id": "keywords:existence", "kwargs": {"keywords": ["error", "warning"]}}, "c2": {"constraint": "Give exactly three bullet points.", "kwargs": {"num_bullets": 3}}, "c3": {"constraint": "Be kind to reader %N."}}}}}},
`;

function generate(unit: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const chunk = unit.replaceAll("%N", String(n));
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("");
}

export function benchParse(runs = 15): { lsrMBps: number; jsonMBps: number; ratio: number; bytes: number } {
  const lsr = generate(LSR_UNIT, 1 << 20);
  const json = `{"composite_constraints": [\n${generate(JSON_UNIT, 1 << 20)}{}]}`;
  if (parseJsonBaseline(json).errors !== 0) throw new Error("the JSON baseline input does not parse");
  const lsrTimes: number[] = [];
  const jsonTimes: number[] = [];
  for (let i = 0; i < 8; i++) {
    // both warmed up alike, so the comparison is of optimised code
    analyze(lsr, { maxDepth: 100 });
    parseJsonBaseline(json);
  }
  for (let i = 0; i < runs; i++) {
    // interleaved, alternating which goes first, so both see the same machine noise and heap state
    if (i % 2 === 0) {
      lsrTimes.push(timeMs(() => analyze(lsr, { maxDepth: 100 })));
      jsonTimes.push(timeMs(() => parseJsonBaseline(json)));
    } else {
      jsonTimes.push(timeMs(() => parseJsonBaseline(json)));
      lsrTimes.push(timeMs(() => analyze(lsr, { maxDepth: 100 })));
    }
  }
  const mbps = (bytes: number, ms: number) => bytes / (1 << 20) / (ms / 1000);
  // The ratio of each run's pair, not of the two medians: a noisy moment then affects both sides of one ratio.
  const ratios = lsrTimes.map((t, i) => mbps(lsr.length, t) / mbps(json.length, jsonTimes[i]));
  return { lsrMBps: mbps(lsr.length, median(lsrTimes)), jsonMBps: mbps(json.length, median(jsonTimes)), ratio: median(ratios), bytes: lsr.length };
}

export function benchIfeval(runs = 5): { strictMs: number; looseMs: number; bothMs: number } {
  const dir = join(__dirname, "../../../test/fixtures/ifeval");
  const inputFile = join(dir, "input_data.jsonl");
  const { rows } = parseInputJsonl(readFileSync(inputFile, "utf8"), inputFile);
  const responses = parseResponsesJsonl(readFileSync(join(dir, "input_response_data_gpt4_20231107_145030.jsonl"), "utf8"), "responses").rows;
  const { pairs } = joinResponses(rows, responses, inputFile);
  const strict: number[] = [];
  const loose: number[] = [];
  for (let i = 0; i < runs; i++) {
    strict.push(timeMs(() => evaluateAll(pairs, "strict")));
    loose.push(timeMs(() => evaluateAll(pairs, "loose")));
  }
  return { strictMs: median(strict), looseMs: median(loose), bothMs: median(strict.map((s, i) => s + loose[i])) };
}

/** Loose scoring of `unit` repeated to 1 MB and to 10 MB (median of 3 after a warm-up): linear time means ~10. */
export async function scoringSizeRatio(instruction: Instruction, unit: string): Promise<{ oneMbMs: number; tenMbMs: number; ratio: number }> {
  const make = (bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const one = make(1 << 20);
  const ten = make(10 << 20);
  const run = async (text: string) => {
    const t = performance.now();
    await scoreInstruction(instruction, text, { loose: true });
    return performance.now() - t;
  };
  await run(one);
  const ones: number[] = [];
  const tens: number[] = [];
  for (let i = 0; i < 3; i++) {
    ones.push(await run(one));
    tens.push(await run(ten));
  }
  return { oneMbMs: median(ones), tenMbMs: median(tens), ratio: median(tens) / median(ones) };
}

/** Scoring time for a 1 MB and a 10 MB response: linear time means a ratio near 10. */
export async function benchResponseSize(): Promise<{ oneMbMs: number; tenMbMs: number; ratio: number }> {
  const { instruction } = analyze(readFileSync(join(__dirname, "../../../examples/travel-guide.lsr"), "utf8"));
  // the failing response: failed checks try all 8 loose variants, the most work per byte
  const paragraph = readFileSync(join(__dirname, "../../../examples/travel-guide.fail.md"), "utf8");
  return scoringSizeRatio(instruction, paragraph);
}
