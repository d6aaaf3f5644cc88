// Issue 9 item 12: the shapes `lsrif check` is benchmarked on resolve to the logic trees and
// diagnostics worked out here by hand. Blocks of one item take their own path through the
// resolver (an exact one-element array) and the scope checks walk nested blocks in loops, so
// blocks of none, one and two items, blocks nested deep and duplicates found through nested
// blocks are all pinned.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { CODES } from "../../../server/src/analysis/codes.js";
import type { LogicNode } from "../../../server/src/analysis/logic.js";

const range = (start: number, end: number) => ({ start, end });
const codes = (text: string) => analyze(text).diagnostics.map((d) => [d.code, d.range]);

test("a block of one item resolves to a parallel node of one child; of two, of two", () => {
  // `and { soft "x" }`: the soft constraint covers [6, 14), the block [0, 16).
  assert.deepEqual(analyze('and { soft "x" }').instruction.root, {
    kind: "parallel", range: range(0, 16),
    children: [{ kind: "parallel", range: range(0, 16), children: [{ kind: "soft", text: "x", range: range(6, 14) }] }],
  });
  assert.deepEqual(analyze('and { soft "x" soft "y" }').instruction.root, {
    kind: "parallel", range: range(0, 25),
    children: [{ kind: "parallel", range: range(0, 25), children: [{ kind: "soft", text: "x", range: range(6, 14) }, { kind: "soft", text: "y", range: range(15, 23) }] }],
  });
});

test("a block whose one item resolves to nothing (a stray else) is left out, and both problems are reported", () => {
  const analysis = analyze("and { else }");
  assert.deepEqual(analysis.instruction.root, { kind: "parallel", range: range(0, 12), children: [] });
  // `else` at [6, 10); the `}` at [11, 12) is not the block it needs.
  assert.deepEqual(codes("and { else }"), [[CODES.elseWithoutIf.code, range(6, 10)], [CODES.syntax.code, range(11, 12)]]);
});

test("blocks nested ten deep: ten parallel levels, the depth limit (8) reported once at the ninth 'and'", () => {
  const depth = 10;
  const text = `${"and {\n".repeat(depth)}soft "x"\n${"}\n".repeat(depth)}`;
  // Level k's `and` is at 6k; the soft line at 6 * depth; the closers after it, innermost first.
  const softAt = 6 * depth;
  let node: LogicNode = { kind: "soft", text: "x", range: range(softAt, softAt + 8) };
  for (let level = depth - 1; level >= 0; level--) {
    node = { kind: "parallel", children: [node], range: range(6 * level, softAt + 9 + 2 * (depth - 1 - level) + 1) };
  }
  const analysis = analyze(text);
  assert.deepEqual(analysis.instruction.root, { kind: "parallel", children: [node], range: range(0, text.length) });
  // Top-level items are depth 1, so the `and` at level 8 (offset 48) is the first past the limit.
  assert.deepEqual(codes(text), [[CODES.nestingTooDeep.code, range(48, 51)]]);
});

test("a duplicate is found through nested blocks and through a step's nested block", () => {
  // The second no_comma is at [21, 29) inside the inner block.
  assert.deepEqual(codes("and { no_comma and { no_comma } }"), [[CODES.duplicateConstraint.code, range(21, 29)]]);
  // The later step's no_comma sits in a block inside the step's block, at [32, 40).
  assert.deepEqual(codes("first { no_comma } then { and { no_comma } }"), [[CODES.duplicateConstraint.code, range(32, 40)]]);
  assert.deepEqual(codes("first { lowercase } then { and { no_comma } }"), []);
});
