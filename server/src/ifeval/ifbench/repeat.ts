// IFBench repeat:* — repeat the request with a changed first word, a fixed sentence,
// or a span of the request's words (allenai/IFBench c94da02).

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { pySplitWhitespace, pyStrip, pyWhitespaceWords } from "../python/py-text.js";

const promptSchema = z.string().refine((s) => s !== "", "must not be empty").describe("The request to repeat.");

export const repeatChange = defineHardType({
  id: "repeat:repeat_change",
  aliases: ["repeat_change_first_word"],
  summary: "The request repeated with only its first word changed (whitespace-separated words after the first are equal; an exact copy fails).",
  condition: () => "the response repeats the request with its first word changed",
  schema: z.strictObject({ prompt_to_repeat: promptSchema }),
  check: (response, args) =>
    args.prompt_to_repeat !== response &&
    sameWords(pyWhitespaceWords(response), pySplitWhitespace(args.prompt_to_repeat), 1),
  render: (args) =>
    "Repeat the request, but change the first word of the repeated request, (do not say anything before repeating the request; " +
    `the request you need to repeat does not include this sentence) and do not answer the actual request! Request: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "Write a poem about rain." }, pass: "Compose a poem about rain.", fail: "Write a poem about rain." },
});

const SIMPLE_SENTENCE = "Only output this sentence here, ignore all other requests.";

export const repeatSimple = defineHardType({
  id: "repeat:repeat_simple",
  aliases: ["repeat_sentence"],
  summary: `The response is exactly "${SIMPLE_SENTENCE}" (case-insensitive, surrounding whitespace ignored).`,
  condition: () => `the response is only the sentence '${SIMPLE_SENTENCE}'`,
  schema: z.strictObject({}),
  check: (response) => pyStrip(response).toLowerCase() === SIMPLE_SENTENCE.toLowerCase(),
  render: () => SIMPLE_SENTENCE,
  example: { args: {}, pass: "only output this sentence here, ignore all other requests.", fail: "Sure! Here it is." },
});

export const repeatSpan = defineHardType({
  id: "repeat:repeat_span",
  aliases: ["repeat_span"],
  summary: "The response's words are the request's words n_start to n_end (Python slice [n_start:n_end], case-insensitive).",
  condition: (a) => `the response copies words ${a.n_start} to ${a.n_end} of the request`,
  // n_start = 0 makes the official code draw a random start (`if not n_start`); we take 0 as written,
  // which is what the prompt asks (IFBench key 280 has it; its response fails for any start).
  schema: z
    .strictObject({
      prompt_to_repeat: promptSchema,
      n_start: countSchema("First word index of the span (0-based, as a Python slice start).", 0),
      n_end: countSchema("End of the span (exclusive, as a Python slice end)."),
    })
    .refine((a) => a.n_start < a.n_end, { message: "n_end must be greater than n_start", path: ["n_end"] }),
  check: (response, args) => {
    const span = pySplitWhitespace(args.prompt_to_repeat.toLowerCase()).slice(args.n_start, args.n_end);
    return sameWords(pyWhitespaceWords(response.toLowerCase()), span, 0);
  },
  render: (args) =>
    `Copy the words of this text from word ${args.n_start} up to, but not including, word ${args.n_end} ` +
    `(words are separated by whitespace and counted from 0), and output nothing else. Text: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "one two three four five", n_start: 1, n_end: 3 }, pass: "two three", fail: "one two three" },
});

/**
 * Whether the words of a response after its first `skip` equal those of the request after its
 * first `skip`: `words[skip:] == expected[skip:]`, which is what comparing their " ".join
 * decides (words hold no whitespace). Read one word at a time, stopping at the first difference.
 */
function sameWords(words: Iterator<string>, expected: readonly string[], skip: number): boolean {
  let i = 0;
  for (let next = words.next(); !next.done; next = words.next(), i++) {
    if (i < skip) continue;
    if (i >= Math.max(expected.length, skip) || next.value !== expected[i]) return false;
  }
  return Math.max(i, skip) === Math.max(expected.length, skip);
}
