// Punkt's word-level view of text: the punctuation-splitting tokenizer and token properties
// (our port of NLTK's PunktLanguageVars and PunktToken for the default English settings).
import { PY_NON_S, PY_S, PY_WORD_NOT_DIGIT_CHARS, pyFirstIsLower, pyFirstIsUpper, pySplitLines, pyStrip } from "../python/py-text.js";

/** Python `(?:[)";}\]*:@'({\[?!])`: characters that cannot appear within words. */
export const NON_WORD = "[)\";}\\]*:@'({\\[?!]";
const MULTI_CHAR_PUNCT = `(?:-{2,}|\\.{2,}|(?:\\.${PY_S}){2,}\\.)`;
const WORD_START = "[^(\"`{\\[:;&#*@)}\\]\\-,]";

const WORD_TOKENIZER = new RegExp(
  `${MULTI_CHAR_PUNCT}` +
    `|(?=${WORD_START})${PY_NON_S}+?(?=${PY_S}|$|${NON_WORD}|${MULTI_CHAR_PUNCT}|,(?=$|${PY_S}|${NON_WORD}|${MULTI_CHAR_PUNCT}))` +
    `|${PY_NON_S}`,
  "gu",
);

const ELLIPSIS = /^\.\.+$/u;
const NUMERIC = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const INITIAL = new RegExp(`^[${PY_WORD_NOT_DIGIT_CHARS}]\\.$`, "u");

export interface PunktToken {
  readonly tok: string;
  /** Lower-cased token, or "##number##" for numbers. */
  readonly type: string;
  readonly periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

export function makeToken(tok: string): PunktToken {
  const lower = tok.toLowerCase();
  return {
    tok,
    type: NUMERIC.test(lower) ? "##number##" : lower,
    periodFinal: tok.endsWith("."),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
}

/** NLTK `_tokenize_words`: tokens of every non-blank line ("\n"-separated). */
export function tokenizeWords(text: string): PunktToken[] {
  const tokens: PunktToken[] = [];
  for (const line of pySplitLines(text)) {
    if (pyStrip(line) === "") continue;
    for (const match of line.matchAll(WORD_TOKENIZER)) tokens.push(makeToken(match[0]));
  }
  return tokens;
}

export function typeNoPeriod(token: PunktToken): string {
  const { type } = token;
  return type.length > 1 && type.endsWith(".") ? type.slice(0, -1) : type;
}

export function typeNoSentPeriod(token: PunktToken): string {
  return token.sentbreak ? typeNoPeriod(token) : token.type;
}

export function isEllipsis(token: PunktToken): boolean {
  return ELLIPSIS.test(token.tok);
}

export function isInitial(token: PunktToken): boolean {
  return INITIAL.test(token.tok);
}

export function firstUpper(token: PunktToken): boolean {
  return pyFirstIsUpper(token.tok);
}

export function firstLower(token: PunktToken): boolean {
  return pyFirstIsLower(token.tok);
}
