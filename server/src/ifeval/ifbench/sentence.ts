// IFBench sentence:* — growing alliteration, a keyword in sentence N, growing word
// counts (allenai/IFBench c94da02; sentences from IFEval's regex splitter).

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { plural, quote } from "../wording.js";
import { isPyWhitespaceCode, pyCountWhitespaceWords, pyWordEnd } from "../python/py-text.js";
import { isPunctuationOrSpaceCode, removePunctuation } from "./text.js";
import { nthSentence, sentences } from "./sentences.js";

/** The alliteration score of one sentence as upstream counts it: 2 for a new run of equal first letters, 1 per extra word. */
function alliteration(sentence: string): number {
  let score = 0;
  let inRun = false;
  let previous: number | undefined; // the previous word's first code point (after its leading punctuation)
  const text = sentence.toLowerCase();
  // One pass over the characters, not a string (or a call) per word: a sentence can be a
  // million words.
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isPyWhitespaceCode(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    // The word's lstrip(punctuation + " "), which stops at the space that ends the word.
    let at = i;
    while (at < text.length && text.charCodeAt(at) !== 0x20 && isPunctuationOrSpaceCode(text.charCodeAt(at))) at++;
    const end = pyWordEnd(text, at);
    i = end;
    if (at === end) continue; // nothing left after lstrip
    const initial = text.codePointAt(at)!;
    const before = previous;
    previous = initial;
    if (before === undefined) continue;
    if (before === initial) {
      score += inRun ? 1 : 2;
      inRun = true;
    } else {
      inRun = false;
    }
  }
  return score;
}

export const incrementingAlliteration = defineHardType({
  id: "sentence:alliteration_increment",
  aliases: ["growing_alliteration"],
  summary: "Each sentence has more alliterating words (consecutive words with the same first letter) than the one before.",
  condition: () => "each sentence of the response has more alliteration than the previous one",
  schema: z.strictObject({}),
  check: (response) => {
    let previous = -1;
    for (const sentence of sentences(response)) {
      const score = alliteration(sentence);
      if (score <= previous) return false;
      previous = score;
    }
    return true;
  },
  render: () => "Each sentence must have a longer sequence of consecutive alliterative words than the previous one.",
  example: { args: {}, pass: "The cat sat. Big bold bears roam.", fail: "Big bold bears roam. The cat sat." },
});

export const includeKeyword = defineHardType({
  id: "sentence:keyword",
  aliases: ["keyword_in_sentence"],
  summary: "Sentence N contains the word (case-insensitive substring).",
  condition: (a) => `sentence ${a.N} of the response contains ${quote(a.word)}`,
  schema: z.strictObject({
    word: z.string().min(1).describe("The keyword (a substring, case-insensitive)."),
    N: countSchema("Which sentence (1-based)."),
  }),
  check: (response, args) => {
    const sentence = nthSentence(response, args.N);
    return sentence !== undefined && sentence.toLowerCase().includes(args.word.toLowerCase());
  },
  render: (args) => `The response must include keyword "${args.word}" in the ${args.N}-th sentence.`,
  example: { args: { word: "moon", N: 2 }, pass: "Night fell. The moon rose.", fail: "The moon rose. Night fell." },
});

const wordsOf = (sentence: string): number => pyCountWhitespaceWords(removePunctuation(sentence));

export const incrementingWordCount = defineHardType({
  id: "sentence:increment",
  aliases: ["growing_sentences"],
  summary: "Each sentence has exactly small_n more words (punctuation deleted) than the one before.",
  condition: (a) => `each sentence of the response has ${plural(a.small_n, "word")} more than the previous one`,
  schema: z.strictObject({ small_n: countSchema("The increment in words per sentence.", 0) }),
  check: (response, args) => {
    let previous: number | undefined;
    for (const sentence of sentences(response)) {
      const n = wordsOf(sentence);
      if (previous !== undefined && n !== previous + args.small_n) return false;
      previous = n;
    }
    return previous !== undefined; // no sentence: IndexError upstream
  },
  render: (args) => `Each sentence must contain exactly ${args.small_n} more words than the previous one.`,
  example: { args: { small_n: 1 }, pass: "I ran. I ran far. I ran very far.", fail: "I ran far. I ran." },
});
