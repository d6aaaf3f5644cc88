// Strict and loose verdicts, exactly as IFEval's evaluation_lib computes them.

import type { HardConstraintType } from "./hard-type.js";
import { pyStrip } from "./python/py-text.js";

export type VerifyMode = "strict" | "loose";

/**
 * The 8 texts loose mode tries, in the official order: the response, without
 * '*', without its first line, last line, both (each stripped), and those three
 * without '*'.
 */
export function looseVariants(response: string): readonly string[] {
  if (response === lastResponse) return lastVariants;
  const lines = response.split("\n");
  const removeFirst = pyStrip(lines.slice(1).join("\n"));
  const removeLast = pyStrip(lines.slice(0, -1).join("\n"));
  const removeBoth = pyStrip(lines.slice(1, -1).join("\n"));
  const noStars = (s: string) => s.replaceAll("*", "");
  lastVariants = [response, noStars(response), removeFirst, removeLast, removeBoth, noStars(removeFirst), noStars(removeLast), noStars(removeBoth)];
  lastResponse = response;
  return lastVariants;
}
// A response is verified against all its instructions in a row, so one slot suffices.
let lastResponse: string | undefined;
let lastVariants: readonly string[] = [];

/**
 * Strict: the response is non-blank and passes. Loose: some variant is non-blank
 * and passes. `args` go through `type.schema` first (so "less_than" is normalised);
 * invalid args, or a checker that throws, count as not followed. Never throws.
 */
export function verifyInstruction(type: HardConstraintType, response: string, args: Record<string, unknown>, mode: VerifyMode): boolean {
  const parsed = type.schema.safeParse(args);
  if (!parsed.success) return false;
  const texts = mode === "strict" ? [response] : looseVariants(response);
  for (const text of texts) {
    if (pyStrip(text) === "") continue;
    try {
      if (type.check(text, parsed.data)) return true;
    } catch {
      // fall through: not followed on this text
    }
  }
  return false;
}
