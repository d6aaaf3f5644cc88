// IFBench words:* — alphabet chains, vowels, consonant clusters, palindromes, prime
// lengths, repeats, first and last words, word positions (allenai/IFBench c94da02).

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { plural, quote } from "../wording.js";
import { forEachWordToken } from "../text/words.js";
import { everyWordSpan, isPyWhitespaceCode, pyIsBlank, pyLstripChars, pyRstripChars, pySplitFirst, pySplitLast, pyStrip, pyStripChars } from "../python/py-text.js";
import { codePoints, firstCodePoint, lower, lowerThenNoPunctuation, noPunctuationThenLower, piecesAtWhitespace, PUNCTUATION_AND_SPACE, removePunctuation, transformedWords } from "./text.js";
import { nthSentence, sentencesWithNext } from "./sentences.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

export const alphabetLoop = defineHardType({
  id: "words:alphabet",
  aliases: ["alphabet_chain"],
  summary: "Each word starts with the letter after the previous word's first letter (a to z, then a again); the first must be a-z.",
  condition: () => "each word of the response starts with the next letter of the alphabet",
  schema: z.strictObject({}),
  check: (response) => {
    // strip(punctuation + " ") of the text without punctuation strips spaces only, which split()
    // drops anyway: the words of the text without punctuation, deleted word by word.
    const words = transformedWords(response, removePunctuation);
    const first = words.next();
    if (first.done) return false; // IndexError upstream
    let letter = firstCodePoint(first.value).toLowerCase();
    if (!ALPHABET.includes(letter)) return false;
    for (const raw of words) {
      const word = pyStripChars(raw, PUNCTUATION_AND_SPACE).toLowerCase();
      if (word === "") continue;
      letter = ALPHABET[(ALPHABET.indexOf(letter) + 1) % 26];
      if (firstCodePoint(word) !== letter) return false;
    }
    return true;
  },
  render: () => "Each word must start with the next letter of the alphabet, looping back to 'A' after 'Z'.",
  example: { args: {}, pass: "Always bring cold drinks.", fail: "Always bring warm drinks." },
});

export const singleVowelParagraph = defineHardType({
  id: "words:vowel",
  aliases: ["three_vowels"],
  summary: "One line (no newline inside the stripped response) using at most three of the vowels a, e, i, o, u.",
  condition: () => "the response is one paragraph using at most three different vowels",
  schema: z.strictObject({}),
  check: (response) => {
    // len(strip().split("\n")) != 1, without the lines.
    const paragraph = pyStrip(response);
    if (paragraph.includes("\n")) return false;
    // The vowels that occur, one native scan each: upstream's set of the characters c with
    // `c in "aeiou"` holds exactly the vowels the lower-cased text contains.
    const lower = paragraph.toLowerCase();
    return [..."aeiou"].filter((vowel) => lower.includes(vowel)).length <= 3;
  },
  render: () => "Write a paragraph using words that contain only three types of vowels.",
  example: { args: {}, pass: "A cat sat and spat at a bat.", fail: "A cat, a dog, a bird, an eagle and a mule." },
});

const CONSONANTS = "bcdfghjklmnpqrstvwxyz";

export const consonantCluster = defineHardType({
  id: "words:consonants",
  aliases: ["consonant_clusters"],
  summary: "Every whitespace word has two adjacent consonants (a-z; punctuation is part of the word).",
  condition: () => "every word of the response has a consonant cluster",
  schema: z.strictObject({}),
  check: (response) => {
    for (const word of transformedWords(response, lower)) if (!hasConsonantCluster(word)) return false;
    return true;
  },
  render: () => "Ensure each word in your response has at least one consonant cluster (two or more consonants together).",
  example: { args: {}, pass: "Strong black crabs crawl.", fail: "A strong crab." },
});

/** Two code units in a row from CONSONANTS (all ASCII, so code units and code points agree): one native search. */
const CONSONANT_PAIR = new RegExp(`[${CONSONANTS}]{2}`);

function hasConsonantCluster(word: string): boolean {
  return CONSONANT_PAIR.test(word);
}

