// The contract of one hard constraint type (IFEval, IFBench or IF-RLVR), and schema pieces that
// several types share.

import { z } from "zod";
import { advanceStringIndex } from "../util/replace-all.js";

/** The benchmark or training set a type comes from. */
export type SourceFamily = "IFEval" | "IFBench" | "IF-RLVR";

type ArgName<A> = keyof A & string;

/**
 * What the contradiction check needs to know of a type; `analysis/contradictions.ts`
 * derives its rules and partner table from these declarations and nothing else.
 */
export interface HardRelations<A> {
  /** A numeric threshold: two of this type with opposite relations can clash (per subject, if any). */
  threshold?: { relation: ArgName<A>; count: ArgName<A>; subject?: ArgName<A> };
  /** An exact count: two of this type with different values clash. */
  exactCount?: { arg: ArgName<A>; noun: string };
  /** Two of this type with different values of this argument clash (one response has one language). */
  exclusiveArg?: { arg: ArgName<A>; why: (a: string, b: string) => string };
  /**
   * Types no response can satisfy together with this one (symmetric; declared on one side),
   * only when `when` holds if given (it sees this leaf's and the other leaf's arguments).
   */
  excludes?: readonly { id: string; why: string; when?: (self: A, other: Record<string, unknown>) => boolean }[];
  /** Words a response must contain (lower-cased). */
  requiredWords?: (args: A) => string[];
  /** Words a response must not contain (lower-cased). */
  forbiddenWords?: (args: A) => string[];
  /** Any other clash between two of this type: a short reason, or undefined. */
  conflictsWithSelf?: (a: A, b: A) => string | undefined;
}

export interface HardConstraintType<Id extends string = string, A = Record<string, unknown>> {
  /** Canonical id as the official code spells it, e.g. "length_constraints:number_words". */
  id: Id;
  /** Readable names for .lsr, unique across types, without a colon. */
  aliases: readonly string[];
  /** One line: what it checks. */
  summary: string;
  /** Validates the kwargs, with the official argument names. */
  schema: z.ZodType<A>;
  /** The official check on one text (no strict/loose handling). Never throws. */
  check(response: string, args: A): boolean;
  /** Our own wording of the constraint for a prompt. */
  render(args: A): string;
  /** The constraint read as a condition on the response, for `if` ("the response has at least 5 words"). */
  condition(args: A): string;
  /** Facts for the contradiction check. */
  relations?: HardRelations<A>;
  /** Why our verdicts may differ from the official code's (data we cannot ship exactly); absent when exact. */
  approximate?: string;
  /** For hover docs; tests assert check(pass) and !check(fail). */
  example: { args: A; pass: string; fail: string };
}

/** A declared type as the registry holds it: with the family it was registered under. */
export type RegisteredHardType<Id extends string = string> = HardConstraintType<Id> & { readonly family: SourceFamily };

/** Identity helper that keeps the id literal and ties the args type to the schema. */
export function defineHardType<const Id extends string, S extends z.ZodType<Record<string, unknown>>>(
  type: HardConstraintType<Id, z.output<S>> & { schema: S },
): HardConstraintType<Id, z.output<S>> {
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
