// All 541 IFEval prompts with the official GPT-4 responses: every per-instruction
// verdict, strict and loose, must equal the official eval_results files, except
// keys 1122 and 1129 whose official verdicts are random (see SOURCE.md caveat 2):
// they are asserted against the pinned literal-character behaviour, true/true
// (the responses hold 4 '#' and many '!').
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseInputJsonl, parseResponsesJsonl } from "../../../server/src/ifeval/jsonl-rows.js";
import { evaluateAll, formatResultLine, joinResponses, summarise } from "../../../server/src/ifeval/evaluate.js";
import { ifevalFixture } from "./fixtures.js";

/** Keys whose keywords:letter_frequency verdict is pinned to true (the others in the row stay official). */
const PINNED: Record<number, boolean> = { 1122: true, 1129: true };

function loadPairs() {
  const inputs = parseInputJsonl(ifevalFixture("input_data.jsonl"), "input_data.jsonl");
  const responses = parseResponsesJsonl(ifevalFixture("input_response_data_gpt4_20231107_145030.jsonl"), "responses.jsonl");
  assert.deepEqual([...inputs.issues, ...responses.issues], []);
  return joinResponses(inputs.rows, responses.rows, "input_data.jsonl");
}

test("every prompt is joined; 2785 by position, the rest by prompt text", () => {
  const joined = loadPairs();
  assert.deepEqual(joined.issues, []);
  assert.equal(joined.pairs.length, 541);
  assert.deepEqual(joined.pairs.filter((p) => p.joinedBy !== "prompt").map((p) => [p.input.key, p.joinedBy]), [[2785, "position"]]);
});

for (const mode of ["strict", "loose"] as const) {
  test(`${mode}: per-instruction verdicts equal the official eval_results`, () => {
    const expected = ifevalFixture(`eval_results_${mode}.jsonl`).trim().split("\n");
    const rows = evaluateAll(loadPairs().pairs, mode);
    assert.equal(rows.length, expected.length);
    const mismatches: string[] = [];
    const pinnedSeen: number[] = [];
    rows.forEach((row, i) => {
      const official = JSON.parse(expected[i]) as { instruction_id_list: string[]; follow_instruction_list: boolean[] };
      assert.deepEqual(row.result.instruction_id_list, official.instruction_id_list, `line ${i + 1} is the same prompt`);
      const want = official.follow_instruction_list.map((v, k) =>
        PINNED[row.key] !== undefined && official.instruction_id_list[k] === "keywords:letter_frequency" ? PINNED[row.key] : v);
      if (PINNED[row.key] !== undefined) pinnedSeen.push(row.key);
      row.result.follow_instruction_list.forEach((got, k) => {
        if (got !== want[k]) mismatches.push(`key ${row.key} ${row.result.instruction_id_list[k]}: expected ${want[k]}, got ${got}`);
      });
      // Outside the pinned keys the whole line is byte-identical to the official output.
      if (PINNED[row.key] === undefined) assert.equal(formatResultLine(row.result), expected[i], `line ${i + 1} (key ${row.key})`);
    });
    assert.deepEqual(pinnedSeen, [1122, 1129]);
    assert.deepEqual(mismatches, [], `${mismatches.length} mismatches:\n${mismatches.join("\n")}`);
  });
}

test("accuracies: the official totals, plus the pinned verdicts where the official run differed", () => {
  const { pairs } = loadPairs();
  // SOURCE.md: strict 417/541 prompts, 698/834 instructions; loose 430/541, 713/834 (BenchWeaver run).
  // That run had 1122 strict T / loose F and 1129 T / T; pinned literal counting makes 1122 loose T: +1 loose each.
  const strict = summarise(evaluateAll(pairs, "strict").map((r) => r.result));
  const loose = summarise(evaluateAll(pairs, "loose").map((r) => r.result));
  assert.deepEqual([strict.promptLevel.correct, strict.promptLevel.total, strict.instructionLevel.correct, strict.instructionLevel.total], [417, 541, 698, 834]);
  assert.deepEqual([loose.promptLevel.correct, loose.promptLevel.total, loose.instructionLevel.correct, loose.instructionLevel.total], [431, 541, 714, 834]);
});
