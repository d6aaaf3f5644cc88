// IF-RLVR (open-instruct IFEvalG) count:* and letters:* — lowercase words, letters,
// paragraph/sentence/word composition, unique words, two keywords once and twice.

import { z } from "zod";
import { compareCount, countMatches, countSchema, defineHardType, relationSchema } from "../hard-type.js";
import { compared, plural, quote } from "../wording.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pyStrip } from "../python/py-text.js";
import { countWordTokensUpTo, forEachWordToken } from "../text/words.js";
import { firstSentences } from "../ifbench/sentences.js";
import { letterFrequency } from "../types/keywords.js";
import { countKeyword } from "./keywords.js";

const LOWERCASE_WORD = compilePyRegex(String.raw`\b[a-z]+\b`)!;

export const lowercaseCounting = defineHardType({
  id: "count:lowercase_counting",
  aliases: ["max_lowercase_words"],
  summary: "At most N words made only of a-z (Python `\\b[a-z]+\\b`: 'café' and 'don't' parts count by Unicode word boundaries).",
  condition: (a) => `the response has at most ${plural(a.N, "lowercase word")}`,
  schema: z.strictObject({ N: countSchema("Most lowercase words allowed.") }),
  // countMatches, not match: the array of every word of a long response stayed live to the end.
  check: (response, args) => countMatches(response, LOWERCASE_WORD) <= args.N,
  render: (args) => `In your response, all lowercase words should appear at most ${args.N} times.`,
  example: { args: { N: 2 }, pass: "Hello World, it is.", fail: "hello world, it is." },
});

/** `len(re.findall(r"[a-zA-Z]", s))`, without the array of every letter. */
function countAsciiLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}

export const letterCounting = defineHardType({
  id: "letters:letter_counting",
  aliases: ["letter_count"],
  summary: "Counts ASCII letters a-z and A-Z against a threshold.",
  condition: (a) => `the response has ${compared(a.relation, a.N, "letter")}`,
  schema: z.strictObject({ N: countSchema("Letter-count threshold."), relation: relationSchema("the number of letters") }),
  relations: { threshold: { relation: "relation", count: "N" } },
  check: (response, args) => compareCount(countAsciiLetters(response), args.relation, args.N),
  render: (args) => `Answer with ${args.relation} ${args.N} letters.`,
  example: { args: { N: 5, relation: "less than" }, pass: "Hi 42", fail: "Hello there" },
});

export const letterCounting2 = defineHardType({
  id: "letters:letter_counting2",
  aliases: ["letter_frequency2"],
  summary: "One letter's count in the lower-cased response against a threshold (IFEval's letter_frequency checker, ASCII letters only).",
  condition: (a) => letterFrequency.condition(a),
  // Upstream replaces a non-ASCII-letter argument by a random letter; we refuse it instead.
  schema: z.strictObject({
    letter: z.string().regex(/^[A-Za-z]$/, "one ASCII letter").describe("The letter to count (case-insensitive)."),
    let_frequency: countSchema("Occurrence threshold."),
    let_relation: relationSchema("the number of occurrences"),
  }),
  relations: { threshold: { relation: "let_relation", count: "let_frequency", subject: "letter" } },
  check: (response, args) => letterFrequency.check(response, args),
  render: (args) => letterFrequency.render(args),
  example: { args: { letter: "z", let_frequency: 2, let_relation: "at least" }, pass: "Zebras zigzag.", fail: "Horses run." },
});

const STAR_DIVIDER = compilePyRegex(String.raw`\s?\*\*\*\s?`)!;

export const countingComposition = defineHardType({
  id: "count:counting_composition",
  aliases: ["paragraph_sentence_word_counts"],
  summary: "3 paragraphs split by ***, each of exactly n_sent sentences of exactly n_words nltk tokens (punctuation tokens count).",
  condition: (a) => `the response has 3 paragraphs of ${plural(a.n_sent, "sentence")} of ${plural(a.n_words, "word")} each`,
  schema: z.strictObject({ n_sent: countSchema("Sentences per paragraph."), n_words: countSchema("Tokens per sentence.") }),
  check: (response, args) => {
    const paragraphs = response.split(STAR_DIVIDER);
    let count = paragraphs.length;
    for (let i = 0; i < paragraphs.length; i++) {
      if (pyStrip(paragraphs[i]) === "") {
        if (i !== 0 && i !== paragraphs.length - 1) return false;
        count--;
      }
      // Upstream counts sentences even of a blank end piece, which then has none.
      const sentences = firstSentences(paragraphs[i], args.n_sent + 1);
      if (sentences.length !== args.n_sent) return false;
      if (sentences.some((s) => countWordTokensUpTo(s, args.n_words) !== args.n_words)) return false;
    }
    return count === 3;
  },
  render: (args) =>
    `Write 3 paragraphs, delimited by the markdown divider: * * *, with exactly ${args.n_sent} sentences each, with exactly ${args.n_words} words in each sentence.`,
  example: {
    args: { n_sent: 1, n_words: 3 },
    pass: "I ran .\n***\nWe sat .\n***\nThey ate .",
    fail: "I ran .\n***\nWe sat .",
  },
});

export const countUnique = defineHardType({
  id: "count:count_unique",
  aliases: ["no_repeated_words"],
  summary: "No nltk.word_tokenize token occurs twice (case-sensitive; punctuation tokens count).",
  condition: () => "no word of the response is repeated",
  schema: z.strictObject({}),
  check: (response) => {
    // Stops at the first repeat (no array of every token).
    const seen = new Set<string>();
    let unique = true;
    forEachWordToken(response, (word) => {
      if (seen.has(word)) unique = false;
      seen.add(word);
      return unique;
    });
    return unique;
  },
  render: () => "Only use unique words in your response, no word should be repeated!",
  example: { args: {}, pass: "Every token differs here", fail: "The cat saw the dog and the bird" },
});

const keyword = (what: string) =>
  z.string().refine((s) => pyStrip(s) !== "" && compilePyRegex(pyStrip(s), { ignoreCase: true }) !== undefined, "a non-blank Python regular expression").describe(what);

export const countIncrementWord = defineHardType({
  id: "count:count_increment_word",
  aliases: ["keywords_once_twice"],
  summary: "keyword1 matches exactly once and keyword2 exactly twice (Python regexes, case-insensitive).",
  condition: (a) => `${quote(pyStrip(a.keyword1))} appears once and ${quote(pyStrip(a.keyword2))} twice in the response`,
  schema: z.strictObject({ keyword1: keyword("Keyword that must match exactly once."), keyword2: keyword("Keyword that must match exactly twice.") }),
  check: (response, args) => countKeyword(response, pyStrip(args.keyword1)) === 1 && countKeyword(response, pyStrip(args.keyword2)) === 2,
  render: (args) => `Include keyword ${pyStrip(args.keyword1)} once in your response, keyword ${pyStrip(args.keyword2)} twice in your response.`,
  example: { args: { keyword1: "sun", keyword2: "rain" }, pass: "Sun, rain, more rain.", fail: "Sun and rain." },
});
