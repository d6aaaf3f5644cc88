// startend:* — the response ends with a phrase, or is wrapped in double quotes.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { pyStrip, pyStripChars } from "../python/py-text.js";

export const endChecker = defineHardType({
  id: "startend:end_checker",
  aliases: ["end_with", "end_checker", "end_phrase"],
  summary: "The response ends with the phrase (case-insensitive; surrounding whitespace and double quotes ignored).",
  schema: z.strictObject({
    end_phrase: z.string().refine((s) => pyStrip(s) !== "", "must not be blank").describe("The exact phrase the response must end with."),
  }),
  check: (response, args) => pyStripChars(pyStrip(response), '"').toLowerCase().endsWith(pyStrip(args.end_phrase).toLowerCase()),
  render: (args) => `Finish your response with this exact phrase "${pyStrip(args.end_phrase)}". No other words should follow this phrase.`,
  example: { args: { end_phrase: "Any other questions?" }, pass: "That is all. Any other questions?", fail: "Any other questions? That is all." },
});

export const quotation = defineHardType({
  id: "startend:quotation",
  aliases: ["quotation", "wrap_in_quotes"],
  summary: "The whole response is wrapped in double quotation marks.",
  schema: z.strictObject({}),
  check: (response) => {
    const value = pyStrip(response);
    return value.length > 1 && value.startsWith('"') && value.endsWith('"');
  },
  render: () => "Wrap your entire response with double quotation marks.",
  example: { args: {}, pass: '"All of it is quoted."', fail: '"Only this" is quoted.' },
});
