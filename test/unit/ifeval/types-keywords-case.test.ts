// keywords, change_case, language and punctuation checkers: official
// instructions_test.py cases (rewritten) plus hand cases with counts in comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check-helper.js";

const PARIS_1 = `
  Paris is a city of beauty and romance. The romantic river Seine winds its way
  through the city, past iconic landmarks like the Eiffel Tower and the Louvre
  Museum, where the Mona Lisa resides. Whether you're taking a boat cruise down
  the river or simply strolling along the banks, you're sure to be captivated
  by the city's charm.`;
const PARIS_2 = `
  Paris is a city of beauty, romance, and history. It is home to some of the
  most iconic landmarks in the world, including the Eiffel Tower, the Louvre
  Museum, and the Notre Dame Cathedral. The city is also known for its romantic
  river cruises, its delicious food, and its stylish people.
  `;

test("keywords:existence: official cases; substring regex, no word boundary", () => {
  const keywords = ["romantic", "river", "Mona Lisa"];
  assert.equal(check("keywords:existence", { keywords }, PARIS_1), true);
  assert.equal(check("keywords:existence", { keywords }, PARIS_2), false); // no "Mona Lisa"
  assert.equal(check("contains", { keywords: ["rte"] }, "Karte"), true); // IFEval has no word boundaries here
  assert.equal(check("contains", { keywords: ["colou?r"] }, "COLOR"), true); // keywords are regexes
});

test("keywords:frequency: official cases (keyword is stripped)", () => {
  const message1 = "\n  keyword, Keyword, KEYWORD\n  ";
  const message2 = "\n    *keyword\n    *Keyword\n    *KEYWORD\n  ";
  assert.equal(check("keywords:frequency", { keyword: "  keyword ", frequency: 4, relation: "less than" }, message1), true); // 3 < 4
  assert.equal(check("keywords:frequency", { keyword: "  keyword ", frequency: 3, relation: "at least" }, message1), true);
  assert.equal(check("keywords:frequency", { keyword: "KEYWORD", frequency: 4, relation: "at least" }, message2), false); // 3
  assert.equal(check("keyword_frequency", { keyword: "the", frequency: 3, relation: "at_least" }, "The theme: then."), true); // the, the(me), the(n)
});

const FORBIDDEN_1 = `
  The Nazis came to power in 1933 through a combination of legal and illegal
  means. Hitler was appointed chancellor by President Paul von Hindenburg, and
  the Nazis quickly consolidated their power by passing a series of laws that
  restricted the rights of opposition parties and individuals. By 1934, Hitler
  had become dictator of Germany.
  `;
const FORBIDDEN_2 = `
  Dinosaurs were a diverse group of reptiles that dominated the Earth for over
  160 million years. They came in all shapes and sizes, from the tiny
  Compsognathus to the massive Argentinosaurus. Dinosaurs were the most
  successful land animals on Earth until they went extinct about 66 million
  years ago. The exact cause of their extinction is still unknown, but it
  is thought to have been a combination of factors, including an asteroid
  impact and climate change.
  `;
const FORBIDDEN_3 = `
  GPT, or Generative Pre-trained Transformer, is a family of neural network
  models that uses the transformer architecture. GPT models are trained on a
  massive dataset of text and code, and can be used for a variety of tasks,
  including text generation, translation, and question answering. GPT models
  have been shown to be very effective at these tasks, and are being used by
  a variety of companies and organizations like Google.
  `;

test("keywords:forbidden_words: official cases; whole words, Unicode boundaries", () => {
  const words1 = ["HOUSE", "POWER", "BECOME"];
  const words2 = ["GOOGLE", "TEXT"];
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words1 }, FORBIDDEN_1), false);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words1 }, FORBIDDEN_2), true);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words1 }, FORBIDDEN_3), true);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words2 }, FORBIDDEN_1), true);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words2 }, FORBIDDEN_2), true);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: words2 }, FORBIDDEN_3), false);
  assert.equal(check("keywords:forbidden_words", { forbidden_words: ["GENE", "TRANSFORM"] }, FORBIDDEN_3), true);
  assert.equal(check("forbidden_words", { forbidden_words: ["cafe"] }, "cafeé"), true); // é is a word char: no boundary after "cafe"
  assert.equal(check("forbidden_words", { forbidden_words: ["heute"] }, "Bis heute!"), false);
  assert.equal(check("forbidden_words", { forbidden_words: ["cat"] }, "\u{1d49c}cat"), true); // 𝒜 (astral) is a letter: no boundary
  assert.equal(check("forbidden_words", { forbidden_words: ["cat"] }, "\u{1f600}CAT"), false); // an emoji is not: boundary
  assert.equal(check("forbidden_words", { forbidden_words: ["new york"] }, "I love New York."), false); // regex path (space)
  assert.equal(check("forbidden_words", { forbidden_words: ["new york"] }, "I love New Yorkers."), true);
  // Python builds \ba|b\b: "xb" matches the second branch (b before the end), which \b(?:a|b)\b would not.
  assert.equal(check("forbidden_words", { forbidden_words: ["a|b"] }, "xb"), false);
  assert.equal(check("forbidden_words", { forbidden_words: ["a|b"] }, "xa"), true);
});

