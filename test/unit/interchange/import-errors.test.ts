// Every expected line/column below was counted by hand in the literal JSON text
// (1-based; a column is the position of the first character of the offending value).
import { test } from "node:test";
import assert from "node:assert/strict";
import { importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";

function errorsOf(text: string) {
  const result = importLsrInstructJson(text, "t.json");
  assert.equal(result.instruction, undefined);
  return result.errors;
}

test("JSON syntax errors have the line and column of the bad character", () => {
  // Line 3 is `  "prompt": "x",,`; the second comma is character 17 (2 spaces + 9 + 1 space + 3 + 1 comma = 16 before it).
  const text = '{\n  "composite_constraints": [],\n  "prompt": "x",,\n}';
  assert.deepEqual(errorsOf(text), [{ message: "JSON syntax error: Expected a property name in double quotes", line: 3, column: 17 }]);
});

test("an unterminated string is reported where it starts", () => {
  // Line 2 is `  "prompt": "abc`; the opening quote of the value is character 13.
  assert.deepEqual(errorsOf('{\n  "prompt": "abc'), [{ message: "JSON syntax error: Unterminated string", line: 2, column: 13 }]);
});

test("trailing text after the document is an error", () => {
  assert.deepEqual(errorsOf('{"composite_constraints": []} x'), [{ message: "JSON syntax error: Unexpected text after the JSON value", line: 1, column: 31 }]);
});

const DOC = [
  "{",
  '  "composite_constraints": [',
  "    {",
  '      "composite_constraint": {',
  '        "type": "Chain",',
  '        "sub_constraints": {',
  '          "c1": { "constraint": "x", "instruction_id": "no_such_type" },',
  '          "c2": { "constraint": "y", "instruction_id": "length_constraints:number_words",',
  '                  "kwargs": { "relation": "at most", "num_words": 5 } },',
  '          "c3": { "constraint": "" },',
  '          "c4": { "constraint": "z", "category": "mood" }',
  "        }",
  "      }",
  "    }",
  "  ]",
  "}",
].join("\n");

test("schema errors name the JSON path and point at the offending value", () => {
  const base = "composite_constraints[0].composite_constraint.sub_constraints";
  const errors = errorsOf(DOC);
  assert.equal(errors.length, 4);
  // Line 7: `          "c1": { "constraint": "x", "instruction_id": "no_such_type" },` - the value starts at column 56.
  assert.deepEqual(errors[0], { message: `${base}.c1.instruction_id: unknown instruction_id 'no_such_type': not a known instruction id (IFEval, IFBench, IF-RLVR) or alias`, line: 7, column: 56 });
  // Line 9: `                  "kwargs": { "relation": "at most", ...` - "at most" starts at column 43.
  assert.equal(errors[1].line, 9);
  assert.equal(errors[1].column, 43);
  assert.match(errors[1].message, new RegExp(`^${base.replace(/[.[\]]/g, "\\$&")}\\.c2\\.kwargs\\.relation: length_constraints:number_words: `));
  // Line 10: `          "c3": { "constraint": "" },` - "" starts at column 33.
  assert.deepEqual(errors[2], { message: `${base}.c3.constraint: the constraint text is empty`, line: 10, column: 33 });
  // Line 11: `          "c4": { "constraint": "z", "category": "mood" }` - "mood" starts at column 50.
  assert.equal(errors[3].line, 11);
  assert.equal(errors[3].column, 50);
  assert.match(errors[3].message, /c4\.category: unknown soft category 'mood'; categories: tone, style, /);
});

test("a missing key is reported at the object that lacks it", () => {
  // `{"composite_constraints": [{"composite_constraint": {"type": "And"}}]}`: the inner object starts at column 53.
  const errors = errorsOf('{"composite_constraints": [{"composite_constraint": {"type": "And"}}]}');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].column, 53);
  assert.match(errors[0].message, /^composite_constraints\[0\]\.composite_constraint\.sub_constraints: required but missing/);
});

test("Selection shape errors: missing c2, and a c4", () => {
  // `{"composite_constraints": [{"composite_constraint": {"type": "Selection", "sub_constraints": {"c1": {"constraint": "a"}, "c4": {"constraint": "b"}}}}]}`
  //  sub_constraints' value starts at column 94; the c4 value at column 128.
  const text = '{"composite_constraints": [{"composite_constraint": {"type": "Selection", "sub_constraints": {"c1": {"constraint": "a"}, "c4": {"constraint": "b"}}}}]}';
  const path = "composite_constraints[0].composite_constraint.sub_constraints";
  assert.deepEqual(errorsOf(text), [
    { message: `${path}.c4: a Selection has c1 (condition), c2 (if true) and c3 (if false); 'c4' is not allowed`, line: 1, column: 128 },
    { message: `${path}: a Selection needs c2 (the branch taken when it holds)`, line: 1, column: 94 },
  ]);
});

test("bad keys, empty composites, wrong gamma, non-object items", () => {
  const errors = errorsOf(JSON.stringify({
    gamma: 2,
    composite_constraints: [],
  }));
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^gamma: /);
  // `{"gamma":2,...`: the value 2 is at column 10.
  assert.equal(errors[0].column, 10);

  // The array `[]` after `{"composite_constraints": ` (26 characters) is at column 27.
  const empty = errorsOf('{"composite_constraints": []}');
  assert.deepEqual(empty, [{ message: "composite_constraints: there are no constraints", line: 1, column: 27 }]);

  // `{}` follows 87 characters of `{"composite_constraints": [{"composite_constraint": {"type": "And", "sub_constraints": `.
  const emptyAnd = errorsOf('{"composite_constraints": [{"composite_constraint": {"type": "And", "sub_constraints": {}}}]}');
  assert.deepEqual(emptyAnd, [{ message: "composite_constraints[0].composite_constraint.sub_constraints: an And needs at least one sub-constraint", line: 1, column: 88 }]);

  // 42 follows the 27 characters `{"composite_constraints": [`.
  const notObject = errorsOf('{"composite_constraints": [42]}');
  assert.deepEqual(notObject, [{ message: 'composite_constraints[0]: expected {"composite_constraint": {...}} or an atomic {"constraint": "..."}', line: 1, column: 28 }]);

  // The c0 value follows 94 characters (the emptyAnd prefix, `{` and `"c0": `).
  const badKey = errorsOf('{"composite_constraints": [{"composite_constraint": {"type": "And", "sub_constraints": {"c0": {"constraint": "a"}}}}]}');
  assert.deepEqual(badKey, [{ message: "composite_constraints[0].composite_constraint.sub_constraints.c0: 'c0' is not a sub-constraint key (c1, c2, c3, ...)", line: 1, column: 95 }]);
});

test("kwargs on a soft constraint and category on a hard one are errors", () => {
  const errors = errorsOf(JSON.stringify({ composite_constraints: [
    { constraint: "a", kwargs: { x: 1 } },
    { constraint: "b", instruction_id: "no_comma", kwargs: {}, category: "tone" },
  ] }));
  assert.deepEqual(errors.map((e) => e.message), [
    "composite_constraints[0].kwargs: kwargs without an instruction_id: a soft constraint takes no arguments",
    "composite_constraints[1].category: category applies to soft constraints only",
  ]);
});

test("deeply nested input is an error, not a crash", () => {
  const text = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  const errors = errorsOf(text);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /nested deeper than 256 levels/);
});
