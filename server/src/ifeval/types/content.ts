// detectable_content:* — placeholders in square brackets, a postscript.

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pyStrip } from "../python/py-text.js";
import { countPlaceholders, withoutLeadingWhitespaceStar } from "../regex-scans.js";

// IFEval: len(re.findall(r"\[.*?\]", response)), as a linear scan.

export const numberPlaceholders = defineHardType({
  id: "detectable_content:number_placeholders",
  aliases: ["placeholders", "number_placeholders"],
  summary: "At least N placeholders in square brackets, such as [address].",
  schema: z.strictObject({ num_placeholders: countSchema("Minimum number of [placeholders].") }),
  check: (response, args) => countPlaceholders(response) >= args.num_placeholders,
  render: (args) => `The response must contain at least ${args.num_placeholders} placeholders represented by square brackets, such as [address].`,
  example: { args: { num_placeholders: 2 }, pass: "Dear [name], see you at [place].", fail: "Dear [name], see you soon." },
});

/**
 * The lower-cased line pattern IFEval uses for a marker (`\s*` + marker + `.*$`, MULTILINE;
 * the two official markers have their own), searched for. The leading `\s*` is dropped where
 * that gives the same search (see withoutLeadingWhitespaceStar): it made the search quadratic.
 */
function postscriptPattern(marker: string): RegExp | undefined {
  const stripped = pyStrip(marker);
  const rest = stripped === "P.P.S" ? String.raw`p\.\s?p\.\s?s.*$` : stripped === "P.S." ? String.raw`p\.\s?s\..*$` : stripped.toLowerCase() + ".*$";
  return compilePyRegex(withoutLeadingWhitespaceStar(rest) ?? String.raw`\s*` + rest, { multiline: true });
}

export const postscript = defineHardType({
  id: "detectable_content:postscript",
  aliases: ["postscript"],
  summary: "Contains a postscript starting with the marker (P.S. or P.P.S), anywhere, case-insensitive.",
  schema: z.strictObject({
    postscript_marker: z
      .string()
      .refine((s) => pyStrip(s) !== "" && postscriptPattern(s) !== undefined, "a non-empty marker (read as a Python regex unless P.S. or P.P.S)")
      .describe('The postscript marker: "P.S." or "P.P.S" (others are read as a lower-cased Python regex).'),
  }),
  check: (response, args) => {
    const pattern = postscriptPattern(args.postscript_marker);
    return pattern !== undefined && pattern.test(response.toLowerCase());
  },
  render: (args) => `At the end of your response, please explicitly add a postscript starting with ${pyStrip(args.postscript_marker)}`,
  example: { args: { postscript_marker: "P.S." }, pass: "See you soon.\nP.S. Bring snacks.", fail: "See you soon. Bring snacks." },
});
