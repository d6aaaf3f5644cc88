import assert from "node:assert/strict";
import { test } from "node:test";
import { leavesToMark } from "../../../client/src/scoring/marks.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";

test("failed constraints are marked; a condition that does not hold is not", async () => {
  const text = 'if contains(keywords: ["error"]) {\n  lowercase\n} else {\n  no_comma\n}\ntitle\n';
  const { instruction } = analyze(text);
  // no "error", so the else branch applies; it has a comma (fail) and no <<title>> (fail)
  const result = await scoreInstruction(instruction, "Hello, world");
  const marked = leavesToMark(result).map((m) => text.slice(m.range.start, m.range.end));
  assert.deepEqual(marked, ["no_comma", "title"]);
});
