// The streamed lines stand in for Python's s.split("\n") in the checkers: same items, same order.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { pyFirstLine, pySplitLines } from "../../../server/src/ifeval/python/py-text.js";

const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "é", "\u{1F600}"), maxLength: 60 });

test("pySplitLines yields exactly the items of split('\\n'); pyFirstLine is the first", () => {
  fc.assert(fc.property(text, (t) => {
    assert.deepEqual([...pySplitLines(t)], t.split("\n"));
    assert.equal(pyFirstLine(t), t.split("\n")[0]);
  }), { numRuns: 3000 });
  // By hand: "" is one empty line; "\n" two; "a\n\nb" three.
  assert.deepEqual([...pySplitLines("")], [""]);
  assert.deepEqual([...pySplitLines("\n")], ["", ""]);
  assert.deepEqual([...pySplitLines("a\n\nb")], ["a", "", "b"]);
});
