// IFBench count:* — word ranges, unique words, conjunctions, names, numbers,
// punctuation, Japanese words, pronouns, multiple keywords (allenai/IFBench c94da02).

import { z } from "zod";
import { countMatches, countSchema, defineHardType } from "../hard-type.js";
import { plural, quote } from "../wording.js";
import { wordCount } from "../text-cache.js";
import { pyStrip, pyStripChars, pyWhitespaceWords } from "../python/py-text.js";
import { lower, piecesAtWhitespace, PUNCTUATION_AND_SPACE, pyCount, pyIsDigit, removePunctuation, transformedWords } from "./text.js";
import { replaceLiteral } from "../../util/replace-all.js";

export const wordCountRange = defineHardType({
  id: "count:word_count_range",
  aliases: ["word_count_range", "words_between"],
  summary: "Between min_words and max_words words (inclusive), counting `\\w+` runs as IFEval does.",
  condition: (a) => `the response has between ${a.min_words} and ${a.max_words} words`,
  schema: z
    .strictObject({
      min_words: countSchema("Fewest words allowed.", 0),
      max_words: countSchema("Most words allowed.", 0),
    })
    .refine((a) => a.min_words <= a.max_words, { message: "min_words must be at most max_words", path: ["max_words"] }),
  // Both count `\w+` runs, like IFEval's number_words, so disjoint ranges and thresholds clash.
  relations: {
    conflictsWithSelf: (a, b) =>
      Math.max(a.min_words, b.min_words) > Math.min(a.max_words, b.max_words)
        ? `${a.min_words}-${a.max_words} and ${b.min_words}-${b.max_words} words do not overlap` : undefined,
    excludes: [{
      id: "length_constraints:number_words",
      why: "the word range and the word-count threshold cannot both hold",
      when: (self, other) => (other.relation === "less than" ? self.min_words >= Number(other.num_words) : self.max_words < Number(other.num_words)),
    }],
  },
  check: (response, args) => {
    const n = wordCount(response);
    return args.min_words <= n && n <= args.max_words;
  },
  render: (args) => `The response must contain between ${args.min_words} and ${args.max_words} words.`,
  example: { args: { min_words: 3, max_words: 5 }, pass: "Three short words here.", fail: "Too short." },
});

export const uniqueWordCount = defineHardType({
  id: "count:unique_word_count",
  aliases: ["unique_words", "unique_word_count"],
  summary: "At least N distinct lower-cased whitespace words, punctuation stripped from their ends.",
  condition: (a) => `the response uses at least ${plural(a.N, "unique word")}`,
  schema: z.strictObject({ N: countSchema("Fewest distinct words.", 0) }),
  check: (response, args) => {
    const unique = new Set<string>();
    for (const w of transformedWords(response, lower)) unique.add(pyStripChars(w, PUNCTUATION_AND_SPACE));
    return unique.size >= args.N;
  },
  render: (args) => `Use at least ${args.N} unique words in the response.`,
  example: { args: { N: 3 }, pass: "Red, green, blue.", fail: "Red red red." },
});

const CONJUNCTIONS = new Set(["and", "but", "for", "nor", "or", "so", "yet"]);

export const conjunctionCount = defineHardType({
  id: "count:conjunctions",
  aliases: ["conjunctions"],
  summary: "At least small_n different coordinating conjunctions (the distinct words as written, e.g. 'and' and 'and,' count twice).",
  condition: (a) => `the response uses at least ${plural(a.small_n, "different coordinating conjunction")}`,
  schema: z.strictObject({ small_n: countSchema("Fewest different conjunctions (and, but, for, nor, or, so, yet).", 0) }),
  check: (response, args) => {
    const used = new Set<string>();
    for (const w of pyWhitespaceWords(response)) if (CONJUNCTIONS.has(pyStripChars(w, PUNCTUATION_AND_SPACE).toLowerCase())) used.add(w);
    return used.size >= args.small_n;
  },
  render: (args) => `Use at least ${args.small_n} different coordinating conjunctions in the response.`,
  example: { args: { small_n: 2 }, pass: "Tea and cake, but no coffee.", fail: "Tea and cake and more cake." },
});

