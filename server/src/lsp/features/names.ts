// Go to definition, find references and rename for `define`d names.

import type { Range } from "../../../../grammars/src/index.js";
import type { Analysis } from "../../analysis/analyze.js";
import { partitionPoint } from "../../../../grammars/src/index.js";
import { touches } from "./syntax-path.js";

export interface NameAt {
  name: string;
  /** The occurrence under the cursor. */
  range: Range;
  definition: Range;
  references: Range[];
}

export function nameAt(analysis: Analysis, offset: number): NameAt | undefined {
  for (const [name, info] of analysis.names) {
    const definition = info.define.nameRange;
    if (!definition) continue;
    if (touches(definition, offset)) return { name, range: definition, definition, references: info.references };
    const ref = info.references.find((r) => touches(r, offset));
    if (ref) return { name, range: ref, definition, references: info.references };
  }
  return undefined;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["prompt", "gamma", "define", "first", "then", "finally", "if", "else", "and", "soft", "in", "each"]);

export type RenameResult = { edits: { range: Range; newText: string }[] } | { error: string };

export function renameName(analysis: Analysis, offset: number, newName: string): RenameResult | undefined {
  const at = nameAt(analysis, offset);
  if (!at) return undefined;
  if (!IDENT.test(newName) || KEYWORDS.has(newName.toLowerCase())) return { error: `'${newName}' is not a valid name (letters, digits and _, not a keyword).` };
  if (newName !== at.name && analysis.names.has(newName)) return { error: `'${newName}' is already defined.` };
  return { edits: [at.definition, ...at.references].map((range) => ({ range, newText: newName })) };
}

/**
 * At most `limit` of `ranges`, in source order: a run of consecutive ones around `offset`,
 * as even on both sides as the ends allow. For highlights of a name used a million times,
 * the ones on screen around the cursor are those worth sending (lsrif.maxItemsComputed).
 */
export function rangesAround(ranges: readonly Range[], offset: number, limit: number): Range[] {
  if (ranges.length <= limit) return ranges.slice();
  if (limit <= 0) return [];
  let ordered = true;
  for (let i = 1; i < ranges.length && ordered; i++) ordered = ranges[i - 1].start <= ranges[i].start;
  const sorted = ordered ? ranges : ranges.slice().sort((a, b) => a.start - b.start);
  const at = partitionPoint(sorted.length, (i) => sorted[i].start > offset);
  const from = Math.max(0, Math.min(at - Math.floor(limit / 2), sorted.length - limit));
  return sorted.slice(from, from + limit);
}
