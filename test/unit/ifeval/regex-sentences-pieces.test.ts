// Issue 9 (memory): IFEval's regex sentence splitter runs its substitutions on pieces of the
// input cut where no substitution can see across (server/src/ifeval/ifbench/sentences.ts
// sentences). With pieces as short as one character (a cut wherever the rule allows
// one), it gives the sentences of the former whole-text version on random text made of what
// the substitutions react to, long letter runs (where cuts fall) and degenerate runs.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { countSentences, firstSentences, nthSentence, sentencesWithNext, splitIntoSentences } from "../../../server/src/ifeval/ifbench/sentences.js";
import { replaceLiteral } from "../../../server/src/util/replace-all.js";
import { formerRegexSentences } from "../../helpers/ifeval-reference/regex-sentences.js";

const PIECES = [
  " ", " ", "\n", "\t", "\u3000", ".", ".", "..", "...", "?", "!", '"', "”", "“", "<", ">", "<prd>", "<stop>", "<st", "op>",
  "Mr.", "Mrs.", "Dr.", "St.", ".com", ".io", "3.5", "3", "Ph.D.", "Ph.D", " A. ", "a.b.c.", "A.B.", "U.S. He ", "A.B.C. However ",
  " Inc. They ", " Jr.", " Co.", " x.", "He ", "We\t", "Wherever", "However\u3000", "abcdefghijklmnopqrstuvwxyz",
  "the quick brown fox jumps over", "x", "Y", "é", "😀", "\ud83d", "\ude00", "'", "a", "B",
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((p) => p.join(""));
const runs = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([piece, n]) => piece.repeat(n)).join(""));

test("the sentences of the pieces are the sentences of the whole text", () => {
  fc.assert(fc.property(fc.oneof(text, runs), fc.constantFrom(1, 2, 7, 40, 300), (t, pieceLength) => {
    assert.deepEqual(splitIntoSentences(t, { pieceLength }), formerRegexSentences(t));
  }), { numRuns: 4000, seed: 9 });
});

test("a long text is cut into pieces, and an empty one has no sentence", () => {
  const long = "Dr. Smith went home. ".repeat(20) + "the quick brown fox jumps over the lazy dog ".repeat(10) + "He left!";
  assert.deepEqual(splitIntoSentences(long, { pieceLength: 50 }), formerRegexSentences(long));
  assert.deepEqual(splitIntoSentences(""), []);
  assert.deepEqual(splitIntoSentences("   "), formerRegexSentences("   "));
});

test("the default pieces grow from 4 KiB: a 40 KB text is split as the whole", () => {
  // 40 KB crosses the first pieces (4, 8, 16 KiB); each repeat of the unit holds a cut.
  const unit = "Dr. Smith went home. He said: \"Wait!\" the quick brown fox jumps over the lazy dog... Why? ";
  const long = unit.repeat(450);
  assert.ok(long.length > 40_000);
  assert.deepEqual(splitIntoSentences(long), formerRegexSentences(long));
});

test("mapPiece splits the mapped text; the readers agree with the list", () => {
  const hyphenated = fc.array(fc.constantFrom(...PIECES, "-", "I came.-", "-I left."), { maxLength: 50 }).map((p) => p.join(""));
  const hyphensAsSpaces = (s: string) => replaceLiteral(s, "-", " ");
  fc.assert(fc.property(hyphenated, fc.constantFrom(1, 7, 300), fc.integer({ min: 0, max: 5 }), (t, pieceLength, n) => {
    const all = formerRegexSentences(t);
    assert.deepEqual(splitIntoSentences(t, { pieceLength, mapPiece: hyphensAsSpaces }), formerRegexSentences(hyphensAsSpaces(t)));
    assert.equal(countSentences(t), all.length);
    assert.deepEqual(firstSentences(t, n), all.slice(0, n));
    assert.equal(nthSentence(t, n), n >= 1 ? all[n - 1] : undefined);
    assert.deepEqual([...sentencesWithNext(t)], all.map((s, i) => [s, all[i + 1]]));
  }), { numRuns: 3000, seed: 9 });
});
