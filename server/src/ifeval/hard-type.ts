// The contract of one IFEval hard constraint type, and schema pieces that
// several types share.

import { z } from "zod";
import { advanceStringIndex } from "../util/replace-all.js";

export interface HardConstraintType<A = Record<string, unknown>> {
  /** Canonical IFEval id, e.g. "length_constraints:number_words". */
  id: string;
  /** Readable names for .lsr, unique across types, without a colon. */
  aliases: readonly string[];
  /** One line: what it checks. */
  summary: string;
  /** Validates the kwargs, with IFEval's own argument names. */
  schema: z.ZodType<A>;
  /** The official check on one text (no strict/loose handling). Never throws. */
  check(response: string, args: A): boolean;
  /** Our own wording of the constraint for a prompt. */
  render(args: A): string;
  /** For hover docs; tests assert check(pass) and !check(fail). */
  example: { args: A; pass: string; fail: string };
}

/** Identity helper that keeps the args type tied to the schema. */
export function defineHardType<S extends z.ZodType<Record<string, unknown>>>(
  type: HardConstraintType<z.output<S>> & { schema: S },
): HardConstraintType<z.output<S>> {
  return type;
}

export const RELATIONS = ["less than", "at least"] as const;
export type Relation = (typeof RELATIONS)[number];

/** The official relation spellings; "less_than"/"at_least" are accepted and normalised. */
export function relationSchema(what: string) {
  return z
    .preprocess((v) => (v === "less_than" ? "less than" : v === "at_least" ? "at least" : v), z.enum(RELATIONS))
    .describe(`"less than" (count < threshold) or "at least" (count >= threshold) for ${what}`);
}

export function countSchema(description: string, min = 1) {
  return z.int().min(min).describe(description);
}

export function compareCount(actual: number, relation: Relation, threshold: number): boolean {
  return relation === "less than" ? actual < threshold : actual >= threshold;
}

/**
 * Counts matches of a global regex (Python `len(re.findall(...))`, empty matches included),
 * stepping as `String.prototype.match` does, without building the array of every match.
 */
export function countMatches(text: string, regex: RegExp): number {
  if (!regex.global) return regex.test(text) ? 1 : 0; // exec would not advance
  regex.lastIndex = 0;
  let count = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    count++;
    if (match[0] === "") regex.lastIndex = advanceStringIndex(text, regex.lastIndex, regex.unicode);
  }
  return count;
}

/** Non-overlapping occurrences of `needle` (not empty), like `text.split(needle).length - 1` without the pieces. */
export function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}
