// Moving reused parts of a previous analysis to their place in the new text without
// touching them: `shifted` returns a copy in which every range at or after the edit
// is moved by the edit's length change, sharing every sub-object that did not move.
// Trees and analyses are values (ARCHITECTURE.md): an older version may still be
// held by a hover, a scoring run or a cache, so nothing here writes to its input.

import type { Range } from "../../../grammars/src/index.js";
/** A range object: exactly `start` and `end`, both numbers (argument values may have such keys among others). */
function isRange(value: object): value is Range {
  const r = value as Partial<Range>;
  return typeof r.start === "number" && typeof r.end === "number" && Object.keys(value).length === 2;
}

/**
 * `value` with every range whose start is at or after `at` moved by `delta`. Objects
 * and arrays containing no moved range are returned as they are (shared), so the
 * cost is the size of what moves. Validated hard-leaf arguments never hold ranges
 * and are always shared.
 */
export function shifted<T>(value: T, at: number, delta: number): T {
  if (delta === 0) return value;
  return shift(value, at, delta) as T;
}

// Hand-written rather than a generic deep-map: this runs over half a 10,000-line file on
// every keystroke, so it allocates only what moves and skips primitives inline.
function shift(value: unknown, at: number, delta: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return shiftArray(value, at, delta);
  if (isRange(value)) return shiftRange(value, at, delta);
  return shiftRecord(value as Record<string, unknown>, at, delta);
}

function shiftArray(value: unknown[], at: number, delta: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (v === null || typeof v !== "object") continue;
    const moved = shift(v, at, delta);
    if (moved !== v) {
      copy ??= value.slice();
      copy[i] = moved;
    }
  }
  return copy ?? value;
}

/** Every range field of the AST, the logic tree and diagnostics is named `range` or `...Range`. */
function isRangeKey(key: string): boolean {
  return key === "range" || key.endsWith("Range");
}

function shiftRange(r: Range, at: number, delta: number): Range {
  return r.start >= at ? { start: r.start + delta, end: r.end + delta } : r;
}

function shiftRecord(record: Record<string, unknown>, at: number, delta: number): Record<string, unknown> {
  const hardLeaf = record.kind === "hard";
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const v = record[key];
    if (v === null || typeof v !== "object" || (hardLeaf && key === "args")) continue;
    const moved = isRangeKey(key) ? shiftRange(v as Range, at, delta) : shift(v, at, delta);
    if (moved !== v) {
      copy ??= { ...record };
      copy[key] = moved;
    }
  }
  return copy ?? record;
}
