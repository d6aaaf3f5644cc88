// Small readers over chevrotain CST nodes, tolerant of the partial nodes that
// error recovery leaves behind.

import type { CstNode, IToken } from "chevrotain";
import type { Range, SyntaxError } from "./ast.js";
import { describeToken } from "./parser-messages.js";
import { UnterminatedString, UnterminatedTripleString } from "./tokens.js";

/** Where conversion reports the errors it finds. */
export interface Sink {
  text: string;
  errors: SyntaxError[];
}

function isRealToken(token: IToken): boolean {
  return !token.isInsertedInRecovery && !Number.isNaN(token.startOffset);
}

/** The first real token named `name` among `node`'s children. */
export function token(node: CstNode, name: string): IToken | undefined {
  const list = node.children[name] as IToken[] | undefined;
  if (list === undefined) return undefined;
  for (const t of list) if (isRealToken(t)) return t;
  return undefined;
}

/** Every real token named `name`, in source order. */
export function tokens(node: CstNode, name: string): IToken[] {
  const list = node.children[name] as IToken[] | undefined;
  return list === undefined ? [] : list.filter(isRealToken);
}

export function child(node: CstNode, name: string): CstNode | undefined {
  return (node.children[name] as CstNode[] | undefined)?.[0];
}

export function children(node: CstNode, name: string): CstNode[] {
  return (node.children[name] as CstNode[] | undefined) ?? [];
}

export function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** The smallest range covering every defined part; undefined when none is. */
export function span(...parts: (Range | undefined)[]): Range | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const p of parts) {
    if (p === undefined) continue;
    if (p.start < start) start = p.start;
    if (p.end > end) end = p.end;
  }
  return start === Infinity ? undefined : { start, end };
}

export function reportUnexpected(sink: Sink, t: IToken): void {
  // Already reported by the lexer as unterminated.
  if (t.tokenType === UnterminatedString || t.tokenType === UnterminatedTripleString) return;
  sink.errors.push({ message: `unexpected ${describeToken(t)}`, range: tokenRange(t) });
}

/** Any real token in the subtree, for reporting a node by its first token. */
export function firstToken(node: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const key of Object.keys(node.children)) {
    for (const c of node.children[key]) {
      const t = "children" in c ? firstToken(c) : isRealToken(c) ? c : undefined;
      if (t !== undefined && (best === undefined || t.startOffset < best.startOffset)) best = t;
    }
  }
  return best;
}
