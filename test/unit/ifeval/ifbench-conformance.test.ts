// All 294 IFBench prompts with the authors' sample responses: every per-instruction
// verdict, strict and loose, must equal the official eval_results files (computed with
// allenai/IFBench at c94da02), except for the types the registry marks approximate.
// Those disagreements are listed here one by one, with their cause, and in
// docs/constraints.md; any other disagreement fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseInputJsonl, parseResponsesJsonl } from "../../../server/src/ifeval/jsonl-rows.js";
import { evaluateAll, joinResponses, summarise } from "../../../server/src/ifeval/evaluate.js";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { IFEVAL_FIXTURES } from "./fixtures.js";

const fixture = (name: string) => readFileSync(join(IFEVAL_FIXTURES, "../ifbench", name), "utf8");

/**
 * Known disagreements, all words:start_verb (NLTK's POS tagger is not available):
 * the responses start "Conceive", "Understand" and "Build", base-form verbs our list
 * accepts, which NLTK's tagger tags as non-verbs at the start of a capitalised sentence.
 */
const KNOWN: readonly string[] = [
  "key 257 words:start_verb: official false, ours true",
  "key 258 words:start_verb: official false, ours true",
  "key 261 words:start_verb: official false, ours true",
];

function loadPairs() {
  const inputs = parseInputJsonl(fixture("IFBench_test.jsonl"), "IFBench_test.jsonl");
  const responses = parseResponsesJsonl(fixture("sample_output.jsonl"), "sample_output.jsonl");
  assert.deepEqual([...inputs.issues, ...responses.issues], []);
  return joinResponses(inputs.rows, responses.rows, "IFBench_test.jsonl");
}

test("IFBench: all 294 prompts parse (string keys, null kwargs dropped) and join by prompt text", () => {
  const joined = loadPairs();
  assert.deepEqual(joined.issues, []);
  assert.equal(joined.pairs.length, 294);
  assert.ok(joined.pairs.every((p) => p.joinedBy === "prompt"));
});

for (const mode of ["strict", "loose"] as const) {
  test(`IFBench ${mode}: per-instruction verdicts equal the official eval_results except the listed approximate ones`, () => {
    const expected = fixture(`eval_results_${mode}.jsonl`).trim().split("\n").map((l) => JSON.parse(l) as { instruction_id_list: string[]; follow_instruction_list: boolean[] });
    const rows = evaluateAll(loadPairs().pairs, mode);
    assert.equal(rows.length, 294);
    const disagreements: string[] = [];
    let compared = 0;
    rows.forEach((row, i) => {
      assert.deepEqual(row.result.instruction_id_list, expected[i].instruction_id_list, `line ${i + 1}`);
      row.result.follow_instruction_list.forEach((got, k) => {
        compared++;
        const want = expected[i].follow_instruction_list[k];
        const id = row.result.instruction_id_list[k];
        if (got !== want) disagreements.push(`key ${row.key} ${id}: official ${want}, ours ${got}`);
      });
    });
    assert.equal(compared, 335);
    for (const d of disagreements) assert.ok(findHardType(d.split(" ")[2].replace(/:$/, ""))?.approximate, `exact type disagrees: ${d}`);
    assert.deepEqual(disagreements, KNOWN);
  });
}

test("IFBench accuracies: the official totals, less the three start_verb disagreements", () => {
  const { pairs } = loadPairs();
  // SOURCE.md: strict 77/294 prompts, 93/335 instructions; loose 88/294, 109/335.
  // Keys 257, 258 and 261 have start_verb as their only instruction, so each adds one prompt and one instruction.
  const strict = summarise(evaluateAll(pairs, "strict").map((r) => r.result));
  const loose = summarise(evaluateAll(pairs, "loose").map((r) => r.result));
  assert.deepEqual([strict.promptLevel.correct, strict.instructionLevel.correct, strict.instructionLevel.total], [80, 96, 335]);
  assert.deepEqual([loose.promptLevel.correct, loose.instructionLevel.correct, loose.instructionLevel.total], [91, 112, 335]);
});
