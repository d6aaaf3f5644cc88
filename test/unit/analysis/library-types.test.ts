// IFBench and IF-RLVR types in .lsr: ids with a hyphen, aliases, the information
// diagnostic on approximate types, and contradictions derived from the declarations.
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";

const codes = (source: string) => analyze(source).diagnostics.map((d) => `${d.code} ${d.message}`);

test("IFBench ids (one with a hyphen) and their aliases resolve without diagnostics", () => {
  assert.deepEqual(codes('format:sub-bullets\nno_whitespace\ncount:word_count_range(min_words: 10, max_words: 20)\n'), []);
  assert.deepEqual(codes('sub_bullets\nwords_between(min_words: 1, max_words: 2)\n'), []);
});

test("an approximate type gets the LSR017 information diagnostic at each use", () => {
  const diagnostics = analyze("words:start_verb\nformat:emoji\nno_comma\n").diagnostics;
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [["LSR017", "info"], ["LSR017", "info"]]);
  assert.match(diagnostics[0].message, /perceptron tagger/);
});

test("argument ranges are checked for the new types", () => {
  assert.match(codes("count:word_count_range(min_words: 30, max_words: 20)\n").join("\n"), /LSR011 .*min_words must be at most max_words/);
  assert.match(codes("ratio:stop_words(percentage: 140)\n").join("\n"), /LSR011/);
});

test("contradictions derived from the new declarations", () => {
  // Declared exclusion with a condition: the first sentence's first word is the response's first word.
  assert.match(codes('first_word:first_word_sent(first_word: "yes")\nfirst_word:first_word_answer(first_word: "no")\n').join("\n"), /LSR041 .*first word/);
  assert.deepEqual(codes('first_word:first_word_sent(first_word: "yes")\nfirst_word:first_word_answer(first_word: "Yes")\n'), []);
  // Exactly 2 *** paragraphs against IFEval's exact paragraph count.
  assert.match(codes("paragraphs:paragraphs\nparagraphs(num_paragraphs: 3)\n").join("\n"), /LSR041/);
  assert.deepEqual(codes("paragraphs:paragraphs\nparagraphs(num_paragraphs: 2)\n"), []);
  // A threshold type, an exact count and a required/forbidden word across families.
  assert.match(codes('letters:letter_counting(N: 10, relation: "less than")\nletters:letter_counting(N: 20, relation: "at least")\n').join("\n"), /fewer than 10 and at least 20/);
  assert.match(codes("count:numbers(N: 2)\ncount:numbers(N: 3)\n").join("\n"), /exactly 2 and exactly 3 numbers/);
  assert.match(codes('contains(keywords: ["very"])\nkeywords:exclude_word_harder(keyword: "very")\n').join("\n"), /'very' is both required and forbidden/);
  assert.match(codes("words_between(min_words: 10, max_words: 20)\nwords_between(min_words: 30, max_words: 40)\n").join("\n"), /10-20 and 30-40 words do not overlap/);
  assert.deepEqual(codes("words_between(min_words: 10, max_words: 20)\nwords_between(min_words: 20, max_words: 40)\n"), []);
  assert.match(codes('words_between(min_words: 10, max_words: 20)\nwords(relation: "less than", num_words: 10)\n').join("\n"), /word range and the word-count threshold/);
  assert.deepEqual(codes('words_between(min_words: 10, max_words: 20)\nwords(relation: "at least", num_words: 20)\n'), []);
  assert.match(codes('last_word:last_word_answer(last_word: "end")\nlast_word:last_word_answer(last_word: "stop")\n').join("\n"), /LSR041 .*last word/);
});
