// Dataset rows as instructions: IFEval/IFBench `instruction_id_list` + `kwargs`, and
// open-instruct's `ground_truth` Python literal, each an And of its constraints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLsrInstructJson, importLsrInstructJsonl } from "../../../server/src/interchange/lsrinstruct-json.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { pyLiteralEval } from "../../../server/src/ifeval/python/py-literal.js";
import { parseGroundTruth } from "../../../server/src/interchange/benchmark-rows.js";

const FIXTURES = join(__dirname, "../../../../test/fixtures");

test("Python literals as ast.literal_eval reads them", () => {
  assert.deepEqual(pyLiteralEval(`[{'a': 'it\\'s', "b": (1, -2.5), 'c': None, 'd': True}]`), [{ a: "it's", b: [1, -2.5], c: null, d: true }]);
  assert.deepEqual(pyLiteralEval(`'x' "y"`), "xy");
  assert.throws(() => pyLiteralEval("[1, 2"));
  assert.equal(Object.getPrototypeOf(pyLiteralEval(`{'__proto__': 1}`)), Object.prototype);
});

test("an IFBench row (string key, null kwargs) becomes an And of its constraints and prints as .lsr that analyses cleanly", () => {
  const line = readFileSync(join(FIXTURES, "ifbench/IFBench_test.jsonl"), "utf8").split("\n")[0];
  const { instruction, errors } = importLsrInstructJson(line, "row.json");
  assert.deepEqual(errors, []);
  assert.ok(instruction);
  assert.deepEqual(instruction.root.children.map((c) => (c.kind === "hard" ? c.id : c.kind)), ["count:keywords_multiple"]);
  const lsr = printLsr(instruction);
  const again = analyze(lsr);
  assert.deepEqual(again.diagnostics.filter((d) => d.severity === "error"), [], lsr);
  assert.deepEqual(again.instruction?.root.children.map((c) => (c.kind === "hard" ? c.args : undefined)), [instruction.root.children[0].kind === "hard" ? instruction.root.children[0].args : undefined]);
});

test("every IFBench and IFEval fixture row imports (JSON Lines)", () => {
  for (const file of ["ifbench/IFBench_test.jsonl", "ifeval/input_data.jsonl"]) {
    const entries = importLsrInstructJsonl(readFileSync(join(FIXTURES, file), "utf8"));
    assert.ok(entries.length > 290);
    assert.deepEqual(entries.filter((e) => e.errors.length > 0).map((e) => [e.line, e.errors[0].message]), [], file);
  }
});

test("an open-instruct ground_truth row (Python literal) imports with its prompt from messages", () => {
  const row = {
    messages: [{ role: "user", content: "Write about tea. Do not use dots." }],
    ground_truth: `[{'instruction_id': ['punctuation:punctuation_dot', 'keywords:word_once'], 'kwargs': [None, {'keyword': 'tea', 'unused': None}]}]`,
  };
  const { instruction, errors } = importLsrInstructJson(JSON.stringify(row), "row.json");
  assert.deepEqual(errors, []);
  assert.equal(instruction?.prompt, "Write about tea. Do not use dots.");
  assert.deepEqual(instruction?.root.children.map((c) => (c.kind === "hard" ? [c.id, c.args] : [])), [["punctuation:punctuation_dot", {}], ["keywords:word_once", { keyword: "tea" }]]);
  // A JSON string inside the list is read too, as open-instruct does.
  assert.deepEqual(parseGroundTruth(JSON.stringify([JSON.stringify({ instruction_id: ["copy:copy"], kwargs: [{ prompt_to_repeat: "x" }] })])), { ids: ["copy:copy"], kwargs: [{ prompt_to_repeat: "x" }] });
});

test("bad rows get errors with positions: unknown ids, bad kwargs, old func_name ground truths", () => {
  const bad = importLsrInstructJson('{"instruction_id_list": ["no:such"], "kwargs": [{}]}', "row.json");
  assert.deepEqual(bad.errors, [{ message: "unknown instruction id 'no:such'", line: 1, column: 26 }]);
  const args = importLsrInstructJson('{"instruction_id_list": ["count:numbers"], "kwargs": [{"N": -1}]}', "row.json");
  assert.match(args.errors[0].message, /count:numbers: N: /);
  assert.match(parseGroundTruth(`{"func_name": "validate_lowercase"}`) as string, /func_name/);
});
