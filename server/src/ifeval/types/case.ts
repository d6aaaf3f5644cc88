// change_case:* — all-capital words, all-uppercase English, all-lowercase English.

import { z } from "zod";
import { compareCount, countSchema, defineHardType, relationSchema } from "../hard-type.js";
import { compared } from "../wording.js";
import { capitalWordCount, detectedLanguage } from "../text-cache.js";
import { pyIsLower, pyIsUpper } from "../python/py-text.js";

export const capitalWordFrequency = defineHardType({
  id: "change_case:capital_word_frequency",
  aliases: ["capital_words", "capital_word_frequency"],
  summary: "Counts all-capital words (nltk.word_tokenize tokens with str.isupper()) against a threshold.",
  condition: (a) => `words in all capital letters appear ${compared(a.capital_relation, a.capital_frequency, "time")} in the response`,
  relations: { threshold: { relation: "capital_relation", count: "capital_frequency" } },
  schema: z.strictObject({
    capital_frequency: countSchema("Threshold for the number of all-capital words."),
    capital_relation: relationSchema("the number of all-capital words"),
  }),
  check: (response, args) => compareCount(capitalWordCount(response), args.capital_relation, args.capital_frequency),
  render: (args) => `In your response, words with all capital letters should appear ${args.capital_relation} ${args.capital_frequency} times.`,
  example: { args: { capital_frequency: 2, capital_relation: "at least" }, pass: "This is VERY, VERY important.", fail: "This is Very important." },
});

// A language the detector cannot decide (langdetect raises) counts as followed, as upstream.
function isEnglishOrUndetectable(text: string): boolean {
  const language = detectedLanguage(text);
  return language === undefined || language === "en";
}

export const englishCapital = defineHardType({
  id: "change_case:english_capital",
  aliases: ["uppercase", "all_caps", "english_capital"],
  summary: "The response is English and in capital letters only (str.isupper()).",
  condition: () => "the response is in English and entirely in capital letters",
  schema: z.strictObject({}),
  check: (response) => pyIsUpper(response) && isEnglishOrUndetectable(response),
  render: () => "Your entire response should be in English, and in all capital letters.",
  example: { args: {}, pass: "THE MEETING STARTS AT NOON AND ENDS AT ONE.", fail: "The meeting starts at noon and ends at one." },
});

export const englishLowercase = defineHardType({
  id: "change_case:english_lowercase",
  aliases: ["lowercase", "english_lowercase"],
  summary: "The response is English and in lowercase letters only (str.islower()).",
  condition: () => "the response is in English and entirely in lowercase letters",
  relations: { excludes: [{ id: "change_case:english_capital", why: "a response cannot be all lowercase and all capitals" }] },
  schema: z.strictObject({}),
  check: (response) => pyIsLower(response) && isEnglishOrUndetectable(response),
  render: () => "Your entire response should be in English, and in all lowercase letters. No capital letters are allowed.",
  example: { args: {}, pass: "the meeting starts at noon and ends at one.", fail: "The meeting starts at noon and ends at one." },
});
