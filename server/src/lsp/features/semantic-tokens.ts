// Semantic tokens: the lexer's tokens, refined by the syntax tree (a bare name is
// a hard constraint, a defined name or an argument; a string is soft text or a value).

import type { ArgValue, FileNode, Range } from "../../../../grammars/src/index.js";
import { tokenize, tokenTypes, type LineIndex } from "../../../../grammars/src/index.js";
import { findHardType } from "../../ifeval/registry.js";
import { walkSyntax } from "./syntax-path.js";

export const TOKEN_TYPES = ["keyword", "function", "string", "variable", "parameter", "number", "comment", "enumMember"] as const;
export const TOKEN_MODIFIERS = ["declaration", "soft", "defaultLibrary"] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

interface Classification { type: TokenType; modifiers: TokenModifier[] }

function classifyFromTree(ast: FileNode, definedNames: ReadonlySet<string>): Map<number, Classification> {
  const byStart = new Map<number, Classification>();
  const set = (range: Range | undefined, type: TokenType, modifiers: TokenModifier[] = []): void => {
    if (range) byStart.set(range.start, { type, modifiers });
  };
  const value = (v: ArgValue | undefined): void => {
    if (v?.kind === "word") set(v.range, "enumMember");
    else if (v?.kind === "list") v.items.forEach(value);
  };
  for (const d of ast.defines) set(d.nameRange, "variable", ["declaration"]);
  walkSyntax(ast, (node) => {
    if (node.kind === "step") return;
    if (node.kind === "scope") {
      // Selector words (`last`, `paragraph`, `section`) read as part of the scope keyword.
      for (const head of node.heads) {
        set(head.selector?.positionRange, "keyword");
        set(head.selector?.unitRange, "keyword");
      }
      return;
    }
    if (node.kind === "soft") {
      set(node.categoryRange, "enumMember");
      set(node.textRange, "string", ["soft"]);
    } else if (node.kind === "call") {
      const isRef = !node.name.includes(":") && definedNames.has(node.name);
      if (isRef) set(node.nameRange, "variable");
      else set(node.nameRange, "function", findHardType(node.name) ? ["defaultLibrary"] : []);
      for (const arg of node.args ?? []) {
        set(arg.nameRange, "parameter");
        value(arg.value);
      }
    }
  });
  return byStart;
}

function fromLexer(tokenType: unknown): Classification | undefined {
  if (tokenTypes.KEYWORDS.includes(tokenType as never)) return { type: "keyword", modifiers: [] };
  if (tokenType === tokenTypes.NumberLiteral) return { type: "number", modifiers: [] };
  if (tokenType === tokenTypes.QuotedString || tokenType === tokenTypes.TripleString
    || tokenType === tokenTypes.UnterminatedString || tokenType === tokenTypes.UnterminatedTripleString) return { type: "string", modifiers: [] };
  if (tokenType === tokenTypes.Identifier) return { type: "variable", modifiers: [] };
  return undefined;
}

/** Tokens in document order; a token spanning lines is split into one per line. */
export function semanticTokens(text: string, ast: FileNode, definedNames: ReadonlySet<string>, lines: LineIndex): SemanticToken[] {
  const tree = classifyFromTree(ast, definedNames);
  const { tokens, comments } = tokenize(text);
  const spans: { start: number; end: number; c: Classification }[] = [];
  for (const t of tokens) {
    const c = tree.get(t.startOffset) ?? fromLexer(t.tokenType);
    if (c) spans.push({ start: t.startOffset, end: t.startOffset + t.image.length, c });
  }
  for (const c of comments) spans.push({ start: c.startOffset, end: c.startOffset + c.image.length, c: { type: "comment", modifiers: [] } });
  spans.sort((a, b) => a.start - b.start);
  const out: SemanticToken[] = [];
  for (const span of spans) {
    const from = lines.positionAt(span.start);
    const to = lines.positionAt(span.end);
    if (from.line === to.line) {
      if (to.character > from.character) out.push({ line: from.line, character: from.character, length: to.character - from.character, ...split(span.c) });
      continue;
    }
    for (let line = from.line; line <= to.line; line++) {
      const startChar = line === from.line ? from.character : 0;
      const endChar = line === to.line ? to.character : lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - lines.offsetAt({ line, character: 0 });
      if (endChar > startChar) out.push({ line, character: startChar, length: endChar - startChar, ...split(span.c) });
    }
  }
  return out;
}

const split = (c: Classification): { type: TokenType; modifiers: TokenModifier[] } => ({ type: c.type, modifiers: c.modifiers });

/** The LSP wire encoding: 5 integers per token, positions relative to the previous token. */
export function encodeSemanticTokens(tokens: SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    const deltaChar = deltaLine === 0 ? t.character - character : t.character;
    const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(deltaLine, deltaChar, t.length, TOKEN_TYPES.indexOf(t.type), modifiers);
    line = t.line;
    character = t.character;
  }
  return data;
}
