// IF-RLVR (open-instruct IFEvalG) layout types: hyphen-joined sentences, bracketed
// words, wrapped bigrams, no dots, no exclamation marks.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { pyStrip, pyWhitespaceWords } from "../python/py-text.js";
import { sentences } from "../ifbench/sentences.js";
import { replaceLiteral } from "../../util/replace-all.js";

const noArgs = z.strictObject({});
const hyphensAsSpaces = (piece: string): string => replaceLiteral(piece, "-", " ");

export const sentenceHyphens = defineHardType({
  id: "detectable_format:sentence_hyphens",
  aliases: ["hyphenated_sentences"],
  summary: "Pieces between '-' have no surrounding whitespace and equal the sentences of the text with '-' read as a space (pairwise, to the shorter list).",
  condition: () => "the response joins its sentences with hyphens and no spaces",
  schema: noArgs,
  check: (response) => {
    // The pieces of split("-") one at a time, pairwise with the sentences of the text with "-"
    // read as " " (split as they are read) to the shorter list.
    let start = 0;
    for (const gold of sentences(response, { mapPiece: hyphensAsSpaces })) {
      const hyphen = response.indexOf("-", start);
      const piece = response.slice(start, hyphen === -1 ? response.length : hyphen);
      if (pyStrip(piece) !== piece || piece !== gold) return false;
      if (hyphen === -1) break;
      start = hyphen + 1;
    }
    return true;
  },
  render: () => "All sentences must be connected using hyphens, with no spaces between them.",
  example: { args: {}, pass: "I came.-I saw.-I left.", fail: "I came. - I saw." },
});

export const squareBrackets = defineHardType({
  id: "detectable_format:square_brackets",
  aliases: ["bracket_every_word"],
  summary: "Every whitespace word starts with '[' and ends with ']'.",
  condition: () => "every word of the response is enclosed in square brackets",
  schema: noArgs,
  check: (response) => {
    for (const w of pyWhitespaceWords(response)) if (!(w.startsWith("[") && w.endsWith("]"))) return false;
    return true;
  },
  render: () => "Enclose every word in your response within square brackets.",
  example: { args: {}, pass: "[Hello] [there]", fail: "[Hello] there" },
});

export const bigramWrapping = defineHardType({
  id: "detectable_format:bigram_wrapping",
  aliases: ["wrap_bigrams"],
  summary: "Words 1-2, 3-4, … are wrapped as <<first second>> (an odd last word is not checked).",
  condition: () => "every word bigram of the response is wrapped in double angular brackets",
  schema: noArgs,
  check: (response) => {
    const words = pyWhitespaceWords(response);
    for (let first = words.next(), second = words.next(); !second.done; first = words.next(), second = words.next()) {
      if (!(first.value!.startsWith("<<") && second.value.endsWith(">>"))) return false;
    }
    return true;
  },
  render: () => "Wrap every word bigram in double angular brackets, such as <<I am>> <<at home>> <<with my>> <<cute dog>>.",
  example: { args: {}, pass: "<<I am>> <<at home>>", fail: "I am <<at home>>" },
});

export const punctuationDot = defineHardType({
  id: "punctuation:punctuation_dot",
  aliases: ["no_dots"],
  summary: "No '.' anywhere.",
  condition: () => "the response contains no dots",
  schema: noArgs,
  check: (response) => !response.includes("."),
  render: () => "In your entire response, refrain from the use of . (i.e. dots) as punctuation and in general.",
  example: { args: {}, pass: "No dots here", fail: "A dot." },
});

export const punctuationExclamation = defineHardType({
  id: "punctuation:punctuation_exclamation",
  aliases: ["no_exclamation"],
  summary: "No '!' anywhere.",
  condition: () => "the response contains no exclamation marks",
  schema: noArgs,
  check: (response) => !response.includes("!"),
  render: () => "In your entire response, refrain from the use of ! (i.e. exclamation marks) as punctuation and in general.",
  example: { args: {}, pass: "Calm words.", fail: "Wow!" },
});
