// Issue 9 (memory): the checkers that read Python `s.split()` words now stream them
// (pyWhitespaceWords, pySplitFirst, pySplitLast) instead of building the array of every word.
// Each gives the verdict of its former array formulation (test/helpers/ifeval-reference/
// whitespace-words.ts) on random text made of what the checkers react to, degenerate runs included.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { pyCountWhitespaceWords, pySplitFirst, pySplitLast, pySplitWhitespace, pyWhitespaceWords } from "../../../server/src/ifeval/python/py-text.js";
import { FORMER_CHECKS } from "../../helpers/ifeval-reference/whitespace-words.js";

const PIECES = [
  " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x1c", ".", "!", "?", ",", "-", "'", "<<", ">>", "[", "]",
  "a", "b", "c", "d", "e", "st", "and", "But", "or,", "we", "We", "now", "now.", "level", "radar", "kayak", "Mr.",
  "lol", "xyz", "é", "É", "ß", "İ", "😀", "😀.", "🎉", "🇫🇷", "👍🏽", "٣", "ǅ", "\ud800", "\ud83d", "\ude00", "the", "is", "of",
];

const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(""));
/** Runs of one piece (the degenerate shapes: whitespace, one repeated word, punctuation) between other text. */
const runText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES, "lol ", "we. ", "[x] ", "<<a b>> ", "level ", "and "), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 3 })
  .chain((runs) => fc.tuple(fc.constant(runs), pieceText))
  .map(([runs, tail]) => runs.map(([piece, n]) => piece.repeat(n)).join("") + tail);
const anyText = fc.oneof({ weight: 3, arbitrary: pieceText }, { weight: 2, arbitrary: runText }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) });

test("pyWhitespaceWords yields s.split(); pySplitFirst, pySplitLast, pyCountWhitespaceWords are its first, last, length", () => {
  fc.assert(fc.property(anyText, (t) => {
    const words = pySplitWhitespace(t);
    assert.deepEqual([...pyWhitespaceWords(t)], words);
    assert.equal(pySplitFirst(t), words[0]);
    assert.equal(pySplitLast(t), words.at(-1));
    assert.equal(pyCountWhitespaceWords(t), words.length);
  }), { numRuns: 3000, seed: 9 });
});

/** Argument sets per type: thresholds small enough that random text passes some of the time. */
const ARGS: Record<string, Record<string, unknown>[]> = {
  "words:repeats": [{ small_n: 1 }, { small_n: 3 }],
  "count:unique_word_count": [{ N: 2 }, { N: 6 }],
  "count:conjunctions": [{ small_n: 1 }, { small_n: 2 }],
  "first_word:first_word_sent": [{ first_word: "we" }],
  "first_word:first_word_answer": [{ first_word: "we" }],
  "last_word:last_word_sent": [{ last_word: "now" }],
  "last_word:last_word_answer": [{ last_word: "now" }],
  "ratio:stop_words": [{ percentage: 20 }, { percentage: 50 }],
};

for (const [id, former] of Object.entries(FORMER_CHECKS)) {
  test(`${id}: streamed words give the former verdict`, () => {
    const type = findHardType(id);
    assert.ok(type, id);
    for (const raw of ARGS[id] ?? [{}]) {
      const args = type.schema.parse(raw) as Record<string, unknown>;
      const verdict = (f: () => boolean) => {
        try {
          return f();
        } catch {
          return false; // a check that throws is not followed (verify.ts)
        }
      };
      fc.assert(fc.property(anyText, (t) => {
        assert.equal(verdict(() => type.check(t, args as never)), verdict(() => former(t, args)), JSON.stringify(t));
      }), { numRuns: 1500, seed: 9 });
    }
  });
}
