// Not a test: times verifyInstruction over all 541 IFEval responses, strict then
// loose, 5 times after one cold run; prints each time and the median.
// Run: node out/test/unit/ifeval/measure-speed.js
import { parseInputJsonl, parseResponsesJsonl } from "../../../server/src/ifeval/jsonl-rows.js";
import { joinResponses } from "../../../server/src/ifeval/evaluate.js";
import { verifyInstruction } from "../../../server/src/ifeval/verify.js";
import { ifevalFixture } from "./fixtures.js";

const inputs = parseInputJsonl(ifevalFixture("input_data.jsonl"), "input");
const responses = parseResponsesJsonl(ifevalFixture("input_response_data_gpt4_20231107_145030.jsonl"), "responses");
const { pairs } = joinResponses(inputs.rows, responses.rows, "input");

function runOnce(): number {
  const start = process.hrtime.bigint();
  for (const mode of ["strict", "loose"] as const) {
    for (const { input, response } of pairs) {
      for (const instruction of input.instructions) verifyInstruction(instruction.type, response.response, instruction.args, mode);
    }
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const cold = runOnce();
const warm = Array.from({ length: 5 }, runOnce).sort((a, b) => a - b);
console.log(`cold (first run, includes lazy loading of language profiles and Punkt data): ${cold.toFixed(1)} ms`);
console.log(`warm runs: ${warm.map((t) => t.toFixed(1)).join(", ")} ms; median ${warm[2].toFixed(1)} ms`);
