// IF-RLVR (open-instruct IFEvalG) paragraphs:*, first_word:*, last_word:* — two
// paragraphs by *** or blank line, and fixed first or last words.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { quote } from "../wording.js";
import { excerpt } from "../../../../grammars/src/index.js";
import { compilePyRegex } from "../python/py-regex.js";
import { PY_WHITESPACE_CLASS, pySplitFirst, pySplitLast, pyStrip } from "../python/py-text.js";
import { sentences } from "../ifbench/sentences.js";
import { every } from "../../util/iterables.js";

const STAR_DIVIDER = compilePyRegex(String.raw`\s?\*\*\*\s?`)!;

/** Paragraph count as upstream computes it: blank pieces count only at the ends; a blank middle one fails (undefined). */
function paragraphCount(pieces: readonly string[]): number | undefined {
  let n = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    if (pyStrip(pieces[i]) !== "") continue;
    if (i !== 0 && i !== pieces.length - 1) return undefined;
    n--;
  }
  return n;
}

export const twoParagraphsStars = defineHardType({
  id: "paragraphs:paragraphs",
  aliases: ["two_paragraphs_stars"],
  summary: "Exactly 2 paragraphs separated by the markdown divider *** (as length_constraints:number_paragraphs with 2).",
  condition: () => "the response has exactly 2 paragraphs separated by ***",
  schema: z.strictObject({}),
  relations: { excludes: [{ id: "length_constraints:number_paragraphs", why: "exactly 2 and another exact number of *** paragraphs cannot both hold", when: (_, other) => other.num_paragraphs !== 2 }] },
  check: (response) => paragraphCount(response.split(STAR_DIVIDER)) === 2,
  render: () => "There should be 2 paragraphs. Paragraphs are separated with the markdown divider: ***",
  example: { args: {}, pass: "One.\n***\nTwo.", fail: "One.\n***\nTwo.\n***\nThree." },
});

export const twoParagraphsBlankLine = defineHardType({
  id: "paragraphs:paragraphs2",
  aliases: ["two_paragraphs"],
  summary: "Exactly 2 paragraphs separated by \"\\n\\n\" (a blank piece in the middle fails).",
  condition: () => "the response has exactly 2 paragraphs separated by a blank line",
  schema: z.strictObject({}),
  check: (response) => paragraphCount(response.split("\n\n")) === 2,
  render: () => "There should be 2 paragraphs. Paragraphs and only paragraphs are separated with each other by two line breaks.",
  example: { args: {}, pass: "One.\n\nTwo.", fail: "One.\n\nTwo.\n\nThree." },
});

const wordSchema = (what: string) => z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe(what);
/** Upstream's last_word_sent takes the first element of a list. */
const wordOrList = (what: string) =>
  z.union([z.string(), z.array(z.string()).min(1).transform((l) => l[0])]).refine((s) => pyStrip(s) !== "", "must not be blank").describe(what);

const differentWords = (key: "first_word" | "last_word") => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  pyStrip(String(a[key])).toLowerCase() !== pyStrip(String(b[key])).toLowerCase()
    ? `the ${key.replace("_", " ")} cannot be both '${excerpt(pyStrip(String(a[key])))}' and '${excerpt(pyStrip(String(b[key])))}'` : undefined;

export const firstWordSent = defineHardType({
  id: "first_word:first_word_sent",
  aliases: ["sentences_start_with"],
  summary: "Every sentence (regex splitter) starts with the word (case-insensitive; punctuation is part of the word).",
  condition: (a) => `every sentence of the response starts with ${quote(pyStrip(a.first_word))}`,
  schema: z.strictObject({ first_word: wordSchema("The word every sentence starts with.") }),
  relations: {
    conflictsWithSelf: differentWords("first_word"),
    excludes: [{
      id: "first_word:first_word_answer",
      why: "the first sentence's first word is the response's first word",
      when: (self, other) => pyStrip(String(self.first_word)).toLowerCase() !== pyStrip(String(other.first_word)).toLowerCase(),
    }],
  },
  check: (response, args) =>
    every(sentences(response), (s) => {
      const first = pySplitFirst(s);
      return first !== undefined && first.toLowerCase() === pyStrip(args.first_word).toLowerCase();
    }),
  render: (args) => `The first word of each sentence should be the word ${pyStrip(args.first_word)}.`,
  example: { args: { first_word: "we" }, pass: "We came. We saw.", fail: "We came. They saw." },
});

export const firstWordAnswer = defineHardType({
  id: "first_word:first_word_answer",
  aliases: ["start_with_word"],
  summary: "The first whitespace word is the word (case-insensitive; punctuation is part of the word).",
  condition: (a) => `the response starts with the word ${quote(pyStrip(a.first_word))}`,
  schema: z.strictObject({ first_word: wordSchema("The word the response starts with.") }),
  relations: { conflictsWithSelf: differentWords("first_word") },
  check: (response, args) => {
    const first = pySplitFirst(response);
    return first !== undefined && first.toLowerCase() === pyStrip(args.first_word).toLowerCase();
  },
  render: (args) => `The first word of your response should be the word ${pyStrip(args.first_word)}.`,
  example: { args: { first_word: "we" }, pass: "We did it.", fail: "We, of course, did it." },
});

// Runs, not single characters: deleting a run deletes each of its characters, and a word of a
// million commas is one match instead of a million.
const NON_WORD = new RegExp(`[^\\p{L}\\p{N}_${PY_WHITESPACE_CLASS}]+`, "gu");
/** `re.sub(r"[^\w\s]", "", word)` with Python's Unicode classes. */
const dropPunctuation = (w: string): string => w.replace(NON_WORD, "");

export const lastWordSent = defineHardType({
  id: "last_word:last_word_sent",
  aliases: ["sentences_end_with"],
  summary: "Every sentence (regex splitter) ends with the word, punctuation removed from it (case-insensitive).",
  condition: (a) => `every sentence of the response ends with ${quote(pyStrip(a.last_word))}`,
  schema: z.strictObject({ last_word: wordOrList("The word every sentence ends with (a list uses its first word).") }),
  relations: { conflictsWithSelf: differentWords("last_word") },
  check: (response, args) =>
    every(sentences(response), (s) => {
      const last = pySplitLast(s);
      return last !== undefined && dropPunctuation(last).toLowerCase() === pyStrip(args.last_word).toLowerCase();
    }),
  render: (args) => `The last word of each sentence, before punctuation, should be the word ${pyStrip(args.last_word)}.`,
  example: { args: { last_word: "now" }, pass: "Come now. Go now!", fail: "Come now. Go later." },
});

export const lastWordAnswer = defineHardType({
  id: "last_word:last_word_answer",
  aliases: ["end_with_word"],
  summary: "The last whitespace word, punctuation removed from it, is the word (case-insensitive).",
  condition: (a) => `the response ends with the word ${quote(pyStrip(a.last_word))}`,
  schema: z.strictObject({ last_word: wordSchema("The word the response ends with.") }),
  relations: { conflictsWithSelf: differentWords("last_word") },
  check: (response, args) => {
    const last = pySplitLast(response);
    return last !== undefined && dropPunctuation(last).toLowerCase() === pyStrip(args.last_word).toLowerCase();
  },
  render: (args) => `The last word of your response should be the word ${pyStrip(args.last_word)}.`,
  example: { args: { last_word: "done" }, pass: "That is all, done!", fail: "Done, that is all." },
});
