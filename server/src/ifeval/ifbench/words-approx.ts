// IFBench words:start_verb and words:odd_even_syllables. Upstream decides these with
// data we cannot ship exactly (NLTK's averaged-perceptron POS tagger; syllapy's
// pronunciation dictionary), so both are marked approximate in the registry and each
// use gets an information diagnostic. The differences are listed in docs/constraints.md.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { firstWordToken } from "../text/words.js";
import { pyStrip } from "../python/py-text.js";
import { noPunctuationThenLower, transformedWords } from "./text.js";

/** Common English verbs in their base form (the imperative a response would start with). */
const BASE_VERBS = new Set(
  ("accept add adjust allow analyze apply ask assess avoid be begin believe break bring build buy calculate call care " +
    "change check choose clean close combine come compare compile complete compute conceive consider continue convert " +
    "cook count create cut decide define delete demonstrate describe design determine develop discover discuss divide do " +
    "draw drink drive eat embrace enable ensure enter establish estimate evaluate examine explain explore express feel " +
    "fill find finish fix focus follow forget generate get give go grab grow handle have hear help hold identify imagine " +
    "implement improve include increase install introduce investigate join jump keep know learn leave let list listen " +
    "live look make manage measure meet merge mix move need note notice observe obtain open order organize paint pay pick " +
    "place plan play pour practice prepare present press prevent print proceed protect prove provide pull push put read " +
    "recall recognize reduce reflect remember remove repeat replace report research rest return review run save say see " +
    "select sell send set share show sit sleep solve sort speak spend start stay step stop study submit summarize take " +
    "talk teach tell test think throw try turn type understand update use verify visit wait walk want wash watch wear " +
    "welcome work write").split(" "),
);

export const startWithVerb = defineHardType({
  id: "words:start_verb",
  aliases: ["start_with_verb"],
  summary: "The first nltk.word_tokenize token is tagged as a verb (VB*) by NLTK's POS tagger.",
  condition: () => "the response starts with a verb",
  schema: z.strictObject({}),
  approximate:
    "NLTK's averaged-perceptron tagger is not available here: a token counts as a verb when it is a common base-form verb " +
    "or ends in -ing (VBG); the tagger itself also weighs context and capitalisation.",
  check: (response) => {
    const first = firstWordToken(response);
    if (first === undefined) return false;
    const word = first.toLowerCase();
    return BASE_VERBS.has(word) || (word.length > 4 && /^[a-z]+ing$/.test(word));
  },
  render: () => "The response must start with a verb.",
  example: { args: {}, pass: "Write the tests first.", fail: "The tests come first." },
});

const VOWELS = "aeiouy";

/** syllapy's rule-based fallback (vowel groups, silent final e, consonant + "le"); its dictionary is not shipped. */
export function countSyllables(raw: string): number {
  const word = raw.toLowerCase().replace(/[^a-z]/g, "");
  if (word === "") return 0;
  let n = VOWELS.includes(word[0]) ? 1 : 0;
  for (let i = 1; i < word.length; i++) if (VOWELS.includes(word[i]) && !VOWELS.includes(word[i - 1])) n++;
  if (word.endsWith("e")) n--;
  if (word.endsWith("le") && word.length > 2 && !VOWELS.includes(word[word.length - 3])) n++;
  return n <= 0 ? 1 : n;
}

export const alternateParitySyllables = defineHardType({
  id: "words:odd_even_syllables",
  aliases: ["alternating_syllables"],
  summary: "Consecutive words (punctuation deleted) alternate between odd and even syllable counts (syllapy).",
  condition: () => "the words of the response alternate between odd and even numbers of syllables",
  schema: z.strictObject({}),
  approximate:
    "syllapy looks words up in its pronunciation dictionary first; we apply only its rule-based fallback, which miscounts some words.",
  check: (response) => {
    let previous = -1;
    for (const w of transformedWords(response, noPunctuationThenLower)) {
      if (pyStrip(w) === "") continue;
      const parity = countSyllables(w) % 2;
      if (parity === previous) return false;
      previous = parity;
    }
    return true;
  },
  render: () => "Alternate between words with odd and even numbers of syllables.",
  example: { args: {}, pass: "Cats enjoy warm pillows", fail: "Cats dogs birds" },
});
