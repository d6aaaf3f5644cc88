import { test } from "node:test";
import assert from "node:assert/strict";
import { exportLsrInstructJson, importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { lineColumnAt, parseJsonWithPositions, pathKey } from "../../../server/src/interchange/json-positions.js";
import { LsrInstructJsonSchema } from "../../../server/src/interchange/lsrinstruct-schema.js";
import { fixtureText } from "./fixtures.js";

test("values equal JSON.parse, including escapes, surrogate pairs, numbers and __proto__ keys", () => {
  const text = '{"a": "\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\"", "n": [-0.5e2, 0, 1E+3, true, false, null], "__proto__": {"x": 1}, "dup": 1, "dup": 2}';
  const parsed = parseJsonWithPositions(text);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.json.value, JSON.parse(text));
  assert.deepEqual(Object.keys(parsed.json.value as object), ["a", "n", "__proto__", "dup"]);
});

test("offsets point at the first character of each value", () => {
  const text = '{"a": [10, {"b": "x"}]}';
  const parsed = parseJsonWithPositions(text);
  assert.ok(parsed.ok);
  // Counted by hand: `[` is at offset 6, `10` at 7, `{` at 11, `"x"` at 17.
  assert.deepEqual([[], ["a"], ["a", 0], ["a", 1], ["a", 1, "b"]].map((p) => parsed.json.offsets.get(pathKey(p))), [0, 6, 7, 11, 17]);
});

test("strict JSON: leading zeros, single quotes, comments and raw control characters are errors", () => {
  for (const bad of ["01", "'a'", "[1] // c", '"a\tb"', "[1,]", "{\"a\" 1}", ""]) {
    assert.equal(parseJsonWithPositions(bad).ok, false, bad);
  }
});

test("lineColumnAt is 1-based and counts \\n as the line break", () => {
  assert.deepEqual(lineColumnAt("ab\ncd", 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumnAt("ab\ncd", 4), { line: 2, column: 2 });
});

test("exported documents satisfy the full recursive schema", () => {
  for (const name of ["figure1.json", "nested-three-deep.json", "complexbench-899.json"]) {
    const instruction = importLsrInstructJson(fixtureText(name), name).instruction;
    assert.ok(instruction);
    assert.equal(LsrInstructJsonSchema.safeParse(exportLsrInstructJson(instruction)).success, true, name);
  }
  assert.equal(LsrInstructJsonSchema.safeParse({ composite_constraints: [{ composite_constraint: { type: "Or", sub_constraints: {} } }] }).success, false);
});

test("syntax errors: the first one, in plain words, at the character it is about", () => {
  // Offsets counted by hand.
  const cases: [string, string, number][] = [
    ["[1] // c", "Comments are not allowed in JSON", 4],
    ['"a\tb"', "Control character in a string: escape it (\\n, \\t, ...)", 2],
    ['{"a":1 "b":2}', "Expected ',' or '}' after a property value", 7],
    ["[1 2]", "Expected ',' or ']' after an array element", 3],
    ['{"a": 1} x', "Unexpected text after the JSON value", 9],
    ['{"a" 1}', "Expected ':' after the property name", 5],
    ["[1,]", 'Unexpected character "]": expected a value', 3],
    ["", "Unexpected end of input: expected a value", 0],
    // Two errors: only the first is reported.
    ["[tru, 01]", 'Unexpected character "t": expected a value', 1],
    // Value 257 levels deep (the root is level 0) starts at offset 257.
    ["[".repeat(300), "JSON nested deeper than 256 levels", 257],
  ];
  for (const [text, message, offset] of cases) assert.deepEqual(parseJsonWithPositions(text), { ok: false, message, offset }, text);
});
