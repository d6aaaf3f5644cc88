// Golden verdicts for the 29 IF-RLVR types (open-instruct IFEvalG). There is no official
// verdict file, so each expected value was derived by hand by tracing the official
// check_following on the input; the `why` column says how.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check-helper.js";
import { typesOfFamily } from "../../../server/src/ifeval/registry.js";

type Case = [id: string, args: Record<string, unknown>, response: string, expected: boolean, why: string];

const CASES: Case[] = [
  ["copy:repeat_phrase", { phrase: "Time flies when having fun", small_n: 2 }, "Time runs when having fun and Time flies when having fun", false,
    "findall('Time .*? fun') finds 1 match (lazy, spans to the first 'fun' then continues): 1 != 2"],
  ["copy:repeat_phrase", { phrase: "Time flies when having fun", small_n: 2 }, "Time runs when having fun. Time goes when having fun.", true,
    "2 matches; each differs from the phrase in one word; the last has differences == 1"],
  ["copy:repeat_phrase", { phrase: "Time flies when having fun", small_n: 1 }, "Time flies when having fun", false,
    "1 match identical to the phrase: differences == 0, so the function returns None (falsy)"],
  ["copy:repeat_phrase", { phrase: "a b c", small_n: 1 }, "a x y c", false, "the match 'a x y c' has two differing words: early False"],
  ["copy:copy", { prompt_to_repeat: "Write a haiku." }, "  write a HAIKU.\n", true, "strip().lower() of both sides are equal"],
  ["copy:copy", { prompt_to_repeat: "Write a haiku." }, "Write a haiku. Done.", false, "extra text after the copy"],
  ["new:copy_span_idx", { prompt_to_repeat: "Hello brave new world", n_start: 6, n_end: 15 }, "BRAVE NEW", true,
    "prompt[6:15] = 'brave new', lower-cased equal"],
  ["new:copy_span_idx", { prompt_to_repeat: "héllo world", n_start: 1, n_end: 5 }, "éllo", true, "Python slices code points: [1:5] of 'héllo' is 'éllo'"],
  ["detectable_format:sentence_hyphens", {}, "One.-Two.-Three.", true, "pieces equal the regex sentences of 'One. Two. Three.'"],
  ["detectable_format:sentence_hyphens", {}, "One. -Two.", false, "the first piece 'One. ' is not equal to its strip()"],
  ["detectable_format:sentence_hyphens", {}, "well-known fact.", false, "pieces ['well', 'known fact.'] but the sentence of 'well known fact.' is the whole text"],
  ["keywords:no_adjacent_consecutive", {}, "Apples cost dollars", false, "'cost' then 'dollars': ord('d') - ord('c') == 1"],
  ["keywords:no_adjacent_consecutive", {}, "Apples eat grapes", true, "a→e is 4, e→g is 2: no difference of exactly 1"],
  ["keywords:no_adjacent_consecutive", {}, "Zebra apple", true, "z→a is -25, not 1 (no wrap-around)"],
  ["keywords:no_adjacent_consecutive", {}, "İstanbul jams", false, "'İ'.lower() is two code points: len != 1 returns False"],
  ["detectable_format:square_brackets", {}, "[Hello] [world!]", true, "every split() word starts with [ and ends with ]"],
  ["detectable_format:square_brackets", {}, "[Hello world]", false, "split() gives '[Hello' and 'world]'"],
  ["keywords:word_once", { keyword: "cat" }, "The cat saw a catalogue.", false, "re.findall('cat', IGNORECASE) finds 2 (inside 'catalogue')"],
  ["keywords:word_once", { keyword: " Cat " }, "A CAT.", true, "the keyword is stripped; one case-insensitive match"],
  ["keywords:word_count_different_numbers", { keyword: "ha", frequency: 3, relation: "less than" }, "haha ha", false, "3 matches, 3 < 3 is false"],
  ["keywords:word_count_different_numbers", { keyword: "ha", frequency: 3, relation: "at least" }, "haha ha", true, "3 >= 3"],
  ["keywords:exclude_word_harder", { keyword: "very" }, "Very good, very.", true, "' very ' (spaces both sides, case-sensitive) is not a substring"],
  ["keywords:exclude_word_harder", { keyword: "very" }, "It is very good.", false, "' very ' is a substring"],
  ["paragraphs:paragraphs", {}, "A\n***\nB\n***\n", true, "split on \\s?***\\s? gives ['A', 'B', ''], the empty last piece is dropped: 2"],
  ["paragraphs:paragraphs", {}, "A\n***\n***\nB", false, "a blank piece in the middle returns False"],
  ["paragraphs:paragraphs2", {}, "A\n\nB", true, "split on \\n\\n: 2 non-blank pieces"],
  ["paragraphs:paragraphs2", {}, "A\n\n\n\nB", false, "pieces ['A', '', 'B']: blank middle piece"],
  ["first_word:first_word_sent", { first_word: "Yes" }, "yes I can. YES we will!", true, "each regex sentence's first split() word lower-cases to 'yes'"],
  ["first_word:first_word_sent", { first_word: "Yes" }, "Yes, I can.", false, "the first word is 'Yes,' (punctuation kept)"],
  ["first_word:first_word_answer", { first_word: "well" }, "Well I never", true, "value.split()[0].lower() == 'well'"],
  ["first_word:first_word_answer", { first_word: "well" }, "Well... I never", false, "first word 'Well...'"],
  ["last_word:last_word_sent", { last_word: "home" }, "Go home! Stay home.", true, "last words 'home!' and 'home.' lose [^\\w\\s]"],
  ["last_word:last_word_sent", { last_word: ["home", "away"] }, "Go home.", true, "a list uses its first element"],
  ["last_word:last_word_sent", { last_word: "home" }, "Go home. Stay.", false, "second sentence ends with 'Stay'"],
  ["last_word:last_word_answer", { last_word: "end" }, "This is the END!!", true, "'END!!' minus punctuation, lower-cased"],
  ["last_word:last_word_answer", { last_word: "end" }, "The end is near", false, "last word 'near'"],
  ["detectable_format:bigram_wrapping", {}, "<<I am>> <<at home>> alone", true, "pairs (0,1) and (2,3) wrapped; the odd last word is never checked"],
  ["detectable_format:bigram_wrapping", {}, "<<I am at>> <<home>>", false, "pair ('<<I', 'am') fails: 'am' does not end with >>"],
  ["copy:copying_simple", { prompt_to_repeat: "Tell me a joke." }, "Tell me a joke.", true, "stripped, lower-cased equal"],
  ["copy:copying_multiple", { prompt_to_repeat: "Hi.", N: 3 }, "Hi.\n******\nhi.\n******\n HI. ", true, "3 pieces, each strip().lower() == 'hi.'"],
  ["copy:copying_multiple", { prompt_to_repeat: "Hi.", N: 2 }, "Hi.\n******\nHi.\n******\n", false, "a trailing separator makes 3 pieces"],
  ["punctuation:punctuation_dot", {}, "3,14 is not pi", true, "no '.'"],
  ["punctuation:punctuation_dot", {}, "Version 1.0", false, "'.' present"],
  ["punctuation:punctuation_exclamation", {}, "Really?", true, "no '!'"],
  ["count:lowercase_counting", { N: 2 }, "The cat sat", true, "\\b[a-z]+\\b: 'cat', 'sat' (The has a capital): 2 <= 2"],
  ["count:lowercase_counting", { N: 2 }, "café au lait", true, "'café' has no match ('é' is a word character, so no \\b after 'caf'): only 'au', 'lait', 2 <= 2"],
  ["count:lowercase_counting", { N: 1 }, "café au lait", false, "the same two matches: 2 > 1"],
  ["letters:letter_counting", { N: 5, relation: "at least" }, "ab-cd 12 e", true, "[a-zA-Z] finds a,b,c,d,e: 5 >= 5"],
  ["letters:letter_counting", { N: 5, relation: "less than" }, "éèê abc", true, "only ASCII letters count: 3 < 5"],
  ["letters:letter_counting2", { letter: "A", let_frequency: 3, let_relation: "at least" }, "Banana", true, "lower-cased 'banana' has 3 a's"],
  ["count:counting_composition", { n_sent: 1, n_words: 2 }, "Hi there\n***\nGo now\n***\nSee you", true,
    "3 pieces, each one regex sentence of 2 word_tokenize tokens"],
  ["count:counting_composition", { n_sent: 1, n_words: 2 }, "Hi there\n***\nGo now\n***\nSee you\n***\n", false,
    "the blank last piece is discounted but its 0 sentences != 1 returns False"],
  ["count:counting_composition", { n_sent: 1, n_words: 2 }, "Hi there.\n***\nGo now\n***\nSee you", false, "'Hi there.' tokenizes to 3 tokens (the period)"],
  ["count:count_unique", {}, "One two three.", true, "tokens One, two, three, . are distinct"],
  ["count:count_unique", {}, "One. Two.", false, "'.' occurs twice as a token"],
  ["count:count_increment_word", { keyword1: "sun", keyword2: "rain" }, "Sun and rain, then rain.", true, "findall: sun 1, rain 2"],
  ["count:count_increment_word", { keyword1: "sun", keyword2: "rain" }, "Sunny rain rainbow", true, "substring regexes: 'Sun'ny once, 'rain' twice"],
  ["keywords:palindrome", {}, "I saw level ground", true, "'I' and 'level' read the same backwards"],
  ["keywords:palindrome", {}, "Bob, hi", false, "'Bob,' reversed is ',boB' (case and punctuation kept)"],
  ["keywords:keyword_specific_position", { keyword: "blue", n: 2, m: 1 }, "Look up. blue sky.", true,
    "regex sentences ['Look up.', 'blue sky.']; tokens of the 2nd: blue, sky, ."],
  ["keywords:keyword_specific_position", { keyword: ["blue"], n: 1, m: 3 }, "The sky blue.", true, "a list keyword uses its first element; token 3 is 'blue'"],
  ["keywords:start_end", {}, "Hello world hello", true, "tokens Hello … hello, compared lower-cased"],
  ["keywords:start_end", {}, "Hello world hello.", false, "the last token is '.'"],
];

test("every IF-RLVR type has golden cases", () => {
  const covered = new Set(CASES.map((c) => c[0]));
  assert.deepEqual(typesOfFamily("IF-RLVR").map((t) => t.id).filter((id) => !covered.has(id)), []);
  assert.equal(typesOfFamily("IF-RLVR").length, 29);
});

for (const [id, args, response, expected, why] of CASES) {
  test(`${id} ${JSON.stringify(response).slice(0, 40)} → ${expected} (${why})`, () => {
    assert.equal(check(id, args, response), expected);
  });
}