export const palindromes = defineHardType({
  id: "words:palindrome",
  aliases: ["palindromes"],
  summary: "At least 10 words (punctuation deleted, lower-cased) of 5 or more characters that read the same backwards.",
  condition: () => "the response includes at least 10 palindromes of at least 5 letters",
  schema: z.strictObject({}),
  check: (response) => {
    let count = 0;
    const found = (text: string, start: number, end: number): boolean => {
      if (end - start < 5) return false; // fewer than 5 code units: fewer than 5 code points, no string needed
      const cps = codePoints(text.slice(start, end));
      return cps.length >= 5 && cps.join("") === cps.reverse().join("") && ++count >= 10;
    };
    for (const piece of piecesAtWhitespace(response)) {
      const text = noPunctuationThenLower(piece);
      if (!everyWordSpan(text, (start, end) => !found(text, start, end))) return true;
    }
    return false;
  },
  render: () => "Include at least 10 single-word palindromes, each at least 5 characters long.",
  example: {
    args: {},
    pass: "level radar civic kayak refer rotor madam stats tenet sagas",
    fail: "level radar civic kayak refer",
  },
});

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

const PRIMES = new Set([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]);

export const primeLengths = defineHardType({
  id: "words:prime_lengths",
  aliases: ["prime_length_words"],
  summary: "Every word (punctuation deleted) has a prime number of characters (2 to 97).",
  condition: () => "every word of the response has a prime number of letters",
  schema: z.strictObject({}),
  check: (response) => {
    // The code points of each word, counted in one pass over each piece without punctuation
    // (pieces end at whitespace, so no word crosses two): no string per word.
    for (const piece of piecesAtWhitespace(response)) {
      const text = removePunctuation(piece);
      let length = 0;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (isPyWhitespaceCode(unit)) {
          if (length > 0 && !PRIMES.has(length)) return false;
          length = 0;
        } else if (!(isLowSurrogate(unit) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
          length++; // a low surrogate after a high one is the same code point
        }
      }
      if (length > 0 && !PRIMES.has(length)) return false;
    }
    return true;
  },
  render: () => "Use only words with lengths that are prime numbers.",
  example: { args: {}, pass: "We are happy.", fail: "A cat sat." },
});

export const limitedWordRepeat = defineHardType({
  id: "words:repeats",
  aliases: ["max_word_repeats"],
  summary: "No word (lower-cased, punctuation deleted) occurs more than small_n times.",
  condition: (a) => `no word of the response is repeated more than ${plural(a.small_n, "time")}`,
  schema: z.strictObject({ small_n: countSchema("Most occurrences of any one word.", 0) }),
  check: (response, args) => {
    const counts = new Map<string, number>();
    for (const w of transformedWords(response, lowerThenNoPunctuation)) {
      const n = (counts.get(w) ?? 0) + 1;
      if (n > args.small_n) return false;
      counts.set(w, n);
    }
    return true;
  },
  render: (args) => `The response should not repeat any word more than ${args.small_n} times.`,
  example: { args: { small_n: 1 }, pass: "Every word differs here.", fail: "The cat and the dog." },
});

export const lastWordFirstNext = defineHardType({
  id: "words:last_first",
  aliases: ["last_word_first_next"],
  summary: "The last word of each sentence is the first word of the next (case-insensitive, regex sentence splitter).",
  condition: () => "the last word of each sentence of the response begins the next sentence",
  schema: z.strictObject({}),
  check: (response) => {
    for (const [sentence, next] of sentencesWithNext(response)) {
      if (next === undefined) break;
      const last = pySplitLast(pyRstripChars(sentence, PUNCTUATION_AND_SPACE));
      const first = pySplitFirst(pyLstripChars(next, PUNCTUATION_AND_SPACE));
      if (last === undefined || first === undefined) return false; // IndexError upstream
      if (last.toLowerCase() !== first.toLowerCase()) return false;
    }
    return true;
  },
  render: () => "The last word of each sentence must become the first word of the next sentence.",
  example: { args: {}, pass: "I saw a cat. Cat ran home. Home is warm.", fail: "I saw a cat. The cat ran." },
});

export const paragraphLastFirstMatch = defineHardType({
  id: "words:paragraph_last_first",
  aliases: ["paragraph_same_first_last"],
  summary: "Each non-empty line starts and ends with the same word (case-insensitive, punctuation stripped from the line's ends).",
  condition: () => "each paragraph of the response ends with the word it starts with",
  schema: z.strictObject({}),
  check: (response) =>
    everyLine(response, (line) => {
      const paragraph = pyStrip(line).toLowerCase();
      const words = pyStripChars(paragraph, PUNCTUATION_AND_SPACE);
      return pyIsBlank(words) || pySplitFirst(words) === pySplitLast(words);
    }),
  render: () => "Each paragraph must end with the same word it started with, separate paragraphs with a newline.",
  example: { args: {}, pass: "Rain falls on the rain.\nSun warms the sun.", fail: "Rain falls on the ground." },
});

