// Issue 9 (memory): a long sentence is tokenized in pieces cut at safe points
// (server/src/ifeval/text/words.ts, `safeCut`). The pieces' tokens, in order, must be the
// whole sentence's Treebank tokens on any text; here with pieces a few characters long, so
// nearly every safe point is a cut, on text made of what the Treebank rules react to.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { firstWordToken, forEachSpacedPiece, treebankTokenize, wordTokenize } from "../../../server/src/ifeval/text/words.js";
import { pySplitWhitespace } from "../../../server/src/ifeval/python/py-text.js";
import { punktSentences } from "../../../server/src/ifeval/text/punkt.js";

/** Characters and strings the rules look at: brackets, quotes, periods, colons, contractions, whitespace kinds, word characters. */
const PARTS = [
  " ", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "[", "[", "(", "{", "<", "]", ")", "}", ">", ".", "..", ",", ":", ";", "?", "!",
  '"', "''", "'", "`", "``", "\u201c", "\u201d", "\u00bb", "'s", "'S", "'ll", "n't", "N'T", "'re", "'t", "is", "was", "can", "not",
  "wan", "na", "gon", "more", "'n", "--", "-", "*", "&", "a", "b", "Z", "x", "1", "9", "é", "😀", "\u2013",
];

const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 60 }).map((parts) => parts.join(""));

function piecesTokens(sentence: string, pieceLength: number): string[] {
  const tokens: string[] = [];
  forEachSpacedPiece(sentence, (spaced) => {
    for (const token of pySplitWhitespace(spaced)) tokens.push(token);
  }, pieceLength);
  return tokens;
}

test("tokens of a sentence cut into pieces equal the tokens of the whole sentence", () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 6 }), (sentence, pieceLength) => {
      assert.deepEqual(piecesTokens(sentence, pieceLength), treebankTokenize(sentence));
    }),
    { numRuns: 3000 },
  );
});

test("the same on text dense in runs of commas, colons and openers", () => {
  const dense = fc.array(fc.constantFrom(",", ",", ",", ":", "[", "(", "a", "1", " ", ".", "'", "s", ")"), { maxLength: 40 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(dense, fc.integer({ min: 1, max: 5 }), (sentence, pieceLength) => {
      assert.deepEqual(piecesTokens(sentence, pieceLength), treebankTokenize(sentence));
    }),
    { numRuns: 3000 },
  );
});

test("a cut happens on long runs of openers and of words, and never where it is not safe", () => {
  // Openers: cut; closers after a final period: no cut may separate "x." from ")".
  assert.deepEqual(piecesTokens("[[[[[[", 2), ["[", "[", "[", "[", "[", "["]);
  assert.deepEqual(piecesTokens("go now. )))", 2), treebankTokenize("go now. )))"));
  assert.deepEqual(piecesTokens("say it's fine wanna go", 3), treebankTokenize("say it's fine wanna go"));
  let pieces = 0;
  forEachSpacedPiece("[".repeat(100), () => {
    pieces++;
  }, 10);
  assert.equal(pieces, 10);
});

/** word_tokenize without cuts: Punkt sentences, then the Treebank rules on each whole sentence. */
function unsplitWordTokenize(text: string): string[] {
  return punktSentences(text).flatMap((sentence) => treebankTokenize(sentence));
}

test("word_tokenize of a long bracket run and of long prose gives the tokens of the unsplit pipeline", () => {
  const brackets = "[".repeat(200_000) + " Done.";
  const tokens = wordTokenize(brackets);
  assert.equal(tokens.length, 200_002);
  assert.deepEqual(tokens.slice(-3), ["[", "Done", "."]);
  assert.deepEqual(tokens, unsplitWordTokenize(brackets));
  const prose = "we can't stop, it's \"fine\" (really) -- and more'n that; wanna go ".repeat(3000);
  assert.deepEqual(wordTokenize(prose), unsplitWordTokenize(prose));
});

test("default pieces grow from 256 characters: tokens equal the whole on long generated sentences, and the first token is the first", () => {
  const long = fc.array(fc.constantFrom(...PARTS, ",,,,,,,,", "[[[[[[[[", "word "), { minLength: 300, maxLength: 900 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(long, (sentence) => {
      const tokens = treebankTokenize(sentence);
      assert.deepEqual(piecesTokens(sentence, 1 << 16), tokens);
      assert.equal(firstWordToken(sentence), wordTokenize(sentence)[0]);
    }),
    { numRuns: 300 },
  );
  // 1 MB of commas: the first piece is short (256 characters plus the cut), so one token is found without spacing the rest.
  let firstPiece = 0;
  forEachSpacedPiece(",".repeat(1 << 20), (spaced) => {
    firstPiece = spaced.length;
    return false;
  });
  assert.ok(firstPiece > 0 && firstPiece < 1024, `first spaced piece ${firstPiece} characters`);
  assert.equal(firstWordToken(",".repeat(1 << 20)), ",");
});

test("leading whitespace before a letter or digit is skipped with the same tokens as the whole sentence", () => {
  const whitespace = fc.array(fc.constantFrom(" ", "\n", "\t", "\u00a0", "\u3000", "\r"), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(whitespace, fc.constantFrom("a", "Z", "7", '"', "'", "''", "`", ".", ",", "(", "é", "-"), text, (lead, next, rest) => {
      const sentence = lead + next + rest;
      assert.deepEqual(piecesTokens(sentence, 1 << 16), treebankTokenize(sentence));
      assert.deepEqual(piecesTokens(sentence, 3), treebankTokenize(sentence));
    }),
    { numRuns: 3000 },
  );
});
