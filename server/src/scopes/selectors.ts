// Deterministic selectors as pure functions: a text in, the spans it selects out
// (offsets into that text, end exclusive, each stripped of Python whitespace).
// Every function is one linear pass over the text. See docs/language.md, "Scopes".

import type { ListKind, Selector } from "../analysis/logic.js";
import { compilePyRegex } from "../ifeval/python/py-regex.js";
import { PY_WHITESPACE_CLASS } from "../ifeval/python/py-text.js";

export interface Span {
  readonly start: number;
  readonly end: number;
}

const SPACE = new RegExp(`[${PY_WHITESPACE_CLASS}]`, "u");
const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);

/** `[start, end)` without Python whitespace at either end; undefined when nothing is left. */
export function stripped(text: string, start: number, end: number): Span | undefined {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** Pieces of `text` between occurrences of `separator`, stripped, blank ones dropped. */
function pieces(text: string, separator: string): Span[] {
  const out: Span[] = [];
  forEachPiece(text, separator, (start, end) => out.push({ start, end }) > 0);
  return out;
}

/** Paragraphs as IFEval's nth_paragraph_first_word splits them: at "\n\n", blank pieces dropped. */
export function paragraphs(text: string): Span[] {
  return pieces(text, "\n\n");
}

/** Non-blank lines (split at "\n"). */
export function lines(text: string): Span[] {
  return pieces(text, "\n");
}

/**
 * Calls `visit(start, end)` for every line (blank ones too, unstripped), split at "\n", until it returns false.
 * No array of spans: on a 10 MB response of short lines that array alone was a million
 * objects for the garbage collector (the scoped-scoring benchmark's superlinear part).
 */
function forEachRawLine(text: string, visit: (start: number, end: number) => boolean | void): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf("\n", from);
    if (visit(from, at < 0 ? text.length : at) === false || at < 0) return;
    from = at + 1;
  }
}

// A list item's marker: `*` (not `**`, IFEval's bullet pattern) or `-`, or digits with `.` or `)`; then whitespace.
// Sticky, matched in place at each line's start (no slice per line); neither can cross a "\n".
const BULLET = /[ \t]*(?:\*(?!\*)|-)[ \t]+/y;
const NUMBERED = /[ \t]*\d+[.)][ \t]+/y;

/** The length of the list marker at `start`, or -1. */
function markerLength(text: string, start: number, pattern: RegExp): number {
  pattern.lastIndex = start;
  const m = pattern.exec(text);
  return m ? m[0].length : -1;
}

/** List items: the text after each item's marker, to the end of its line. */
export function listItems(text: string, list: ListKind): Span[] {
  const out: Span[] = [];
  forEachRawLine(text, (start, end) => {
    let length = list !== "numbered" ? markerLength(text, start, BULLET) : -1;
    if (length < 0 && list !== "bullet") length = markerLength(text, start, NUMBERED);
    // A marker's trailing whitespace never includes "\n", so it ends within the line.
    if (length < 0 || start + length > end) return;
    const item = stripped(text, start + length, end);
    if (item) out.push(item);
  });
  return out;
}

