// parse(): text -> AST and syntax errors, never throwing.

import { EOF, type IRecognitionException } from "chevrotain";
import type { FileNode, ParseResult, SyntaxError } from "./ast.js";
import { limitNesting, MAX_NESTING_DEPTH } from "./nesting.js";
import { parseTokens } from "./parser.js";
import { tokenEnd, tokenize } from "./tokens.js";

function emptyFile(text: string): FileNode {
  return { kind: "file", prompts: [], gammas: [], defines: [], items: [], comments: [], range: { start: 0, end: text.length } };
}

function recognitionError(e: IRecognitionException, text: string): SyntaxError {
  const t = e.token;
  if (t === undefined || t.tokenType === EOF || Number.isNaN(t.startOffset)) {
    return { message: e.message, range: { start: text.length, end: text.length } };
  }
  return { message: e.message, range: { start: t.startOffset, end: tokenEnd(t) } };
}

/** Nesting limit for the retry after a stack overflow (the caller's stack was already deep). */
const FALLBACK_NESTING_DEPTH = 16;

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Chevrotain's recognition exceptions are Errors, and each captures a stack trace that
 * nobody reads: with a stray `else` per line that was most of the parse time. Error
 * recovery throws and catches them internally, so switching capture off is invisible.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseUnguarded(text: string, nestingLimit: number): ParseResult {
  const lexed = tokenize(text);
  const early = lexed.errors;
  const tokens = limitNesting(lexed.tokens, early, nestingLimit);
  const { ast, parserErrors, buildErrors } = withoutStackTraces(() => parseTokens(tokens, text.length));
  for (const e of parserErrors) early.push(recognitionError(e, text));
  // Usually the lexer and the parser found nothing and the build errors (this parse's own array)
  // are all of them: 4 MB of `}` is four million, and copying them grew an array of that size.
  let errors = buildErrors;
  if (early.length > 0) {
    for (const e of buildErrors) early.push(e);
    errors = early;
  }
  const comments = lexed.comments.map((c) => {
    const body = c.image.trimEnd();
    return { text: body, range: { start: c.startOffset, end: c.startOffset + body.length } };
  });
  // Usually in order and without repeats already; 4 MB of `}` is four million errors, so
  // sorting and copying only when needed is most of what is left of their cost.
  if (!isSorted(errors)) errors.sort(byRange);
  return { ast: { ...ast, comments }, errors: hasRepeats(errors) ? errors.filter((e, i) => i === 0 || !sameError(e, errors[i - 1])) : errors };
}

const byRange = (a: SyntaxError, b: SyntaxError) => a.range.start - b.range.start || a.range.end - b.range.end;

function isSorted(errors: SyntaxError[]): boolean {
  for (let i = 1; i < errors.length; i++) if (byRange(errors[i - 1], errors[i]) > 0) return false;
  return true;
}

function hasRepeats(errors: SyntaxError[]): boolean {
  for (let i = 1; i < errors.length; i++) if (sameError(errors[i], errors[i - 1])) return true;
  return false;
}

/** Ranges first: two messages built separately compare character by character. */
function sameError(a: SyntaxError, b: SyntaxError): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.message === b.message;
}

/** Parses a .lsr file. Never throws: an internal failure becomes one error covering the file. */
export function parse(text: string): ParseResult {
  try {
    try {
      return parseUnguarded(text, MAX_NESTING_DEPTH);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      return parseUnguarded(text, FALLBACK_NESTING_DEPTH);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = isStackOverflow(error) ? "input too deeply nested to parse" : `internal parser error: ${reason}`;
    return { ast: emptyFile(text), errors: [{ message, range: { start: 0, end: text.length } }] };
  }
}
