import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";

test("LineIndex maps offsets both ways across \\n, \\r\\n and \\r", () => {
  // Lines: "ab" 0..2 (+\r\n), "c" 4..5 (+\n), "" 6..6 (+\r), "de" 7..9.
  const index = new LineIndex("ab\r\nc\n\rde");
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 3, character: 1 });
  assert.deepEqual(index.positionAt(99), { line: 3, character: 2 });
  assert.equal(index.offsetAt({ line: 1, character: 0 }), 4);
  assert.equal(index.offsetAt({ line: 0, character: 10 }), 2, "clamped before the \\r\\n");
  assert.equal(index.offsetAt({ line: 3, character: 2 }), 9);
  assert.equal(index.offsetAt({ line: 7, character: 0 }), 9);
});
