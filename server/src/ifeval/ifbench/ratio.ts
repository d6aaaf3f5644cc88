// IFBench ratio:* — stop words, sentence types, trigram overlap, equal sentences (allenai/IFBench c94da02).

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { wordCount } from "../text-cache.js";
import { pyStrip } from "../python/py-text.js";
import { memoizeByText } from "../text/text-cache.js";
import { countStopwords, pyLen } from "./text.js";
import { firstSentences, sentences } from "./sentences.js";

const percentageSchema = (what: string) => z.number().min(0).max(100).describe(what);

export const stopWordPercentage = defineHardType({
  id: "ratio:stop_words",
  aliases: ["stop_words", "stop_word_ratio"],
  summary: "Stop words (NLTK's English list) are at most `percentage`% of the `\\w+` words; an empty response fails.",
  condition: (a) => `stop words are at most ${a.percentage}% of the words of the response`,
  schema: z.strictObject({ percentage: percentageSchema("Highest share of stop words, in percent.") }),
  // The official code divides by the word count, so a response without words raised there: not followed here.
  check: (response, args) => {
    const words = wordCount(response);
    return words > 0 && (countStopwords(response) / words) * 100 <= args.percentage;
  },
  render: (args) => `Ensure that stop words constitute no more than ${args.percentage}% of the total words in your response.`,
  example: { args: { percentage: 50 }, pass: "Quick brown foxes jump over lazy dogs.", fail: "It is what it is, and that is that." },
});

function sentenceEnds(text: string): { declarative: number; interrogative: number; exclamatory: number } {
  const counts = { declarative: 0, interrogative: 0, exclamatory: 0 };
  for (const s of sentences(text)) {
    if (s.endsWith(".")) counts.declarative++;
    if (s.endsWith("?")) counts.interrogative++;
    if (s.endsWith("!")) counts.exclamatory++;
  }
  return counts;
}

export const sentenceTypeRatio = defineHardType({
  id: "ratio:sentence_type",
  aliases: ["sentence_type_ratio"],
  summary: "Twice as many sentences end in '.' as in '?' (IFEval's regex sentence splitter).",
  condition: () => "the response has twice as many declarative as interrogative sentences",
  schema: z.strictObject({}),
  check: (response) => {
    const c = sentenceEnds(response);
    return c.declarative === 2 * c.interrogative;
  },
  render: () => "Maintain a 2:1 ratio of declarative to interrogative sentences.",
  example: { args: {}, pass: "It rains. We stay. Why?", fail: "It rains. Why? How?" },
});

export const sentenceBalance = defineHardType({
  id: "ratio:sentence_balance",
  aliases: ["sentence_balance"],
  summary: "As many sentences end in '.' as in '?' and in '!'.",
  condition: () => "the response has as many declarative as interrogative and exclamatory sentences",
  schema: z.strictObject({}),
  check: (response) => {
    const c = sentenceEnds(response);
    return c.declarative === c.interrogative && c.interrogative === c.exclamatory;
  },
  render: () => "Ensure that the ratio of sentence types (declarative, interrogative, exclamatory) is balanced.",
  example: { args: {}, pass: "It rains. Why? Wow!", fail: "It rains. It pours. Why? Wow!" },
});

/** The distinct character trigrams of a text (c94da02 passes the raw string to nltk.ngrams, not tokens). */
const charTrigrams = memoizeByText((text: string): ReadonlySet<string> => {
  // A window of the last three code points rather than an array of all of them (8 bytes a code point).
  const grams = new Set<string>();
  let a: string | undefined;
  let b: string | undefined;
  for (const c of text) {
    if (a !== undefined && b !== undefined) grams.add(`${a}\u0000${b}\u0000${c}`);
    a = b;
    b = c;
  }
  return grams;
});

export const ngramOverlap = defineHardType({
  id: "ratio:overlap",
  aliases: ["trigram_overlap", "ngram_overlap"],
  summary: "The share of the response's distinct character trigrams found in the reference text is within ±2 of `percentage`%.",
  condition: (a) => `the response's trigram overlap with the reference text is ${a.percentage}% (±2%)`,
  schema: z.strictObject({
    reference_text: z.string().min(1).describe("The text to overlap with."),
    percentage: percentageSchema("Target overlap in percent (±2)."),
  }),
  // Fewer than 3 characters: the official code divides by zero; not followed here.
  check: (response, args) => {
    const grams = charTrigrams(response);
    if (grams.size === 0) return false;
    const reference = charTrigrams(args.reference_text);
    let shared = 0;
    for (const g of grams) if (reference.has(g)) shared++;
    const overlap = (shared / grams.size) * 100;
    return args.percentage - 2 <= overlap && overlap <= args.percentage + 2;
  },
  render: (args) => `Maintain a trigram overlap of ${args.percentage}% (±2%) with the provided reference text.\nReference text: ${args.reference_text}`,
  example: { args: { reference_text: "the cat sat", percentage: 100 }, pass: "the cat", fail: "a dog ran" },
});

export const sentenceWordsEqualLength = defineHardType({
  id: "ratio:sentence_words",
  aliases: ["three_equal_sentences"],
  summary: "Exactly three sentences with the same number of characters (the 'different words' part is not checked upstream).",
  condition: () => "the response has three sentences of equal length",
  schema: z.strictObject({}),
  check: (response) => {
    const three = firstSentences(response, 4);
    if (three.length !== 3) return false;
    const length = pyLen(pyStrip(three[0]));
    return three.every((s) => pyLen(pyStrip(s)) === length);
  },
  render: () => "Respond with three sentences, all containing the same number of characters but using all different words.",
  example: { args: {}, pass: "Cats nap. Dogs run. Owls fly.", fail: "Cats nap. Dogs run fast. Owls fly." },
});

