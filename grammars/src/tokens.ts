// The token vocabulary of .lsr and its lexer.

import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import type { SyntaxError } from "./ast.js";
import { excerpt } from "./excerpt.js";

const IDENT_PATTERN = /[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)?/;

/** A name, or a constraint id with one colon such as `punctuation:no_comma` (IFBench's `format:sub-bullets` has a hyphen). */
export const Identifier = createToken({ name: "Identifier", label: "a name", pattern: IDENT_PATTERN });

function keyword(word: string): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1),
    label: `'${word}'`,
    pattern: new RegExp(word, "i"),
    longer_alt: Identifier,
  });
}

export const Prompt = keyword("prompt");
export const Gamma = keyword("gamma");
export const Define = keyword("define");
export const First = keyword("first");
export const Then = keyword("then");
export const Finally = keyword("finally");
export const If = keyword("if");
export const Else = keyword("else");
export const And = keyword("and");
export const Soft = keyword("soft");
/** Scope keywords: `in paragraph 1 { ... }`, `each bullet { ... }`. */
export const In = keyword("in");
export const Each = keyword("each");

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
/** Kept in the "comments" group: the formatter re-emits them. */
export const Comment = createToken({
  name: "Comment",
  pattern: /(?:#|\/\/)[^\r\n]*/,
  group: "comments",
  start_chars_hint: ["#", "/"],
});

/** Parent category of every string token, so the parser consumes one type. */
export const StringLiteral = createToken({ name: "StringLiteral", label: "a string", pattern: Lexer.NA });
export const TripleString = createToken({
  name: "TripleString",
  pattern: /"""[\s\S]*?"""/,
  categories: StringLiteral,
  start_chars_hint: ['"'],
});
/** An opening `"""` with no closing one: runs to the end of the file. */
export const UnterminatedTripleString = createToken({
  name: "UnterminatedTripleString",
  pattern: /"""[\s\S]*/,
  categories: StringLiteral,
  start_chars_hint: ['"'],
});
/** Escapes are checked when unescaping, so a bad escape is reported precisely. */
export const QuotedString = createToken({
  name: "QuotedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: StringLiteral,
  start_chars_hint: ['"'],
});
/** A `"` string cut off by the end of the line or file. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  categories: StringLiteral,
  start_chars_hint: ['"'],
});

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  label: "a number",
  pattern: /-?[0-9]+(?:\.[0-9]+)?/,
  start_chars_hint: ["-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
});

export const LBrace = createToken({ name: "LBrace", label: "'{'", pattern: /{/ });
export const RBrace = createToken({ name: "RBrace", label: "'}'", pattern: /}/ });
export const LParen = createToken({ name: "LParen", label: "'('", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", label: "')'", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", label: "'['", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", label: "']'", pattern: /]/ });
export const Comma = createToken({ name: "Comma", label: "','", pattern: /,/ });
export const Colon = createToken({ name: "Colon", label: "':'", pattern: /:/ });
export const Equals = createToken({ name: "Equals", label: "'='", pattern: /=/ });
/** The range in `paragraphs 2..3`. */
export const DotDot = createToken({ name: "DotDot", label: "'..'", pattern: /\.\./ });

export const KEYWORDS: readonly TokenType[] = [Prompt, Gamma, Define, First, Then, Finally, If, Else, And, Soft, In, Each];

/** Every token type, in lexer priority order. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  TripleString,
  UnterminatedTripleString,
  QuotedString,
  UnterminatedString,
  StringLiteral,
  NumberLiteral,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Equals,
  DotDot,
  ...KEYWORDS,
  Identifier,
];

const lexer = new Lexer([...ALL_TOKENS], {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});

export interface TokenizeResult {
  /** Tokens the parser sees (no whitespace, no comments). */
  tokens: IToken[];
  comments: IToken[];
  errors: SyntaxError[];
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

export function tokenize(text: string): TokenizeResult {
  const result = lexer.tokenize(text);
  const errors: SyntaxError[] = result.errors.map((e) => ({
    message: `unexpected character${e.length > 1 ? "s" : ""} '${excerpt(text.substr(e.offset, e.length))}'`,
    range: { start: e.offset, end: e.offset + e.length },
  }));
  for (const token of result.tokens) {
    if (token.tokenType === UnterminatedString || token.tokenType === UnterminatedTripleString) {
      errors.push({ message: "unterminated string", range: { start: token.startOffset, end: tokenEnd(token) } });
    }
  }
  const comments = (result.groups.comments as IToken[] | undefined) ?? [];
  return { tokens: result.tokens, comments, errors };
}
