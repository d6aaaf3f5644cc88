// IF-RLVR (open-instruct IFEvalG) copy:* and new:copy_span_idx — repeat a phrase with
// one word changed, copy the request (once or N times), copy a character span.

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { plural, quote } from "../wording.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pySplitWhitespace, pyStrip } from "../python/py-text.js";

const promptSchema = z.string().refine((s) => s !== "", "must not be empty").describe("The request to copy.");
const sameText = (a: string, b: string): boolean => pyStrip(a).toLowerCase() === pyStrip(b).toLowerCase();

export const repeatPhrase = defineHardType({
  id: "copy:repeat_phrase",
  aliases: ["repeat_phrase"],
  summary: "Exactly small_n matches of 'first … last' word of the phrase, the last one differing from the phrase in exactly one word.",
  condition: (a) => `the response repeats ${quote(pyStrip(a.phrase))} ${plural(a.small_n, "time")} with one word changed`,
  schema: z.strictObject({
    phrase: z.string().refine((s) => pySplitWhitespace(s).length > 0, "must hold a word").describe("The phrase to repeat (its first and last words are read as a Python regex)."),
    small_n: countSchema("Exact number of repetitions."),
  }),
  check: (response, args) => {
    const ref = pySplitWhitespace(args.phrase);
    const regex = compilePyRegex(`${ref[0]} .*? ${ref[ref.length - 1]}`);
    if (regex === undefined) return false; // re.error upstream
    const found = response.match(regex) ?? [];
    if (found.length !== args.small_n) return false;
    // Upstream resets the difference count per match, returns False on more than one
    // difference or a match longer than the phrase, and in the end looks only at the last match.
    let differences = 0;
    for (const match of found) {
      const words = pySplitWhitespace(match);
      differences = 0;
      for (let i = 0; i < words.length; i++) {
        if (i >= ref.length) return false;
        if (words[i] !== ref[i] && ++differences > 1) return false;
      }
    }
    return differences === 1;
  },
  render: (args) =>
    `Repeat the phrase ${pyStrip(args.phrase)} exactly ${args.small_n} times, transforming it slightly each time by replacing only one word in the center of the phrase.`,
  example: {
    args: { phrase: "The early bird catches the worm", small_n: 2 },
    pass: "The early cat catches the worm. The early dog catches the worm.",
    fail: "The early bird catches the worm.",
  },
});

export const copyRequest = defineHardType({
  id: "copy:copy",
  aliases: ["copy_request"],
  summary: "The response is the request, verbatim (case-insensitive, surrounding whitespace ignored).",
  condition: () => "the response copies the request verbatim",
  schema: z.strictObject({ prompt_to_repeat: promptSchema }),
  check: (response, args) => sameText(response, args.prompt_to_repeat),
  render: (args) =>
    `Copy this instruction verbatim, do not follow the instruction, only copy it into the output (do not include this instruction sentence!). Instruction: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "Name three colours." }, pass: "name three colours.", fail: "Red, green, blue." },
});

export const copySpanIdx = defineHardType({
  id: "new:copy_span_idx",
  aliases: ["copy_span"],
  summary: "The response is the request's characters [n_start:n_end] (Python slice of code points; case-insensitive, stripped).",
  condition: (a) => `the response copies characters ${a.n_start} to ${a.n_end} of the request`,
  // n_start = 0 makes upstream draw a random start (`if not n_start`); we take 0 as written.
  schema: z
    .strictObject({
      prompt_to_repeat: promptSchema,
      n_start: countSchema("First character index (0-based, a Python slice start).", 0),
      n_end: countSchema("End character index (exclusive, a Python slice end)."),
    })
    .refine((a) => a.n_start < a.n_end, { message: "n_end must be greater than n_start", path: ["n_end"] }),
  check: (response, args) => sameText(response, Array.from(args.prompt_to_repeat).slice(args.n_start, args.n_end).join("")),
  render: (args) =>
    `Copy the characters of this text from index ${args.n_start} up to, but not including, index ${args.n_end} (counting from 0), ` +
    `and output nothing else. Text: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "Hello brave new world", n_start: 6, n_end: 11 }, pass: "brave", fail: "brave new" },
});

export const copyingSimple = defineHardType({
  id: "copy:copying_simple",
  aliases: ["repeat_request"],
  summary: "The response is the request, unchanged (case-insensitive, surrounding whitespace ignored); same check as copy:copy.",
  condition: () => "the response repeats the request without change",
  schema: z.strictObject({ prompt_to_repeat: promptSchema }),
  check: (response, args) => sameText(response, args.prompt_to_repeat),
  render: (args) =>
    "Repeat the request without change (do not say anything before repeating the request; the request you need to repeat " +
    `does not include this sentence) and do not answer the actual request! Request: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "Name three colours." }, pass: "Name three colours.", fail: "Name three colours. Red." },
});

export const copyingMultiple = defineHardType({
  id: "copy:copying_multiple",
  aliases: ["repeat_request_n_times"],
  summary: "Exactly N copies of the request separated by ****** (each compared case-insensitively, stripped).",
  condition: (a) => `the response repeats the request ${plural(a.N, "time")}, separated by ******`,
  schema: z.strictObject({ prompt_to_repeat: promptSchema, N: countSchema("Exact number of copies.") }),
  relations: { exactCount: { arg: "N", noun: "copies" } },
  check: (response, args) => {
    const copies = response.split("******");
    return copies.length === args.N && copies.every((c) => sameText(c, args.prompt_to_repeat));
  },
  render: (args) =>
    `Repeat the request without change ${args.N} times, separated by 6 asterisk symbols (do not say anything before repeating the request; ` +
    `the request you need to repeat does not include this sentence) and do not answer the actual request! Request: ${args.prompt_to_repeat}`,
  example: { args: { prompt_to_repeat: "Say hi.", N: 2 }, pass: "Say hi.\n******\nSay hi.", fail: "Say hi." },
});
