// IF-RLVR (open-instruct IFEvalG) keywords:* — consecutive initials, a keyword once or
// N times, an excluded word, a palindrome, a keyword at a position, same first and last word.

import { z } from "zod";
import { compareCount, countMatches, countSchema, defineHardType, relationSchema } from "../hard-type.js";
import { compared, quote } from "../wording.js";
import { compilePyRegex } from "../python/py-regex.js";
import { isPyWhitespaceCode, pySkipWhitespace, pyStrip, pyWordEnd } from "../python/py-text.js";
import { forEachWordToken } from "../text/words.js";
import { keywordAtPosition } from "../ifbench/words.js";

/** `len(re.findall(keyword, value, flags=re.IGNORECASE))`; the keyword is a Python regex. */
export function countKeyword(text: string, keyword: string): number | undefined {
  const regex = compilePyRegex(keyword, { ignoreCase: true });
  return regex === undefined ? undefined : countMatches(text, regex);
}

const keywordSchema = (description: string) =>
  z.string().refine((s) => pyStrip(s) !== "" && compilePyRegex(pyStrip(s), { ignoreCase: true }) !== undefined, "a non-blank Python regular expression").describe(description);

/**
 * The code point of `initial.lower()` (a word's first character) when that is one character,
 * else undefined; without the arrays of every code point of the word.
 */
function lowerInitial(initial: string): number | undefined {
  const lower = initial.toLowerCase();
  const cp = lower.codePointAt(0) as number;
  return lower.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

export const noAdjacentConsecutive = defineHardType({
  id: "keywords:no_adjacent_consecutive",
  aliases: ["no_consecutive_initials"],
  summary: "No two adjacent words start with consecutive letters (b after a, …); an initial that lower-cases to two characters fails.",
  condition: () => "no two adjacent words of the response start with consecutive letters of the alphabet",
  schema: z.strictObject({}),
  check: (response) => {
    let previous: number | undefined;
    let first = true;
    // Only each whitespace word's first character matters: walk the word starts, no word strings.
    for (let i = 0; i < response.length; ) {
      while (i < response.length && isPyWhitespaceCode(response.charCodeAt(i))) i++;
      if (i === response.length) break;
      const current = lowerInitial(String.fromCodePoint(response.codePointAt(i) as number));
      while (i < response.length && !isPyWhitespaceCode(response.charCodeAt(i))) i++;
      // Upstream compares each pair, and fails when either initial lower-cases to two characters.
      if (!first && (previous === undefined || current === undefined || current - previous === 1)) return false;
      previous = current;
      first = false;
    }
    return true;
  },
  render: () => "No two adjacent words can start with consecutive letters of the alphabet.",
  example: { args: {}, pass: "Dogs chase cats", fail: "A big dog" },
});

export const wordOnce = defineHardType({
  id: "keywords:word_once",
  aliases: ["keyword_once"],
  summary: "The keyword (a Python regex, case-insensitive) matches exactly once.",
  condition: (a) => `the response contains ${quote(pyStrip(a.keyword))} exactly once`,
  schema: z.strictObject({ keyword: keywordSchema("The keyword (Python regex, surrounding spaces ignored).") }),
  check: (response, args) => countKeyword(response, pyStrip(args.keyword)) === 1,
  render: (args) => `Include keyword ${pyStrip(args.keyword)} in your response.`,
  example: { args: { keyword: "moon" }, pass: "The moon rose.", fail: "The moon and the moon." },
});

export const wordCountDifferentNumbers = defineHardType({
  id: "keywords:word_count_different_numbers",
  aliases: ["keyword_count"],
  summary: "Counts regex matches of the keyword (case-insensitive) against a threshold, as keywords:frequency does.",
  condition: (a) => `the word ${quote(pyStrip(a.keyword))} appears ${compared(a.relation, a.frequency, "time")} in the response`,
  schema: z.strictObject({
    keyword: keywordSchema("The keyword (Python regex, surrounding spaces ignored)."),
    frequency: countSchema("Occurrence threshold.", 0),
    relation: relationSchema("the number of occurrences"),
  }),
  relations: { threshold: { relation: "relation", count: "frequency", subject: "keyword" } },
  check: (response, args) => {
    const n = countKeyword(response, pyStrip(args.keyword));
    return n !== undefined && compareCount(n, args.relation, args.frequency);
  },
  render: (args) => `In your response, the word ${pyStrip(args.keyword)} should appear ${args.frequency} times.`,
  example: { args: { keyword: "tea", frequency: 2, relation: "at least" }, pass: "Tea, then more tea.", fail: "Tea, then coffee." },
});

export const excludeWordHarder = defineHardType({
  id: "keywords:exclude_word_harder",
  aliases: ["exclude_word"],
  summary: "The keyword never occurs with a space on both sides (case-sensitive; at the start or end, or before punctuation, it is not seen).",
  condition: (a) => `the response does not contain the word ${quote(pyStrip(a.keyword))}`,
  schema: z.strictObject({
    keyword: z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe("The word to leave out."),
    instruction: z.string().optional().describe("Upstream draws the keyword from this text when no keyword is given; unused here."),
  }),
  relations: { forbiddenWords: (a) => [pyStrip(a.keyword).toLowerCase()] },
  check: (response, args) => !response.includes(` ${pyStrip(args.keyword)} `),
  render: (args) => `Do not include keyword ${pyStrip(args.keyword)} in the response.`,
  example: { args: { keyword: "very" }, pass: "It is quite good.", fail: "It is very good." },
});

export const palindromeBasic = defineHardType({
  id: "keywords:palindrome",
  aliases: ["include_palindrome"],
  summary: "Some whitespace word reads the same backwards (as written: case and punctuation count; 'a' qualifies).",
  condition: () => "the response includes a palindrome",
  schema: z.strictObject({}),
  check: (response) => {
    // Each whitespace word read from both ends by code point (arrays of a 16 MB word's code points took 300 MB).
    for (let i = pySkipWhitespace(response); i < response.length; i = pySkipWhitespace(response, i)) {
      const end = pyWordEnd(response, i);
      if (isPalindrome(response, i, end)) return true;
      i = end;
    }
    return false;
  },
  render: () => "Include a palindrome in your response.",
  example: { args: {}, pass: "We saw a racecar.", fail: "We saw cars." },
});

/** Whether the code points of s[start, end) read the same backwards. */
function isPalindrome(s: string, start: number, end: number): boolean {
  let i = start;
  let j = end;
  while (i < j) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(j - 1);
    if ((a < 0xd800 || a > 0xdfff) && (b < 0xd800 || b > 0xdfff)) {
      // Neither end is half of a pair: the code units are the code points.
      if (a !== b) return false;
      i++;
      j--;
      continue;
    }
    const front = s.codePointAt(i)!;
    const frontLength = front > 0xffff ? 2 : 1;
    // The last code point: a low surrogate after a high one is one code point.
    const low = s.charCodeAt(j - 1);
    const backLength = j - 2 >= i && low >= 0xdc00 && low <= 0xdfff && s.charCodeAt(j - 2) >= 0xd800 && s.charCodeAt(j - 2) <= 0xdbff ? 2 : 1;
    const back = s.codePointAt(j - backLength)!;
    if (front !== back) return false;
    i += frontLength;
    j -= backLength;
  }
  return true;
}

