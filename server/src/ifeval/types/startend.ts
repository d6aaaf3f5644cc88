// startend:* — the response ends with a phrase, or is wrapped in double quotes.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { quote } from "../wording.js";
import { excerpt } from "../../../../grammars/src/index.js";
import { pyStrip, pyStripChars } from "../python/py-text.js";
import { lowerEndsWith } from "../text/case-affixes.js";

/** Two required endings clash unless one ends with the other. */
function differentEndings(a: { end_phrase: string }, b: { end_phrase: string }): string | undefined {
  const x = a.end_phrase.toLowerCase().trim();
  const y = b.end_phrase.toLowerCase().trim();
  return x.endsWith(y) || y.endsWith(x) ? undefined : `the response cannot end with both '${excerpt(a.end_phrase)}' and '${excerpt(b.end_phrase)}'`;
}

export const endChecker = defineHardType({
  id: "startend:end_checker",
  aliases: ["end_with", "end_checker", "end_phrase"],
  summary: "The response ends with the phrase (case-insensitive; surrounding whitespace and double quotes ignored).",
  condition: (a) => `the response ends with the exact phrase ${quote(a.end_phrase)}`,
  relations: { conflictsWithSelf: differentEndings },
  schema: z.strictObject({
    end_phrase: z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe("The exact phrase the response must end with."),
  }),
  check: (response, args) => lowerEndsWith(pyStripChars(pyStrip(response), '"'), pyStrip(args.end_phrase).toLowerCase()),
  render: (args) => `Finish your response with this exact phrase "${pyStrip(args.end_phrase)}". No other words should follow this phrase.`,
  example: { args: { end_phrase: "Any other questions?" }, pass: "That is all. Any other questions?", fail: "Any other questions? That is all." },
});

export const quotation = defineHardType({
  id: "startend:quotation",
  aliases: ["quotation", "wrap_in_quotes"],
  summary: "The whole response is wrapped in double quotation marks.",
  condition: () => "the entire response is wrapped in double quotation marks",
  schema: z.strictObject({}),
  check: (response) => {
    const value = pyStrip(response);
    return value.length > 1 && value.startsWith('"') && value.endsWith('"');
  },
  render: () => "Wrap your entire response with double quotation marks.",
  example: { args: {}, pass: '"All of it is quoted."', fail: '"Only this" is quoted.' },
});
