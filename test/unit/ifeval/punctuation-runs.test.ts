// last_word:last_word_answer deletes punctuation by runs (one match per run) instead of one
// character at a time: the verdict must equal the per-character deletion it replaced.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { verifyInstruction } from "../../../server/src/ifeval/verify.js";
import { PY_WHITESPACE_CLASS, pySplitLast, pyStrip } from "../../../server/src/ifeval/python/py-text.js";

/** The former deletion: every character that is not a letter, digit, "_" or whitespace, one match each. */
const NON_WORD_CHAR = new RegExp(`[^\\p{L}\\p{N}_${PY_WHITESPACE_CLASS}]`, "gu");
const former = (response: string, word: string) => {
  const last = pySplitLast(response);
  return last !== undefined && last.replace(NON_WORD_CHAR, "").toLowerCase() === pyStrip(word).toLowerCase();
};

const PARTS = ["end", "END", "e", "nd", "!", "!!", ",", ",,,", ".", "'", "_", "😀", "\ud800", "é", " ", "\n", "-", "1"];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 30 }).map((parts) => parts.join(""));

test("last_word_answer: the same verdicts as deleting punctuation one character at a time", () => {
  const type = findHardType("last_word:last_word_answer");
  assert.ok(type);
  let passes = 0;
  fc.assert(
    fc.property(text, (response) => {
      const got = verifyInstruction(type, response, { last_word: "end" }, "strict");
      assert.equal(got, response.trim() !== "" && former(response, "end"), JSON.stringify(response));
      if (got) passes++;
    }),
    { numRuns: 4000 },
  );
  assert.ok(passes > 100, `both verdicts occur (${passes} passes)`);
});