export const noConsecutiveFirstLetter = defineHardType({
  id: "words:no_consecutive",
  aliases: ["no_consecutive_first_letter"],
  summary: "No two consecutive words (lower-cased, punctuation deleted) start with the same character.",
  condition: () => "no two consecutive words of the response share a first letter",
  schema: z.strictObject({}),
  check: (response) => {
    let previous: string | undefined;
    for (const word of transformedWords(response, lowerThenNoPunctuation)) {
      const initial = firstCodePoint(word);
      if (initial === previous) return false;
      previous = initial;
    }
    return true;
  },
  render: () => "No two consecutive words can share the same first letter.",
  example: { args: {}, pass: "The cat ran home.", fail: "The two cats ran." },
});

/** Sentence n (regex splitter) has `keyword` as its m-th nltk.word_tokenize token; shared with IF-RLVR's checker of the same class. */
export function keywordAtPosition(response: string, keyword: string, n: number, m: number): boolean {
  const sentence = nthSentence(response, n);
  if (sentence === undefined) return false;
  let word: string | undefined;
  let index = 0;
  forEachWordToken(sentence, (token) => {
    if (++index < m) return true;
    word = token;
    return false;
  });
  return word === keyword;
}

export const keywordSpecificPosition = defineHardType({
  id: "words:keywords_specific_position",
  aliases: ["keyword_at_position"],
  summary: "Sentence n (regex splitter) has the keyword as its m-th nltk.word_tokenize token (case-sensitive).",
  condition: (a) => `word ${a.m} of sentence ${a.n} of the response is ${quote(pyStrip(a.keyword))}`,
  schema: z.strictObject({
    keyword: z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe("The word expected at that position."),
    n: countSchema("Which sentence (1-based)."),
    m: countSchema("Which token of that sentence (1-based)."),
  }),
  check: (response, args) => keywordAtPosition(response, pyStrip(args.keyword), args.n, args.m),
  render: (args) => `Include keyword ${pyStrip(args.keyword)} in the ${args.n}-th sentence, as the ${args.m}-th word of that sentence.`,
  example: { args: { keyword: "blue", n: 2, m: 3 }, pass: "Hi there. The sky blue today.", fail: "Hi there. The sky is blue." },
});

export const wordsPosition = defineHardType({
  id: "words:words_position",
  aliases: ["second_and_second_last_word"],
  summary: "The second and the second-to-last nltk.word_tokenize tokens are both the keyword (case-sensitive).",
  condition: (a) => `the second and second-to-last words of the response are ${quote(pyStrip(a.keyword))}`,
  schema: z.strictObject({
    keyword: z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe("The word expected second and second-to-last."),
  }),
  check: (response, args) => {
    // The second token and the last two, not an array of every token.
    const keyword = pyStrip(args.keyword);
    let count = 0;
    let second: string | undefined;
    let previous: string | undefined;
    let last: string | undefined;
    forEachWordToken(response, (word) => {
      if (++count === 2) second = word;
      previous = last;
      last = word;
    });
    return count >= 2 && second === keyword && previous === keyword;
  },
  render: (args) => `The second word in your response and the second to last word in your response should be the word ${pyStrip(args.keyword)}.`,
  example: { args: { keyword: "green" }, pass: "A green field, so green .", fail: "A green field ." },
});

/** `all(test(line) for line in text.split("\n"))`, stopping at the first line that fails. */
function everyLine(text: string, test: (line: string) => boolean): boolean {
  // `test` is pure, so an empty line is tested once: a run of newlines is a million of them.
  let emptyLine: boolean | undefined;
  for (let start = 0; ; ) {
    if (text.charCodeAt(start) === 10) {
      if (!(emptyLine ??= test(""))) return false;
      start++;
      continue;
    }
    const end = text.indexOf("\n", start);
    if (!test(text.slice(start, end === -1 ? text.length : end))) return false;
    if (end === -1) return true;
    start = end + 1;
  }
}
