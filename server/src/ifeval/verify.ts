// Strict and loose verdicts, exactly as IFEval's evaluation_lib computes them.

import type { HardConstraintType } from "./hard-type.js";
import { pyIsBlank, pySkipWhitespace, pyTrimEnd } from "./python/py-text.js";
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
    lastRanges.fill(undefined);
  }
  let v = lastVariants[i];
  if (v === undefined) {
    const range = i >= 2 ? cachedLineDropRange(response, i <= 4 ? i : i - 3) : undefined;
    if (i === 0) v = response;
    else if (i === 1) v = replaceLiteral(response, "*", "");
    else if (range === undefined) v = "";
    else if (i <= 4) v = response.slice(range[0], range[1]);
    else {
      // Without '*', a range of the response is the same range of variant 1 less the stars
      // before it: one star-free copy of the text instead of four.
      const noStars = looseVariant(response, 1);
      const starsBefore = countStars(response, 0, range[0]);
      v = noStars.slice(range[0] - starsBefore, range[1] - starsBefore - countStars(response, range[0], range[1]));
    }
    lastVariants[i] = v;
  }
  return v;
}
/**
 * Variants 2-4 as a range of the response: the "\n".join of split("\n") slices without the
 * first line, the last, or both, stripped (splitting would build one string per line:
 * millions on a run of newlines). Undefined where the variant is "".
 */
function lineDropRange(response: string, i: number): [number, number] | undefined {
  const first = response.indexOf("\n");
  const last = response.lastIndexOf("\n");
  let start: number;
  let end: number;
  if (i === 2) {
    if (first < 0) return undefined;
    [start, end] = [first + 1, response.length];
  } else if (i === 3) {
    if (last < 0) return undefined;
    [start, end] = [0, last];
  } else {
    if (first === last) return undefined;
    [start, end] = [first + 1, last];
  }
  // The regex scan to the end, clamped, rather than a loop to `end`: a few times faster on a
  // million newlines, and the same index.
  start = Math.min(pySkipWhitespace(response, start), end);
  return [start, pyTrimEnd(response, end, start)];
}

/** Variants 5-7 are 2-4 without '*': each range is worked out once per response. */
function cachedLineDropRange(response: string, i: number): [number, number] | undefined {
  const cached = lastRanges[i];
  if (cached !== undefined) return cached === "none" ? undefined : cached;
  const range = lineDropRange(response, i);
  lastRanges[i] = range ?? "none";
  return range;
}

function countStars(text: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf("*", from); at >= 0 && at < to; at = text.indexOf("*", at + 1)) n++;
  return n;
}

let lastResponse: string | undefined;
const lastVariants: (string | undefined)[] = new Array<string | undefined>(LOOSE_VARIANT_COUNT).fill(undefined);
/** Whether each variant is blank: on a run of whitespace that test reads the whole run. */
const lastBlank: (boolean | undefined)[] = new Array<boolean | undefined>(LOOSE_VARIANT_COUNT).fill(undefined);
/** lineDropRange of variants 2-4 ("none": the variant is ""). */
const lastRanges: ([number, number] | "none" | undefined)[] = new Array<[number, number] | "none" | undefined>(5).fill(undefined);

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
