// Small helpers for building AST nodes from tokens, tolerant of the partial
// input that error recovery leaves behind.

import { EOF, type IToken } from "chevrotain";
import type {
  AndNode, ArgValue, Argument, ConstraintNode, DefineNode, FileNode, GammaNode, ItemNode, PromptNode, Range, ScopeHeadNode, SelectorNode, StepNode, SyntaxError,
} from "./ast.js";
import { describeToken } from "./parser-messages.js";
import { UnterminatedString, UnterminatedTripleString } from "./tokens.js";

/** Where AST building reports the errors it finds. */
export interface Sink {
  errors: SyntaxError[];
}

/** The token, unless error recovery invented it (inserted tokens have no place in the text). */
export function real(token: IToken): IToken | undefined {
  return token.isInsertedInRecovery === true || Number.isNaN(token.startOffset) ? undefined : token;
}

export function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Grows a running span by `part`; the span starts as undefined. */
export function widen(span: Range | undefined, part: Range | undefined): Range | undefined {
  if (part === undefined) return span;
  if (span === undefined) return { start: part.start, end: part.end };
  if (part.start < span.start) span.start = part.start;
  if (part.end > span.end) span.end = part.end;
  return span;
}

/** The smallest range covering every defined part; undefined when none is. */
export function span(a: Range | undefined, b?: Range | undefined, c?: Range | undefined, d?: Range | undefined, e?: Range | undefined): Range | undefined {
  return widen(widen(widen(widen(widen(undefined, a), b), c), d), e);
}

export function reportUnexpected(sink: Sink, t: IToken): void {
  // Already reported by the lexer as unterminated.
  if (t.tokenType === UnterminatedString || t.tokenType === UnterminatedTripleString) return;
  sink.errors.push({ message: unexpectedMessage(t), range: tokenRange(t) });
}

/**
 * One string per short token text: a file of stray braces or stray `else`s makes millions of
 * these messages (and the description of a token depends on its text alone).
 */
function cachedMessage(cache: Map<string, string>, t: IToken, make: (t: IToken) => string): string {
  if (t.image.length > 8 || t.tokenType === EOF) return make(t);
  let message = cache.get(t.image);
  if (message === undefined) {
    message = make(t);
    if (cache.size < 1000) cache.set(t.image, message);
  }
  return message;
}

const unexpectedMessages = new Map<string, string>();
const unexpectedMessage = (t: IToken) => cachedMessage(unexpectedMessages, t, (token) => `unexpected ${describeToken(token)}`);

const afterElseMessages = new Map<string, string>();
/** A stray `else` followed by `t` instead of a block or an `if`. */
export const expectedAfterElseMessage = (t: IToken) => cachedMessage(afterElseMessages, t, (token) => `expected '{' or 'if' but found ${describeToken(token)}`);

/** Items of one MANY are already in order unless recovery interleaved them; checking is cheap. */
export function inSourceOrder(items: ItemNode[]): ItemNode[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i].range.start < items[i - 1].range.start) return items.sort((a, b) => a.range.start - b.range.start);
  }
  return items;
}

/** What a `{ ... }` block parsed to, before its owner says whether an `and` keyword came first. */
export interface BlockParts {
  kind: "block";
  open: IToken | undefined;
  close: IToken | undefined;
  items: ItemNode[];
}

/** An explicit `and { }` (with `keywordRange`) or a bare block; `parts` undefined when the block is missing. */
/** `(`...`)` after a call's name. */
export interface ArgListParts {
  kind: "arg-list";
  args: Argument[];
  range: Range;
}

/** `if COND { ... }` before its chain is built. */
export interface IfHeadParts {
  kind: "if-head";
  keyword: IToken;
  condition: ItemNode | undefined;
  then: AndNode | undefined;
}

/**
 * What a rule hands to the rule around it: every result carries a `kind`, so a frame
 * narrows on it instead of casting (and needs no rule name).
 */
export type RuleResult = FileNode | PromptNode | GammaNode | DefineNode | ItemNode | StepNode | Argument | ArgValue | ArgListParts | BlockParts | IfHeadParts | ScopeHeadNode | SelectorNode;

export function isItem(r: RuleResult): r is ItemNode {
  switch (r.kind) {
    case "soft": case "call": case "and": case "sequence": case "if": case "orphan-else": case "scope":
      return true;
    default:
      return false;
  }
}

export function isConstraint(r: RuleResult): r is ConstraintNode {
  return r.kind === "soft" || r.kind === "call";
}

export function isArgValue(r: RuleResult): r is ArgValue {
  return r.kind === "number" || r.kind === "string" || r.kind === "word" || r.kind === "list";
}

export function andNode(parts: BlockParts | undefined, keywordRange: Range | undefined): AndNode | undefined {
  if (parts === undefined) return keywordRange && { kind: "and", keywordRange, items: [], closed: false, range: keywordRange };
  let range = span(keywordRange, parts.open && tokenRange(parts.open), parts.close && tokenRange(parts.close));
  for (const item of parts.items) range = widen(range, item.range);
  return range && { kind: "and", keywordRange, items: parts.items, closed: parts.close !== undefined, range };
}
