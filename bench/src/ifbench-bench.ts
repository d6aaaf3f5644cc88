// IFBench's official evaluation (294 prompts, the authors' sample responses), strict and loose.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateAll, joinResponses } from "../../server/src/ifeval/evaluate.js";
import { parseInputJsonl, parseResponsesJsonl } from "../../server/src/ifeval/jsonl-rows.js";
import { median } from "./core-bench.js";

export function benchIfbench(runs = 5): { strictMs: number; looseMs: number; bothMs: number } {
  const dir = join(__dirname, "../../../test/fixtures/ifbench");
  const inputFile = join(dir, "IFBench_test.jsonl");
  const { rows } = parseInputJsonl(readFileSync(inputFile, "utf8"), inputFile);
  const responses = parseResponsesJsonl(readFileSync(join(dir, "sample_output.jsonl"), "utf8"), "responses").rows;
  const { pairs } = joinResponses(rows, responses, inputFile);
  const time = (mode: "strict" | "loose") => {
    const t = performance.now();
    evaluateAll(pairs, mode);
    return performance.now() - t;
  };
  const strict: number[] = [];
  const loose: number[] = [];
  for (let i = 0; i < runs; i++) {
    strict.push(time("strict"));
    loose.push(time("loose"));
  }
  return { strictMs: median(strict), looseMs: median(loose), bothMs: median(strict.map((s, i) => s + loose[i])) };
}
