// keywords:* — keyword presence, frequency, forbidden words, letter frequency.
// Keywords are Python regexes in IFEval (re.search / re.findall with IGNORECASE),
// so "c++" is an invalid argument and "rte" matches inside "karte".

import { z } from "zod";
import { compareCount, countMatches, countOccurrences, countSchema, defineHardType, relationSchema } from "../hard-type.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pyStrip } from "../python/py-text.js";

function keywordRegex(keyword: string): RegExp | undefined {
  return compilePyRegex(keyword, { ignoreCase: true });
}

function forbiddenRegex(word: string): RegExp | undefined {
  return compilePyRegex(String.raw`\b` + word + String.raw`\b`, { ignoreCase: true });
}

const PLAIN_WORD = /^[\p{L}\p{N}_]+$/u;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index)!));
}

function codePointStartBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
}

/**
 * Python `re.search(r"\b" + word + r"\b", text, re.IGNORECASE)`. For a word made
 * only of word characters the boundaries reduce to "no word character on either
 * side", which we test around each case-insensitive occurrence; compiling the
 * boundary lookarounds into every regex costs V8 far more than the search.
 */
function containsForbidden(text: string, word: string): boolean {
  // A word that does not compile counts as present (not followed): the official code would crash.
  if (!PLAIN_WORD.test(word)) { const regex = forbiddenRegex(word); return regex === undefined || searches(regex, text); }
  const regex = keywordRegex(word)!;
  for (const match of text.matchAll(regex)) {
    const end = match.index + match[0].length;
    if (!isWordCharAt(text, codePointStartBefore(text, match.index)) && !isWordCharAt(text, end)) return true;
  }
  return false;
}

function searches(regex: RegExp | undefined, text: string): boolean {
  if (regex === undefined) return false;
  regex.lastIndex = 0;
  return regex.test(text);
}

const keywordSchema = (description: string, compile: (s: string) => RegExp | undefined) =>
  z.string().min(1).refine((s) => compile(s) !== undefined, "not a supported Python regular expression").describe(description);

export const existence = defineHardType({
  id: "keywords:existence",
  aliases: ["contains", "include_keywords", "keywords"],
  summary: "Every keyword occurs somewhere (case-insensitive, no word boundaries; keywords are regexes).",
  schema: z.strictObject({
    keywords: z.array(keywordSchema("A keyword (Python regex).", keywordRegex)).min(1).describe("Keywords that must all appear."),
  }),
  // A keyword that does not compile never matches: the official code would crash.
  check: (response, args) => args.keywords.every((k) => searches(keywordRegex(k), response)),
  render: (args) => `Include the keywords ${args.keywords.map((k) => `"${k}"`).join(", ")} in the response.`,
  example: { args: { keywords: ["river", "bridge"] }, pass: "The bridge crosses the river.", fail: "The bridge is long." },
});

export const frequency = defineHardType({
  id: "keywords:frequency",
  aliases: ["keyword_frequency"],
  summary: "Counts occurrences of a keyword (case-insensitive substring regex) against a threshold.",
  schema: z.strictObject({
    keyword: keywordSchema("The keyword to count (Python regex; surrounding spaces are ignored).", (s) => keywordRegex(pyStrip(s)))
      .refine((s) => pyStrip(s) !== "", "must not be blank"),
    frequency: countSchema("Occurrence threshold."),
    relation: relationSchema("the number of occurrences"),
  }),
  check: (response, args) => {
    const regex = keywordRegex(pyStrip(args.keyword));
    return regex !== undefined && compareCount(countMatches(response, regex), args.relation, args.frequency);
  },
  render: (args) => `In your response, the word "${pyStrip(args.keyword)}" should appear ${args.relation} ${args.frequency} times.`,
  example: { args: { keyword: "tea", frequency: 2, relation: "at least" }, pass: "Tea first, then more tea.", fail: "Tea first, then coffee." },
});

export const forbiddenWords = defineHardType({
  id: "keywords:forbidden_words",
  aliases: ["forbidden_words", "exclude_keywords"],
  summary: "None of the words occurs as a whole word (\\bword\\b, case-insensitive).",
  schema: z.strictObject({
    forbidden_words: z.array(keywordSchema("A forbidden word (Python regex between \\b ... \\b).", (w) => (PLAIN_WORD.test(w) ? keywordRegex(w) : forbiddenRegex(w)))).min(1).describe("Words that must not appear."),
  }),
  check: (response, args) => args.forbidden_words.every((w) => !containsForbidden(response, w)),
  render: (args) => `Do not include the words ${args.forbidden_words.map((w) => `"${w}"`).join(", ")} in the response.`,
  example: { args: { forbidden_words: ["cheap"] }, pass: "Cheapest is not a whole-word match.", fail: "It is cheap." },
});

/**
 * The letter is counted literally in value.lower(), whatever character it is:
 * "#" and "!" (IFEval keys 1122 and 1129) count "#" and "!". The 2024-25
 * official code replaced a non a-z letter by a random one; an earlier version
 * and the newest one count the literal character, which we pin.
 */
export const letterFrequency = defineHardType({
  id: "keywords:letter_frequency",
  aliases: ["letter_frequency"],
  summary: "Counts one character in the lower-cased response against a threshold.",
  schema: z.strictObject({
    letter: z.string().regex(/^\S$/u, "a single non-whitespace character").describe("The character to count (case-insensitive for letters)."),
    let_frequency: countSchema("Occurrence threshold."),
    let_relation: relationSchema("the number of occurrences"),
  }),
  check: (response, args) => {
    const letter = args.letter.toLowerCase();
    const count = [...letter].length === 1 ? countOccurrences(response.toLowerCase(), letter) : 0;
    return compareCount(count, args.let_relation, args.let_frequency);
  },
  render: (args) => `In your response, the letter ${args.letter.toLowerCase()} should appear ${args.let_relation} ${args.let_frequency} times.`,
  example: { args: { letter: "z", let_frequency: 2, let_relation: "at least" }, pass: "Zebras zigzag.", fail: "Horses run." },
});