export const PERSON_NAMES = [
  "Emma", "Liam", "Sophia", "Jackson", "Olivia", "Noah", "Ava", "Lucas", "Isabella", "Mason", "Mia", "Ethan", "Charlotte",
  "Alexander", "Amelia", "Benjamin", "Harper", "Leo", "Zoe", "Daniel", "Chloe", "Samuel", "Lily", "Matthew", "Grace",
  "Owen", "Abigail", "Gabriel", "Ella", "Jacob", "Scarlett", "Nathan", "Victoria", "Elijah", "Layla", "Nicholas",
  "Audrey", "David", "Hannah", "Christopher", "Penelope", "Thomas", "Nora", "Andrew", "Aria", "Joseph", "Claire",
  "Ryan", "Stella", "Jonathan",
] as const;

export const personNameCount = defineHardType({
  id: "count:person_names",
  aliases: ["person_names"],
  summary: "At least N of IFBench's 50 listed first names occur (case-sensitive substrings: 'Leo' counts inside 'Leonard').",
  condition: (a) => `the response mentions at least ${plural(a.N, "different listed person name")}`,
  schema: z.strictObject({ N: countSchema("Fewest different names from the list.", 0) }),
  check: (response, args) => PERSON_NAMES.filter((name) => response.includes(name)).length >= args.N,
  render: (args) => `Mention at least ${args.N} different person names in the response, from this list of person names: ${PERSON_NAMES.join(", ")} .`,
  example: { args: { N: 2 }, pass: "Emma met Liam.", fail: "Emma met a friend." },
});

const DIGIT_RUN = /\p{Nd}+/gu;

export const numbersCount = defineHardType({
  id: "count:numbers",
  aliases: ["numbers_count", "count_numbers"],
  summary: "Exactly N numbers: runs of digits after ASCII punctuation is deleted (so 3.14 and 1,000 are one number each).",
  condition: (a) => `the response includes exactly ${plural(a.N, "number")}`,
  schema: z.strictObject({ N: countSchema("Exact count of numbers.", 0) }),
  relations: { exactCount: { arg: "N", noun: "numbers" } },
  // A run of digits never crosses whitespace, which deleting punctuation leaves: counted in
  // pieces cut at whitespace, not in a copy of the whole response.
  check: (response, args) => {
    let count = 0;
    for (const piece of piecesAtWhitespace(response)) count += countMatches(removePunctuation(piece), DIGIT_RUN);
    return count === args.N;
  },
  render: (args) => `Include exactly ${args.N} numbers in the response.`,
  example: { args: { N: 2 }, pass: "We need 3 eggs and 250 grams of flour.", fail: "We need 3 eggs." },
});

const MARKS = [".", ",", "!", "?", ";", ":"];

export const punctuationCover = defineHardType({
  id: "count:punctuation",
  aliases: ["all_punctuation", "punctuation_cover"],
  summary: "Uses . , ! ? ; : and an interrobang (?!, !? or ‽); the interrobang's own marks do not count for the others.",
  condition: () => "the response uses every standard punctuation mark, including an interrobang (?!)",
  schema: z.strictObject({}),
  check: (response) => {
    if (!(response.includes("!?") || response.includes("?!") || response.includes("‽"))) return false;
    let rest = response.replace("?!", "");
    if (rest.length === response.length) rest = response.replace("!?", "");
    return MARKS.every((m) => rest.includes(m));
  },
  render: () => "Use every standard punctuation mark at least once, including semicolons, colons, and the interrobang (?!).",
  example: { args: {}, pass: "Wait: really?! Why? Yes; it is. Fine, go!", fail: "Wait: really? Yes; it is. Fine, go!" },
});

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

