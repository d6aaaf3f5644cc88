import { test } from "node:test";
import assert from "node:assert/strict";
import { countSentences, splitSentences } from "../../../server/src/ifeval/text/sentences.js";

// Expected values: IFEval's instructions_util_test, NLTK's punkt docstrings, and hand traces
// through Punkt with the English parameters (the trace is in each comment).

test("IFEval official count_sentences examples", () => {
  assert.equal(countSentences("xx,x. xx,x! xx/x. x{x}x? x."), 5);
  assert.equal(countSentences("xx-x]xx,x! x{x}xx,x."), 2);
});

test("NLTK docstring: abbreviations and initials do not break, lower-case starts can", () => {
  const text =
    "Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.  " +
    "And sometimes sentences\ncan start with non-capitalized words.  i is a good variable\nname.";
  assert.deepEqual(splitSentences(text), [
    "Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.",
    "And sometimes sentences\ncan start with non-capitalized words.",
    "i is a good variable\nname.",
  ]);
});

test("NLTK docstring: closing brackets and quotes are realigned into the sentence", () => {
  const text =
    "(How does it deal with this parenthesis?)  \"It should be part of the\nprevious sentence.\" " +
    "\"(And the same with this one.)\" ('And this one!')\n\"('(And (this)) '?)\" [(and this. )]";
  assert.deepEqual(splitSentences(text), [
    "(How does it deal with this parenthesis?)",
    "\"It should be part of the\nprevious sentence.\"",
    "\"(And the same with this one.)\"",
    "('And this one!')",
    "\"('(And (this)) '?)\"",
    "[(and this. )]",
  ]);
});

test("known abbreviation before a capitalised name does not break", () => {
  // "dr" is an abbreviation type; "smith" has only upper-case contexts (12) and is no starter.
  assert.deepEqual(splitSentences("Dr. Smith arrived. He sat down."), ["Dr. Smith arrived.", "He sat down."]);
});

test("abbreviation followed by a frequent sentence starter breaks", () => {
  // "he" is in the sentence-starter list and "He" is capitalised.
  assert.deepEqual(splitSentences("Dr. He is here."), ["Dr.", "He is here."]);
});

test("an initial before an always-capitalised word is kept (J. Smith)", () => {
  assert.equal(countSentences("J. Smith wrote it."), 1);
});

test("decimal numbers and numeric ordinals", () => {
  assert.deepEqual(splitSentences("The price is 3.5 dollars. It rose."), ["The price is 3.5 dollars.", "It rose."]);
  // "5." is ##number## and "day" is seen with upper case mid-sentence (36), so no break.
  assert.equal(countSentences("On the 5. day we left."), 1);
});

test("ellipsis before a lower-case word does not break; '?' does", () => {
  assert.deepEqual(splitSentences("Wait... what happened? Nothing."), ["Wait... what happened?", "Nothing."]);
});

test("a quote after the period stays with its sentence", () => {
  assert.deepEqual(splitSentences('He said "Stop." Then he left.'), ['He said "Stop."', "Then he left."]);
});

test("'e.g.' is not a known abbreviation, so Punkt breaks after it", () => {
  assert.deepEqual(splitSentences("I like fruit, e.g. apples. They are sweet."), [
    "I like fruit, e.g.",
    "apples.",
    "They are sweet.",
  ]);
});

test("empty, blank and unpunctuated text", () => {
  assert.equal(countSentences(""), 0);
  assert.equal(countSentences("  \n\t "), 0);
  assert.deepEqual(splitSentences("Line one\nLine two  "), ["Line one\nLine two"]);
});