/** Upstream takes the first element when the keyword comes as a list. */
const firstOf = z.union([z.string(), z.array(z.string()).min(1).transform((list) => list[0])]);

export const rlvrKeywordSpecificPosition = defineHardType({
  id: "keywords:keyword_specific_position",
  aliases: ["keyword_position"],
  summary: "Sentence n has the keyword as its m-th nltk.word_tokenize token (same checker as IFBench's words:keywords_specific_position).",
  condition: (a) => `word ${a.m} of sentence ${a.n} of the response is ${quote(pyStrip(a.keyword))}`,
  schema: z.strictObject({
    keyword: firstOf.refine((s) => pyStrip(s) !== "", "must not be blank").describe("The word expected at that position (a list uses its first word)."),
    n: countSchema("Which sentence (1-based)."),
    m: countSchema("Which token of that sentence (1-based)."),
  }),
  check: (response, args) => keywordAtPosition(response, pyStrip(args.keyword), args.n, args.m),
  render: (args) => `Include keyword ${pyStrip(args.keyword)} in the ${args.n}-th sentence, as the ${args.m}-th word of that sentence.`,
  example: { args: { keyword: "blue", n: 1, m: 2 }, pass: "Sky blue today.", fail: "The sky is blue." },
});

export const startEnd = defineHardType({
  id: "keywords:start_end",
  aliases: ["same_first_last_word"],
  summary: "The first and last nltk.word_tokenize tokens are the same word (case-insensitive); a final '.' is a token of its own.",
  condition: () => "the response starts and ends with the same word",
  schema: z.strictObject({}),
  check: (response) => {
    let first: string | undefined;
    let last: string | undefined;
    let count = 0;
    forEachWordToken(response, (word) => {
      if (count++ === 0) first = word;
      last = word;
    });
    return count >= 2 && first !== undefined && last !== undefined && first.toLowerCase() === last.toLowerCase();
  },
  render: () => "Start and end your response with the same word (do not write anything after the last word, not even punctuation).",
  example: { args: {}, pass: "Rain falls all day long rain", fail: "Rain falls all day long." },
});
