// partitionPoint, the one binary search: against a linear scan on every length up to 40
// and every cut point, so the edges (empty, all true, all false) are covered.
import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex, partitionPoint } from "../../../grammars/src/index.js";

test("partitionPoint finds the first index where the predicate turns true", () => {
  for (let length = 0; length <= 40; length++) {
    for (let cut = 0; cut <= length; cut++) {
      let calls = 0;
      const found = partitionPoint(length, (i) => { calls++; return i >= cut; });
      assert.equal(found, cut, `length ${length}, cut ${cut}`);
      assert.ok(calls <= Math.ceil(Math.log2(length + 1)), `${calls} calls for length ${length}`);
    }
  }
});

test("LineIndex.positionAt through it: line starts, line ends and clamping", () => {
  // "ab\ncd\r\nef": lines start at 0, 3 and 7 (counted by hand).
  const index = new LineIndex("ab\ncd\r\nef");
  assert.deepEqual([0, 2, 3, 6, 7, 9, 99, -5].map((o) => index.positionAt(o)), [
    { line: 0, character: 0 }, { line: 0, character: 2 }, { line: 1, character: 0 }, { line: 1, character: 3 },
    { line: 2, character: 0 }, { line: 2, character: 2 }, { line: 2, character: 2 }, { line: 0, character: 0 },
  ]);
});
