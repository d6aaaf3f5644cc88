// length_constraints, startend and combination checkers: official
// instructions_test.py cases (rewritten) plus hand cases with counts in comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check-helper.js";

test("number_words: official cases; Unicode \\w runs", () => {
  const message1 = "\n  d3sCRi7 lArge lAnguagE M0del w1tH 20 w0RdS."; // 7 words
  const message2 = "\n  L4RGE L4NGU4GE M0DEL: AI syst3m th4t und3rstands, g3n3r4tes, or tr4nsforms\n  l4ngu4g3 b4s3d on pr3vious l3arning & d4t4."; // 16 words
  assert.equal(check("length_constraints:number_words", { num_words: 8, relation: "less than" }, message1), true);
  assert.equal(check("length_constraints:number_words", { num_words: 16, relation: "less than" }, message2), false);
  assert.equal(check("length_constraints:number_words", { num_words: 16, relation: "at least" }, message2), true);
  assert.equal(check("words", { num_words: 2, relation: "at least" }, "Hyphenated-word"), true); // 2 words
  assert.equal(check("words", { num_words: 3, relation: "less than" }, "naïve café"), true); // 2 words, ï and é are \w
});

test("number_sentences: official cases (Punkt)", () => {
  assert.equal(check("length_constraints:number_sentences", { num_sentences: 4, relation: "less than" }, "xx,x. xx,x! xx/x. x{x}x?"), false);
  assert.equal(check("length_constraints:number_sentences", { num_sentences: 5, relation: "less than" }, "xxxx. xx,x! xxxx. x(x)x?"), true);
  assert.equal(check("length_constraints:number_sentences", { num_sentences: 4, relation: "at least" }, "xxxx. xx,x! xx|x. x&x x?"), true);
  assert.equal(check("length_constraints:number_sentences", { num_sentences: 5, relation: "at least" }, "xx-x. xx,x! xx}x. x,xx?"), false);
});

test("number_paragraphs: official cases; an empty middle paragraph fails", () => {
  const p1 = "\n  paragraph 1\n  ***\n  paragraph 2\n  ***\n  paragraph 3";
  const p2 = "\n          ***\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n      paragraph 3";
  const p3 = "\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n      paragraph 3\n          ***";
  const p4 = "\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n          ***";
  assert.equal(check("length_constraints:number_paragraphs", { num_paragraphs: 3 }, p1), true);
  assert.equal(check("length_constraints:number_paragraphs", { num_paragraphs: 3 }, p2), true);
  assert.equal(check("length_constraints:number_paragraphs", { num_paragraphs: 3 }, p3), true);
  assert.equal(check("length_constraints:number_paragraphs", { num_paragraphs: 2 }, p4), false);
});

test("nth_paragraph_first_word: official cases", () => {
  const t1 = "\n  paragraph 1\n\n  I paragraph 2\n\n  paragraph 3";
  const t2 = "\n  paragraph 1\n\n  I paragraph 2";
  const t3 = "\n  paragraph 1\n\n  fail paragraph 2\n\n  paragraph 3";
  const five = (third: string) => `\n  Wow this is a very long response.\n\n  I can't believe there is more than three paragraphs.\n\n  ${third}\n\n  I can't believe it but I guess I am living proof.\n\n  Haha, you go that right.`;
  const id = "length_constraints:nth_paragraph_first_word";
  assert.equal(check(id, { num_paragraphs: 3, nth_paragraph: 2, first_word: "I" }, t1), true);
  assert.equal(check(id, { num_paragraphs: 3, nth_paragraph: 2, first_word: "I" }, t2), false);
  assert.equal(check(id, { num_paragraphs: 3, nth_paragraph: 2, first_word: "I" }, t3), false);
  assert.equal(check(id, { num_paragraphs: 5, nth_paragraph: 5, first_word: "haha" }, five("Really more than three? No way!")), true);
  assert.equal(check(id, { num_paragraphs: 5, nth_paragraph: 3, first_word: "Really" }, five('"Really?! more than three? No way!"')), true);
  assert.equal(check(id, { num_paragraphs: 5, nth_paragraph: 3, first_word: "Really" }, five("Rea!lly more than three? No way!")), false);
});

test("end_checker: official cases", () => {
  assert.equal(check("startend:end_checker", { end_phrase: "\n  Any more questions?\n  " }, "\n  The answer is 7. Any more questions?\n  "), true);
  assert.equal(check("startend:end_checker", { end_phrase: "\n  This is the end.\n  " }, "\n  At the end of this prompt I am required to say that this is the end.\n  "), true);
  assert.equal(check("startend:end_checker", { end_phrase: "\n  This will fail.\n  " }, "\n  This will fail. Paris is cool.\n  "), false);
  assert.equal(check("end_with", { end_phrase: "Peace!" }, '"Goodbye. Peace!"'), true); // surrounding quotes are ignored
});

test("quotation: official cases", () => {
  assert.equal(check("startend:quotation", {}, '\n  "This entire message is wrapped in double quotation marks."\n  '), true);
  assert.equal(check("startend:quotation", {}, '\n  "This message is wrapped in double quotation marks." But not everything.\n  '), false);
  assert.equal(check("quotation", {}, ' " '), false); // one character after strip
});

test("repeat_prompt: official cases", () => {
  const prompt = "Write a CL description.";
  assert.equal(check("combination:repeat_prompt", { prompt_to_repeat: prompt }, "Write a CL description. Hi, Le and TJ, please\n  check this out. Thanks.\n  "), true);
  assert.equal(check("combination:repeat_prompt", { prompt_to_repeat: prompt }, "Hi, Le and TJ. Write a CL description. Thanks.\n  "), false);
});

test("two_responses: official cases", () => {
  const id = "combination:two_responses";
  assert.equal(check(id, {}, "\n  This is response 1.\n  ******\n  This is response 2.\n  "), true);
  assert.equal(check(id, {}, "\n  This is response 1.\n  ******\n  This is response 1.\n  "), false);
  assert.equal(check(id, {}, "\n  This is response 1.\n  ******\n  This is response 2.\n  ******\n  This is response 3.\n  "), false);
  assert.equal(check(id, {}, "\n  ******\n  Response 1.\n  ******\n  ******\n  Response 2.\n  ******\n  "), false);
  assert.equal(check(id, {}, "\n  ******\n  Response 1\n  ******\n  Response 2\n  ******\n  "), true);
});
