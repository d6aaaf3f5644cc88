// Chevrotain parses by recursive descent, so deeply nested input would overflow
// the stack. Before parsing, nesting past MAX_NESTING_DEPTH is cut out of the
// token stream and reported once.

import type { IToken, TokenType } from "chevrotain";
import type { SyntaxError } from "./ast.js";
import { Else, If, LBrace, LBracket, LParen, RBrace, RBracket, RParen, tokenEnd } from "./tokens.js";

/**
 * Deepest nesting of `{ ( [` and else-if chains that is parsed; deeper content is
 * dropped. Measured: on Node's default stack chevrotain overflows near 350 levels
 * of `and {` and near 70 of unclosed `if and {` (error recovery is deeper), so
 * the limit leaves room for callers (the LSP) and for recursive consumers.
 */
export const MAX_NESTING_DEPTH = 100;

function isOpener(t: TokenType): boolean {
  return t === LBrace || t === LParen || t === LBracket;
}

function isCloser(t: TokenType): boolean {
  return t === RBrace || t === RParen || t === RBracket;
}

function nestingError(token: IToken, limit: number): SyntaxError {
  return { message: `nesting deeper than ${limit} levels`, range: { start: token.startOffset, end: tokenEnd(token) } };
}

/** Index just past the closer matching the opener at `open`, or tokens.length. */
function skipBalanced(tokens: IToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (isOpener(type)) depth++;
    else if (isCloser(type) && --depth === 0) return i + 1;
  }
  return tokens.length;
}

/** Index where the else-if chain continuing at `elseAt` ends (the rest of it is dropped). */
function skipChainRest(tokens: IToken[], elseAt: number): number {
  let depth = 0;
  for (let i = elseAt; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (isOpener(type)) depth++;
    else if (isCloser(type)) {
      if (depth === 0) return i;
      depth--;
      const next = tokens[i + 1]?.tokenType;
      if (depth === 0 && type === RBrace && next !== Else && next !== LBrace) return i + 1;
    }
  }
  return tokens.length;
}

/**
 * Returns `tokens` itself when nothing is too deep. Otherwise a copy where each
 * too-deep opener keeps only its matching closer (so `and {` becomes `and {}`)
 * and each too-deep `else if` loses the rest of its chain. Only the first cut is
 * reported: the rest are almost always the same mistake.
 */
export function limitNesting(tokens: IToken[], errors: SyntaxError[], limit = MAX_NESTING_DEPTH): IToken[] {
  let kept: IToken[] | undefined;
  let depth = 0;
  // Extra depth of the else-if chain open at each bracket level.
  const chainExtra: number[] = [0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const type = t.tokenType;
    if (isOpener(type)) {
      if (depth + 1 > limit) {
        if (kept === undefined) errors.push(nestingError(t, limit));
        kept ??= tokens.slice(0, i);
        const end = skipBalanced(tokens, i);
        kept.push(t);
        if (end - 1 > i && isCloser(tokens[end - 1].tokenType)) kept.push(tokens[end - 1]);
        i = end - 1;
        continue;
      }
      depth++;
      chainExtra.push(0);
    } else if (isCloser(type)) {
      if (chainExtra.length > 1) {
        depth -= 1 + (chainExtra.pop() as number);
        const next = tokens[i + 1]?.tokenType;
        if (next !== Else && next !== LBrace) {
          depth -= chainExtra[chainExtra.length - 1];
          chainExtra[chainExtra.length - 1] = 0;
        }
      }
    } else if (type === Else && tokens[i + 1]?.tokenType === If) {
      if (depth + 1 > limit) {
        if (kept === undefined) errors.push(nestingError(tokens[i + 1], limit));
        kept ??= tokens.slice(0, i);
        i = skipChainRest(tokens, i) - 1;
        continue;
      }
      depth++;
      chainExtra[chainExtra.length - 1]++;
    }
    kept?.push(t);
  }
  return kept ?? tokens;
}