export const nthWordJapanese = defineHardType({
  id: "count:words_japanese",
  aliases: ["nth_word_japanese", "words_japanese"],
  summary: "Every N-th whitespace word (punctuation stripped; numbers and empty words exempt) contains Hiragana, Katakana or Kanji.",
  condition: (a) => `every word number ${a.N} of the response is in Japanese`,
  schema: z.strictObject({ N: countSchema("The cycle: every N-th word must be Japanese.") }),
  check: (response, args) => {
    let i = 0;
    for (const raw of pyWhitespaceWords(response)) {
      if (++i % args.N !== 0) continue;
      const word = pyStripChars(raw, PUNCTUATION_AND_SPACE);
      if (!(word === "" || pyIsDigit(word) || JAPANESE.test(word))) return false;
    }
    return true;
  },
  render: (args) => `Every ${args.N}th word of your response must be in Japanese.`,
  example: { args: { N: 2 }, pass: "I 猫 like 犬", fail: "I like cats" },
});

const PRONOUNS = new Set([
  "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
  "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
  "their", "theirs", "themselves",
]);

export const pronounCount = defineHardType({
  id: "count:pronouns",
  aliases: ["pronouns"],
  summary: "At least N personal pronouns ('/' separates words; punctuation deleted, lower-cased).",
  condition: (a) => `the response includes at least ${plural(a.N, "pronoun")}`,
  schema: z.strictObject({ N: countSchema("Fewest pronouns.", 0) }),
  check: (response, args) => {
    // In pieces cut at whitespace: each step goes character by character, and lower-casing's
    // one context rule (final sigma) does not look past whitespace.
    let count = 0;
    for (const piece of piecesAtWhitespace(response)) {
      for (const w of pyWhitespaceWords(removePunctuation(replaceLiteral(piece, "/", " ").toLowerCase()))) if (PRONOUNS.has(w)) count++;
    }
    return count >= args.N;
  },
  render: (args) => `The response should include at least ${args.N} pronouns.`,
  example: { args: { N: 2 }, pass: "She told me.", fail: "The cat slept." },
});

const KEYWORD_TIMES = [1, 2, 3, 5, 7] as const;
const keywordArg = (times: number) =>
  z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe(`A keyword that must occur exactly ${times} time${times === 1 ? "" : "s"} (case-insensitive substring).`);

export const keywordsMultiple = defineHardType({
  id: "count:keywords_multiple",
  aliases: ["keywords_multiple"],
  summary: "keyword1..keyword5 occur exactly 1, 2, 3, 5 and 7 times (case-insensitive substring counts).",
  condition: (a) =>
    `the keywords ${[a.keyword1, a.keyword2, a.keyword3, a.keyword4, a.keyword5].map((k, i) => `${quote(pyStrip(k))} ${KEYWORD_TIMES[i]}×`).join(", ")} appear exactly that often`,
  schema: z.strictObject({
    keyword1: keywordArg(1), keyword2: keywordArg(2), keyword3: keywordArg(3), keyword4: keywordArg(5), keyword5: keywordArg(7),
  }),
  check: (response, args) => {
    const text = response.toLowerCase();
    return [args.keyword1, args.keyword2, args.keyword3, args.keyword4, args.keyword5].every(
      (k, i) => pyCount(text, pyStrip(k).toLowerCase()) === KEYWORD_TIMES[i],
    );
  },
  render: (args) =>
    `Include keyword ${pyStrip(args.keyword1)} once in your response, keyword ${pyStrip(args.keyword2)} twice in your response, ` +
    `keyword ${pyStrip(args.keyword3)} three times in your response, keyword ${pyStrip(args.keyword4)} five times in your response, ` +
    `and keyword ${pyStrip(args.keyword5)} seven times in your response.`,
  example: {
    args: { keyword1: "a1", keyword2: "b2", keyword3: "c3", keyword4: "d4", keyword5: "e5" },
    pass: "a1 b2 b2 c3 c3 c3 d4 d4 d4 d4 d4 e5 e5 e5 e5 e5 e5 e5",
    fail: "a1 b2 c3 d4 e5",
  },
});