test("keywords:letter_frequency: official cases and the pinned literal '#'/'!' counting", () => {
  assert.equal(check("keywords:letter_frequency", { letter: "T", let_frequency: 4, let_relation: "at least" }, "\n  There is the T. Four T's.\n  "), true);
  assert.equal(check("keywords:letter_frequency", { letter: "a", let_frequency: 4, let_relation: "less than" }, "\n  asdfghjkl!!aA\n  "), true); // 3 a's
  assert.equal(check("keywords:letter_frequency", { letter: "p", let_frequency: 4, let_relation: "at least" }, "\n  asdfghjkl!!aA\n  "), false);
  assert.equal(check("letter_frequency", { letter: "#", let_frequency: 4, let_relation: "at least" }, "#one #two #three #four"), true);
  assert.equal(check("letter_frequency", { letter: "#", let_frequency: 4, let_relation: "at least" }, "#one #two #three"), false);
  assert.equal(check("letter_frequency", { letter: "!", let_frequency: 2, let_relation: "less than" }, "Wow! Yes!"), false); // 2 is not < 2
});

test("change_case:capital_word_frequency: official cases", () => {
  const message1 = "\n  HERE there are THREE FUlly CAPITAL words.\n  ";
  const message2 = "\n  THERE are Four FULLY CAPITAL WORDS. Many Others Are Only Partially So.\n  ";
  assert.equal(check("change_case:capital_word_frequency", { capital_frequency: 3, capital_relation: "at least" }, message1), true);
  assert.equal(check("change_case:capital_word_frequency", { capital_frequency: 5, capital_relation: "less than" }, message2), true);
  assert.equal(check("change_case:capital_word_frequency", { capital_frequency: 4, capital_relation: "less than" }, message2), false);
});

test("change_case:english_capital / english_lowercase: official cases", () => {
  assert.equal(check("change_case:english_capital", {}, "\n  THIS IS AN ENGLISH SENTENCE. EVERY LETTER IS CAPITALIZED!!! AMAZING.\n  "), true);
  assert.equal(check("change_case:english_capital", {}, "\n  Every Word Is Capitalized.\n  "), false);
  assert.equal(check("change_case:english_lowercase", {}, "\n  every letter is lowercase.\n  "), true);
  assert.equal(check("change_case:english_lowercase", {}, "\n  Almost every letter is lowercase.\n  "), false);
  assert.equal(check("lowercase", {}, "1234 !!"), false); // no cased character: islower() is False
});

test("language:response_language: official cases", () => {
  assert.equal(check("language:response_language", { language: "en" }, "The response is English"), true);
  assert.equal(check("language:response_language", { language: "es" }, "Desayunamos en McDonald's hoy"), true);
  assert.equal(check("language:response_language", { language: "en" }, "Today we visit the Louvre"), true);
  assert.equal(check("language", { language: "de" }, "This answer is written entirely in the English language."), false);
  assert.equal(check("language", { language: "de" }, "12345 !!!"), true); // langdetect raises (no features): counted as followed
});

test("punctuation:no_comma: official cases", () => {
  assert.equal(check("punctuation:no_comma", {}, "\n  Every sentence is short. There is no need for a comma.\n  "), true);
  assert.equal(check("punctuation:no_comma", {}, "\n  Since the start of time, people have always found a way to punctuate.\n  "), false);
  assert.equal(check("no_comma", {}, "全角の読点、は許される"), true); // only ASCII ',' counts
});
