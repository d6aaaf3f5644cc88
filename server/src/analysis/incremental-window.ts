// The part of an edited file that must be parsed again: the top-level entries the
// edit touches plus the gaps around them, re-lexed and re-parsed on their own.
// Returns undefined whenever parsing the window alone might not give what parsing
// the whole new text gives; the caller then analyses the whole file.

import type { Comment, ItemNode, Range } from "../../../grammars/src/index.js";
import { limitNesting, MAX_NESTING_DEPTH } from "../../../grammars/src/index.js";
import { parseTokens } from "../../../grammars/src/index.js";
import { partitionPoint, tokenEnd, tokenize } from "../../../grammars/src/index.js";
/** The first and last changed offsets: old text [start, oldEnd) became new text [start, newEnd). */
export interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Compared in blocks first: equal blocks compare natively, far faster than a loop over characters. */
const BLOCK = 512;

export function findChange(oldText: string, newText: string): Change | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + BLOCK <= max && oldText.substr(start, BLOCK) === newText.substr(start, BLOCK)) start += BLOCK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && oldText.substr(oldEnd - BLOCK, BLOCK) === newText.substr(newEnd - BLOCK, BLOCK)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** A top-level entry as the window needs it: its range, whether it is an item, and how it begins. */
export interface EntryShape {
  range: Range;
  isItem: boolean;
  /** Starts with `then`, `finally` or `else`: it could attach to the entry before it. */
  continues: boolean;
}

export interface Window {
  /** Index of the first replaced entry, and how many are replaced. */
  first: number;
  count: number;
  /** Old-text window [oldStart, oldEnd); it starts at the same offset in the new text. */
  oldStart: number;
  oldEnd: number;
  newEnd: number;
  items: ItemNode[];
  comments: Comment[];
}

/** Whether an item begins with a keyword that continues the structure before it. */
export function continues(item: ItemNode): boolean {
  return item.kind === "orphan-else" || (item.kind === "sequence" && item.steps[0]?.keyword !== "first");
}

const SPACE = /[ \t\r\n\f\v\u00a0\ufeff]/;

/** Ends with a bare `soft` keyword: a following name would become its category. */
function endsWithSoft(text: string, end: number): boolean {
  return end >= 4 && text.slice(end - 4, end).toLowerCase() === "soft";
}

/** First index whose entry ends at or after `offset` (entries are in source order). */
function firstEndingAtOrAfter(entries: EntryShape[], offset: number): number {
  return partitionPoint(entries.length, (i) => entries[i].range.end >= offset);
}

/** Last index whose entry starts at or before `offset`, or -1. */
function lastStartingAtOrBefore(entries: EntryShape[], offset: number): number {
  return partitionPoint(entries.length, (i) => entries[i].range.start > offset) - 1;
}

export function parseWindow(oldText: string, newText: string, change: Change, entries: EntryShape[]): Window | undefined {
  const first = firstEndingAtOrAfter(entries, change.start);
  const last = lastStartingAtOrBefore(entries, change.oldEnd);
  for (let i = first; i <= last; i++) if (!entries[i].isItem) return undefined;
  const before = entries[first - 1] as EntryShape | undefined;
  const after = entries[last + 1] as EntryShape | undefined;
  const oldStart = before ? before.range.end : 0;
  const oldEnd = after ? after.range.start : oldText.length;
  if (before && (!SPACE.test(oldText[oldStart]) || endsWithSoft(oldText, oldStart))) return undefined;
  if (after && (after.continues || !SPACE.test(oldText[oldEnd - 1]))) return undefined;
  const delta = newText.length - oldText.length;
  const newEnd = oldEnd + delta;

  const lexed = tokenize(newText.slice(oldStart, newEnd));
  if (lexed.errors.length > 0) return undefined;
  for (const t of lexed.tokens) {
    t.startOffset += oldStart;
    if (t.endOffset !== undefined) t.endOffset += oldStart;
  }
  const comments: Comment[] = [];
  for (const c of lexed.comments) {
    if (after && tokenEnd(c) + oldStart === newEnd) return undefined; // a comment cut off by the window's end
    const body = c.image.trimEnd();
    comments.push({ text: body, range: { start: c.startOffset + oldStart, end: c.startOffset + oldStart + body.length } });
  }
  const nestingErrors: { message: string; range: Range }[] = [];
  const tokens = limitNesting(lexed.tokens, nestingErrors, MAX_NESTING_DEPTH);
  if (nestingErrors.length > 0) return undefined;
  const { ast, parserErrors, buildErrors } = parseTokens(tokens, newText.length);
  if (parserErrors.length > 0 || buildErrors.length > 0) return undefined;
  if (ast.prompts.length > 0 || ast.gammas.length > 0 || ast.defines.length > 0) return undefined;
  const items = ast.items;
  if (items.length > 0 && before && continues(items[0])) return undefined;
  if (items.length > 0 && after && endsWithSoft(newText, items[items.length - 1].range.end)) return undefined;
  return { first, count: last - first + 1, oldStart, oldEnd, newEnd, items, comments };
}
