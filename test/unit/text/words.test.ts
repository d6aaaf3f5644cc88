import { test } from "node:test";
import assert from "node:assert/strict";
import { wordTokenize } from "../../../server/src/ifeval/text/words.js";

// Expected values: NLTK's word_tokenize docstring and hand traces of the Treebank rules.

test("NLTK docstring example (sentence-final periods split, inner ones kept)", () => {
  const text = "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\n\nThanks.";
  assert.deepEqual(wordTokenize(text), [
    "Good", "muffins", "cost", "$", "3.88", "in", "New", "York", ".",
    "Please", "buy", "me", "two", "of", "them", ".", "Thanks", ".",
  ]);
});

test("contractions split as in the Penn Treebank", () => {
  assert.deepEqual(wordTokenize("I don't know, can't you?"), ["I", "do", "n't", "know", ",", "ca", "n't", "you", "?"]);
  assert.deepEqual(wordTokenize("They're gonna win"), ["They", "'re", "gon", "na", "win"]);
});

test("double quotes become `` and ''", () => {
  assert.deepEqual(wordTokenize('"Hi," she said.'), ["``", "Hi", ",", "''", "she", "said", "."]);
});

test("brackets, dashes, ellipses and stars are padded", () => {
  assert.deepEqual(wordTokenize("A test -- of (it)... and *this*"), [
    "A", "test", "--", "of", "(", "it", ")", "...", "and", "*", "this", "*",
  ]);
});

test("upper-case words stay whole tokens", () => {
  assert.deepEqual(wordTokenize("THE END. NASA's LAB"), ["THE", "END", ".", "NASA", "'s", "LAB"]);
});

test("empty text has no tokens", () => {
  assert.deepEqual(wordTokenize(""), []);
});
