// length_constraints:* — words, sentences, "***" paragraphs, "\n\n" paragraphs with a first word.

import { z } from "zod";
import { compareCount, countSchema, defineHardType, relationSchema } from "../hard-type.js";
import { sentenceCount, wordCount } from "../text-cache.js";
import { PY_WHITESPACE_CLASS, pyFirstWord, pyLstripChars, pySkipWhitespace, pyStrip } from "../python/py-text.js";

export const numberWords = defineHardType({
  id: "length_constraints:number_words",
  aliases: ["words", "word_count", "number_words"],
  summary: "Counts words (runs of Unicode letters, digits and '_') against a threshold.",
  schema: z.strictObject({
    num_words: countSchema("Word-count threshold."),
    relation: relationSchema("the word count"),
  }),
  check: (response, args) => compareCount(wordCount(response), args.relation, args.num_words),
  render: (args) => `Answer with ${args.relation} ${args.num_words} words.`,
  example: { args: { num_words: 5, relation: "less than" }, pass: "Short and sweet.", fail: "This answer has far too many words in it." },
});

export const numberSentences = defineHardType({
  id: "length_constraints:number_sentences",
  aliases: ["sentences", "number_sentences"],
  summary: "Counts sentences (NLTK Punkt, English) against a threshold.",
  schema: z.strictObject({
    num_sentences: countSchema("Sentence-count threshold."),
    relation: relationSchema("the sentence count"),
  }),
  check: (response, args) => compareCount(sentenceCount(response), args.relation, args.num_sentences),
  render: (args) => `Your response should contain ${args.relation} ${args.num_sentences} sentences.`,
  example: { args: { num_sentences: 2, relation: "at least" }, pass: "It rained. We stayed in.", fail: "It rained all day." },
});

const PARAGRAPH_DIVIDER = new RegExp(`[${PY_WHITESPACE_CLASS}]?\\*\\*\\*[${PY_WHITESPACE_CLASS}]?`, "u");

export const numberParagraphs = defineHardType({
  id: "length_constraints:number_paragraphs",
  aliases: ["paragraphs", "number_paragraphs"],
  summary: "Exactly N paragraphs separated by the markdown divider ***; an empty paragraph in the middle fails.",
  schema: z.strictObject({ num_paragraphs: countSchema("Exact number of paragraphs.") }),
  check: (response, args) => {
    const paragraphs = response.split(PARAGRAPH_DIVIDER);
    let count = paragraphs.length;
    for (let i = 0; i < paragraphs.length; i++) {
      if (pyStrip(paragraphs[i]) !== "") continue;
      if (i !== 0 && i !== paragraphs.length - 1) return false;
      count--;
    }
    return count === args.num_paragraphs;
  },
  render: (args) => `There should be ${args.num_paragraphs} paragraphs. Paragraphs are separated with the markdown divider: ***`,
  example: { args: { num_paragraphs: 2 }, pass: "First part.\n***\nSecond part.", fail: "Only one part." },
});

const FIRST_WORD_STOP = new Set([".", ",", "?", "!", "'", '"']);

export const nthParagraphFirstWord = defineHardType({
  id: "length_constraints:nth_paragraph_first_word",
  aliases: ["paragraph_first_word", "nth_paragraph_first_word"],
  summary: "Exactly N paragraphs separated by blank lines, and paragraph i starts with a given word.",
  schema: z
    .strictObject({
      num_paragraphs: countSchema("Exact number of paragraphs (separated by \"\\n\\n\")."),
      nth_paragraph: countSchema("Which paragraph (1-based) must start with first_word; at most num_paragraphs."),
      first_word: z.string().regex(/^\S+$/u, "a single word without spaces").describe("The word the paragraph must start with (case-insensitive)."),
    })
    .refine((a) => a.nth_paragraph <= a.num_paragraphs, { message: "nth_paragraph must be at most num_paragraphs", path: ["nth_paragraph"] }),
  check: (response, args) => {
    // response.split("\n\n") walked as index ranges: the pieces of a run of newlines would be millions of strings.
    let count = 0;
    let nth = "";
    for (let index = 0, start = 0; start >= 0; index++) {
      const at = response.indexOf("\n\n", start);
      const end = at < 0 ? response.length : at;
      if (pySkipWhitespace(response, start, end) < end) count++;
      if (index === args.nth_paragraph - 1) nth = response.slice(start, end);
      start = at < 0 ? -1 : at + 2;
    }
    if (args.nth_paragraph > count) return false;
    const paragraph = pyStrip(nth);
    if (paragraph === "") return false;
    const word = pyLstripChars(pyLstripChars(pyFirstWord(paragraph), "'"), '"');
    let firstWord = "";
    for (const ch of word) {
      if (FIRST_WORD_STOP.has(ch)) break;
      firstWord += ch.toLowerCase();
    }
    return count === args.num_paragraphs && firstWord === args.first_word.toLowerCase();
  },
  render: (args) =>
    `There should be ${args.num_paragraphs} paragraphs, separated from each other by one blank line. ` +
    `Paragraph ${args.nth_paragraph} must start with the word "${args.first_word}".`,
  example: {
    args: { num_paragraphs: 2, nth_paragraph: 2, first_word: "then" },
    pass: "First we plan.\n\nThen we build.",
    fail: "First we plan.\n\nAfterwards we build.",
  },
});
