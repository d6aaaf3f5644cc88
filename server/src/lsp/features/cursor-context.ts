// What kind of place the cursor is in, from the tokens before it: inside a string
// or comment, in a call's argument list (at a name or a value), after `soft`, or
// where a constraint or structure can start. Works on broken text.

import type { IToken } from "chevrotain";
import type { FileNode, Range } from "../../../../grammars/src/index.js";
import { tokenize, tokenTypes } from "../../../../grammars/src/index.js";
import { topLevelIndexBefore, topLevelNodes } from "./syntax-path.js";

export type CursorContext =
  | { kind: "none" }
  | { kind: "argument-name"; call: string; given: string[]; argIndex: number }
  /** `string`: the string literal the cursor is in, which a value completion replaces. */
  | { kind: "argument-value"; call: string; argument: string; argIndex: number; string: Range | undefined }
  | { kind: "soft-category" }
  /** Right after `in` / `each` (or `in first`, `in last 3`): a selector goes here. */
  | { kind: "selector"; afterPosition: boolean }
  /** `previousEnd`: where the last token before the typed word ends (what the item may continue). */
  | { kind: "item"; afterDefine: boolean; after?: StructureKeyword; nested?: boolean; previousEnd?: number };

/** A structure keyword right before the cursor: what may follow it is narrower than at an item's start. */
export type StructureKeyword = "first" | "then" | "finally" | "if" | "else" | "and";

export interface CursorInfo {
  context: CursorContext;
  /** The identifier being typed, which a completion replaces. */
  wordRange: Range;
}

const WORD = /[A-Za-z0-9_:]/;

export function wordRangeAt(text: string, offset: number): Range {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return { start, end };
}

/** Tokens from `from` to the end of the cursor's line, with offsets into the whole text. */
function tokenizeWindow(text: string, from: number, offset: number): { tokens: IToken[]; comments: IToken[] } {
  let to = offset;
  while (to < text.length && text[to] !== "\n" && text[to] !== "\r") to++;
  const result = tokenize(text.slice(from, to));
  if (from > 0) for (const t of [...result.tokens, ...result.comments]) t.startOffset += from;
  return result;
}

function isString(t: IToken): boolean {
  return t.tokenType === tokenTypes.QuotedString || t.tokenType === tokenTypes.TripleString
    || t.tokenType === tokenTypes.UnterminatedString || t.tokenType === tokenTypes.UnterminatedTripleString;
}

const end = (t: IToken): number => t.startOffset + t.image.length;

/**
 * `from`: an offset where no token starts mid-way and from which the cursor's
 * context is decided (the start of the top-level item around the cursor), so that
 * only a small window of a large file is tokenized.
 */
export function cursorContext(text: string, offset: number, from = 0): CursorInfo {
  const wordRange = wordRangeAt(text, offset);
  wordRange.end = Math.max(wordRange.end, offset);
  const typed = { start: wordRange.start, end: offset };
  const { tokens, comments } = tokenizeWindow(text, Math.max(0, Math.min(from, offset)), offset);
  if (comments.some((c) => c.startOffset < offset && offset <= end(c))) return { context: { kind: "none" }, wordRange };
  const before: IToken[] = [];
  let stringAtCursor: IToken | undefined;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    const unterminated = t.tokenType === tokenTypes.UnterminatedString || t.tokenType === tokenTypes.UnterminatedTripleString;
    if (isString(t) && (offset < end(t) || (unterminated && offset === end(t)))) {
      stringAtCursor = t;
      break;
    }
    if (t.startOffset >= typed.start) break;
    before.push(t);
  }
  const argCtx = argumentContext(before, stringAtCursor);
  if (argCtx) return { context: argCtx, wordRange };
  if (stringAtCursor) return { context: { kind: "none" }, wordRange };
  const previous = before[before.length - 1];
  if (previous?.tokenType === tokenTypes.Soft) return { context: { kind: "soft-category" }, wordRange };
  const selector = selectorContext(before);
  if (selector) return { context: selector, wordRange };
  if (previous?.tokenType === tokenTypes.Define || previous?.tokenType === tokenTypes.Gamma
    || previous?.tokenType === tokenTypes.Prompt || previous?.tokenType === tokenTypes.NumberLiteral) {
    return { context: { kind: "none" }, wordRange };
  }
  const afterDefine = previous?.tokenType === tokenTypes.Equals;
  const keywords = [tokenTypes.First, tokenTypes.Then, tokenTypes.Finally, tokenTypes.If, tokenTypes.Else, tokenTypes.And];
  const after = previous && keywords.includes(previous.tokenType) ? (previous.image.toLowerCase() as StructureKeyword) : undefined;
  let depth = 0;
  for (const t of before) {
    if (t.tokenType === tokenTypes.LBrace) depth++;
    else if (t.tokenType === tokenTypes.RBrace) depth = Math.max(0, depth - 1);
  }
  return {
    context: { kind: "item", afterDefine, ...(after ? { after } : {}), ...(depth > 0 ? { nested: true } : {}), ...(previous ? { previousEnd: end(previous) } : {}) },
    wordRange,
  };
}

