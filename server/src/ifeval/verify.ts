// Strict and loose verdicts, exactly as IFEval's evaluation_lib computes them.

import type { HardConstraintType } from "./hard-type.js";
import { pyIsBlank, pyStrip } from "./python/py-text.js";
import { replaceLiteral } from "../util/replace-all.js";

export type VerifyMode = "strict" | "loose";

/**
 * The 8 texts loose mode tries, in the official order: the response, without
 * '*', without its first line, last line, both (each stripped), and those three
 * without '*'.
 */
export function looseVariants(response: string): readonly string[] {
  return Array.from({ length: LOOSE_VARIANT_COUNT }, (_, i) => looseVariant(response, i));
}

const LOOSE_VARIANT_COUNT = 8;

/**
 * The i-th loose variant, built on first use: a check usually passes on an early
 * variant, and each variant of a 10 MB response is another 10 MB string.
 * A response is verified against all its instructions in a row, so one slot suffices.
 */
function looseVariant(response: string, i: number): string {
  if (response !== lastResponse) {
    lastResponse = response;
    // Emptied in place: a scoped leaf verifies a million small items in a row (`each line`).
    lastVariants.fill(undefined);
    lastBlank.fill(undefined);
  }
  let v = lastVariants[i];
  if (v === undefined) {
    const noStars = (t: string) => replaceLiteral(t, "*", "");
    // The "\n".join of split("\n") slices, taken as slices of the response: splitting
    // builds one string per line (millions on a run of newlines).
    const first = response.indexOf("\n");
    const last = response.lastIndexOf("\n");
    switch (i) {
      case 0: v = response; break;
      case 1: v = noStars(response); break;
      case 2: v = first < 0 ? "" : pyStrip(response.slice(first + 1)); break;
      case 3: v = last < 0 ? "" : pyStrip(response.slice(0, last)); break;
      case 4: v = first === last ? "" : pyStrip(response.slice(first + 1, last)); break;
      default: v = noStars(looseVariant(response, i - 3));
    }
    lastVariants[i] = v;
  }
  return v;
}
let lastResponse: string | undefined;
const lastVariants: (string | undefined)[] = new Array<string | undefined>(LOOSE_VARIANT_COUNT).fill(undefined);
/** Whether each variant is blank: on a run of whitespace that test reads the whole run. */
const lastBlank: (boolean | undefined)[] = new Array<boolean | undefined>(LOOSE_VARIANT_COUNT).fill(undefined);

function repeatsEarlierVariant(response: string, text: string, i: number): boolean {
  for (let j = 0; j < i; j++) if (!isBlankVariant(response, j) && looseVariant(response, j) === text) return true;
  return false;
}

function isBlankVariant(response: string, i: number): boolean {
  const text = looseVariant(response, i);
  return (lastBlank[i] ??= pyIsBlank(text));
}

/**
 * Strict: the response is non-blank and passes. Loose: some variant is non-blank
 * and passes. `args` go through `type.schema` first (so "less_than" is normalised);
 * invalid args, or a checker that throws, count as not followed. Never throws.
 */
export function verifyInstruction(type: HardConstraintType, response: string, args: Record<string, unknown>, mode: VerifyMode): boolean {
  const parsed = type.schema.safeParse(args);
  return parsed.success && verifyParsed(type, response, parsed.data, mode);
}

/**
 * `verifyInstruction` with `args` already through `type.schema`: a scoped leaf checks one
 * constraint on many items (`each line`), and parsing the same arguments per item was a
 * large share of that time. Never throws.
 */
export function verifyParsed<A>(type: HardConstraintType<string, A>, response: string, args: A, mode: VerifyMode): boolean {
  const count = mode === "strict" ? 1 : LOOSE_VARIANT_COUNT;
  for (let i = 0; i < count; i++) {
    if (isBlankVariant(response, i)) continue;
    const text = looseVariant(response, i);
    // A variant equal to one already checked has its verdict (false): a response with no
    // '*' and no line break has one distinct variant, not eight to check in full.
    if (repeatsEarlierVariant(response, text, i)) continue;
    try {
      if (type.check(text, args)) return true;
    } catch {
      // fall through: not followed on this text
    }
  }
  return false;
}
