// parseJsonLazyPositions (JSON.parse first, positions only when an error needs them)
// gives exactly what parseJsonWithPositions gives: the same ok/error, message and
// offset, the same value, and the same offset for every path, on fixture documents,
// hand-picked edge cases and a few thousand random mutations of valid instructions.

import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_JSON_DEPTH, parseJsonLazyPositions, parseJsonWithPositions, pathKey } from "../../../server/src/interchange/json-positions.js";
import { importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { fixtureText } from "./fixtures.js";

/** Every path of a value, as parseJsonWithPositions keys them. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function assertSame(text: string): void {
  const eager = parseJsonWithPositions(text);
  const lazy = parseJsonLazyPositions(text);
  assert.equal(lazy.ok, eager.ok, text.slice(0, 80));
  if (!eager.ok || !lazy.ok) {
    assert.deepEqual(lazy, eager, text.slice(0, 80));
    return;
  }
  assert.deepEqual(lazy.json.value, eager.json.value);
  for (const path of paths(eager.json.value)) {
    const key = pathKey(path);
    assert.equal(lazy.json.offsets.has(key), eager.json.offsets.has(key), key);
    assert.equal(lazy.json.offsets.get(key), eager.json.offsets.get(key), key);
  }
  assert.equal(lazy.json.offsets.has(pathKey(["no such key"])), false);
}

const nested = (depth: number, inner: string) => "[".repeat(depth) + inner + "]".repeat(depth);

test("edge cases: escapes, __proto__, duplicate keys, whitespace JSON.parse refuses, the depth limit on both sides", () => {
  const cases = [
    '{"a": "\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\"", "n": [-0.5e2, 0, 1E+3, true, false, null], "__proto__": {"x": 1}, "dup": 1, "dup": 2}',
    "", " ", "01", "'a'", "[1] // c", '"a\tb"', "[1,]", '{"a" 1}', "\uFEFF{}", "{}\u00a0", "\v[]", "1e400", "-0", '"\\ud800"',
    nested(MAX_JSON_DEPTH - 1, "1"), nested(MAX_JSON_DEPTH, "1"), nested(MAX_JSON_DEPTH + 1, "1"),
    nested(MAX_JSON_DEPTH, ""), nested(MAX_JSON_DEPTH + 1, ""), nested(MAX_JSON_DEPTH + 2, ""), nested(5000, "0"),
  ];
  for (const text of cases) assertSame(text);
  // The limit is the positioned parser's, on the lazy path too.
  assert.equal(parseJsonLazyPositions(nested(5000, "0")).ok, false);
});

test("random mutations of instruction documents: the same parse result", () => {
  const sources = ["figure1.json", "nested-three-deep.json", "complexbench-899.json"].map(fixtureText);
  // A fixed linear congruential generator, so a failure can be replayed.
  let seed = 12345;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const pieces = ['"', "{", "}", "[", "]", ",", ":", "\\", "\n", " ", "1", "-", "e", "null", '"x"', "\u0001", "\u00a0", "\ud800"];
  let valid = 0;
  for (let round = 0; round < 3000; round++) {
    let text = sources[next(sources.length)];
    for (let edits = next(3); edits >= 0; edits--) {
      const at = next(text.length + 1);
      const kind = next(3);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + next(4));
      else text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at + (kind === 2 ? 1 : 0));
    }
    if (parseJsonWithPositions(text).ok) valid++;
    assertSame(text);
  }
  assert.ok(valid > 100 && valid < 2900, `both valid and broken texts were compared (${valid} valid)`);
});

test("import errors still point at the offending value", () => {
  // The fixture's first constraint, with its instruction_id replaced: line and column counted by the text search below.
  const text = fixtureText("figure1.json").replace(/"instruction_id": "[^"]+"/, '"instruction_id": "no:such_type"');
  const at = text.indexOf('"no:such_type"');
  const before = text.slice(0, at).split("\n");
  const { errors } = importLsrInstructJson(text, "figure1.json");
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /unknown instruction_id 'no:such_type'/);
  assert.deepEqual([errors[0].line, errors[0].column], [before.length, before[before.length - 1].length + 1]);
});