/** Lines where Python's `re.search(pattern, line)` finds a match; undefined when the pattern does not compile. */
export function linesMatching(text: string, pattern: string): Span[] | undefined {
  const regex = compilePyRegex(pattern);
  if (regex === undefined) return undefined;
  const out: Span[] = [];
  forEachRawLine(text, (start, end) => {
    regex.lastIndex = 0;
    if (!regex.test(text.slice(start, end))) return;
    const span = stripped(text, start, end);
    if (span) out.push(span);
  });
  return out;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

function headingName(raw: string): string {
  return raw.replace(/[*_`]/g, "").trim().toLowerCase();
}

/**
 * The Markdown section whose heading text is `name` (case-insensitive, emphasis ignored), up to
 * the next heading of the same or a higher level; else the text after an IFEval section marker
 * (a line starting with `name`, such as `SECTION 2`) up to the next line starting with the
 * marker's first word and a number.
 */
export function section(text: string, name: string): Span | undefined {
  const wanted = headingName(name);
  let level = 0;
  let from = -1;
  let end = text.length;
  // One pass: find the heading, then the next heading of the same or a higher level.
  forEachRawLine(text, (start, lineEnd) => {
    const heading = mayBeHeading(text, start, lineEnd) ? HEADING.exec(text.slice(start, lineEnd)) : null;
    if (from < 0) {
      if (heading && headingName(heading[2]) === wanted) {
        level = heading[1].length;
        from = Math.min(lineEnd + 1, text.length);
      }
      return true;
    }
    if (heading && heading[1].length <= level) {
      end = start;
      return false;
    }
    return true;
  });
  return from >= 0 ? stripped(text, from, end) : markerSection(text, name.trim());
}

/** Whether the line can match HEADING (up to 3 spaces, then "#"): most lines are rejected without a slice. */
function mayBeHeading(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text[i] === " ") i++;
  return i < end && text[i] === "#";
}

function markerSection(text: string, name: string): Span | undefined {
  const word = /^\S+/.exec(name)?.[0];
  if (word === undefined) return undefined;
  const nextMarker = new RegExp(`^[ \\t]*${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*\\d+`);
  let from = -1;
  let end = text.length;
  forEachRawLine(text, (start, lineEnd) => {
    const line = text.slice(start, lineEnd);
    if (from < 0) {
      const lead = line.length - line.trimStart().length;
      if (!line.startsWith(name, lead)) return true;
      // The marker must end at a word boundary: "SECTION 1" is not the start of "SECTION 10".
      const after = line[lead + name.length];
      if (after !== undefined && /[\p{L}\p{N}_]/u.test(after)) return true;
      from = start + lead + name.length;
      return true;
    }
    if (nextMarker.test(line)) {
      end = start;
      return false;
    }
    return true;
  });
  return from >= 0 ? stripped(text, from, end) : undefined;
}

export function before(text: string, marker: string): Span | undefined {
  const at = text.indexOf(marker);
  return at < 0 ? undefined : stripped(text, 0, at);
}

export function after(text: string, marker: string): Span | undefined {
  const at = text.indexOf(marker);
  return at < 0 ? undefined : stripped(text, at + marker.length, text.length);
}

export function between(text: string, start: string, end: string): Span | undefined {
  const a = text.indexOf(start);
  if (a < 0) return undefined;
  const b = text.indexOf(end, a + start.length);
  return b < 0 ? undefined : stripped(text, a + start.length, b);
}

/** Items `from..to` (1-based, negative from the end, inclusive); undefined when the range is not all there. */
export function pick<T>(items: readonly T[], from: number, to: number): T[] | undefined {
  const first = from > 0 ? from - 1 : items.length + from;
  const last = to > 0 ? to - 1 : items.length + to;
  if (first < 0 || last >= items.length || first > last) return undefined;
  return items.slice(first, last + 1);
}

/**
 * `pick(pieces(text, separator), from, to)` without building the spans it does not return:
 * `last 3 lines` of a 10 MB response counts the lines in one pass and keeps three spans,
 * not a million. Same pieces, same range rule.
 */
export function pickPieces(text: string, separator: string, from: number, to: number): Span[] | undefined {
  let count = 0;
  if (from < 0 || to < 0) forEachPiece(text, separator, () => ++count > 0);
  const first = from > 0 ? from - 1 : count + from;
  const last = to > 0 ? to - 1 : count + to;
  if (first < 0 || first > last) return undefined;
  const out: Span[] = [];
  let index = 0;
  forEachPiece(text, separator, (start, end) => {
    if (index >= first) out.push({ start, end });
    return ++index <= last;
  });
  return out.length === last - first + 1 ? out : undefined;
}

/** Walks the non-blank pieces between separators, stripped; `visit` returns false to stop. Allocates nothing. */
function forEachPiece(text: string, separator: string, visit: (start: number, end: number) => boolean): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf(separator, from);
    const end = at < 0 ? text.length : at;
    let start = from;
    let stop = end;
    while (start < stop && isSpace(text[start])) start++;
    while (stop > start && isSpace(text[stop - 1])) stop--;
    if (start < stop && !visit(start, stop)) return;
    if (at < 0) return;
    from = at + separator.length;
  }
}

/**
 * What a deterministic selector yields in `text`: its items (one span each; one item for
 * section and marker selectors), and whether they form a contiguous range (`paragraphs 2..3`,
 * `first 3 lines`), which `in` checks as one slice. Undefined: nothing matched.
 */
export function selectItems(selector: Exclude<Selector, { kind: "extract" }>, text: string): { items: Span[]; contiguous: boolean } | undefined {
  const one = (span: Span | undefined) => (span ? { items: [span], contiguous: true } : undefined);
  switch (selector.kind) {
    case "paragraphs":
    case "lines": {
      const items = pickPieces(text, selector.kind === "paragraphs" ? "\n\n" : "\n", selector.from, selector.to);
      return items && { items, contiguous: true };
    }
    case "items": {
      const items = pick(listItems(text, selector.list), selector.from, selector.to);
      return items && { items, contiguous: false };
    }
    case "lines-matching": {
      const items = linesMatching(text, selector.pattern);
      return items && items.length > 0 ? { items, contiguous: false } : undefined;
    }
    case "section":
      return one(section(text, selector.name));
    case "before":
      return one(before(text, selector.marker));
    case "after":
      return one(after(text, selector.marker));
    case "between":
      return one(between(text, selector.start, selector.end));
  }
}