const isScopeKeyword = (t: IToken | undefined): boolean => t?.tokenType === tokenTypes.In || t?.tokenType === tokenTypes.Each;
const isPosition = (t: IToken | undefined): boolean =>
  t?.tokenType === tokenTypes.First || (t?.tokenType === tokenTypes.Identifier && t.image.toLowerCase() === "last");

/** After `in` / `each`, or after a position that follows one (`in last`, `each first 3`). */
function selectorContext(before: IToken[]): CursorContext | undefined {
  const n = before.length;
  if (isScopeKeyword(before[n - 1])) return { kind: "selector", afterPosition: false };
  if (isPosition(before[n - 1]) && isScopeKeyword(before[n - 2])) return { kind: "selector", afterPosition: true };
  if (before[n - 1]?.tokenType === tokenTypes.NumberLiteral && isPosition(before[n - 2]) && isScopeKeyword(before[n - 3])) {
    return { kind: "selector", afterPosition: true };
  }
  return undefined;
}

function argumentContext(before: IToken[], stringAtCursor: IToken | undefined): CursorContext | undefined {
  let depth = 0;
  let open = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const type = before[i].tokenType;
    if (type === tokenTypes.RParen) depth++;
    else if (type === tokenTypes.LParen) {
      if (depth === 0) { open = i; break; }
      depth--;
    } else if (type === tokenTypes.LBrace || type === tokenTypes.RBrace) return undefined;
  }
  if (open <= 0 || before[open - 1].tokenType !== tokenTypes.Identifier) return undefined;
  const call = before[open - 1].image;
  const inner = before.slice(open + 1);
  const given: string[] = [];
  let argIndex = 0;
  let current: string | undefined;
  let bracket = 0;
  let valueStarted = false;
  for (let i = 0; i < inner.length; i++) {
    const t = inner[i];
    if (t.tokenType === tokenTypes.LBracket) bracket++;
    else if (t.tokenType === tokenTypes.RBracket) bracket = Math.max(0, bracket - 1);
    else if (t.tokenType === tokenTypes.Comma && bracket === 0) { argIndex++; current = undefined; valueStarted = false; }
    else if (t.tokenType === tokenTypes.Colon && current === undefined && i > 0 && inner[i - 1].tokenType === tokenTypes.Identifier) {
      current = inner[i - 1].image;
      given.push(current);
    } else if (current !== undefined && bracket === 0) valueStarted = true;
  }
  if (current !== undefined && (!valueStarted || bracket > 0)) {
    return { kind: "argument-value", call, argument: current, argIndex, string: stringAtCursor && { start: stringAtCursor.startOffset, end: end(stringAtCursor) } };
  }
  if (stringAtCursor) return undefined;
  if (current !== undefined) return { kind: "none" };
  return { kind: "argument-name", call, given, argIndex };
}

/** Where to start tokenizing for the cursor's context: the top-level item at or before it. */
export function contextStart(analysis: { ast: FileNode }, offset: number): number {
  const index = topLevelIndexBefore(analysis.ast, offset);
  return index < 0 ? 0 : topLevelNodes(analysis.ast)[index].range.start;
}
