// `nltk.word_tokenize(text)`: English Punkt sentences, then our port of NLTK 3.9's
// NLTKWordTokenizer (the improved Treebank regex pipeline) on each sentence.
import { punktSentenceSpans } from "./punkt.js";
import { replaceAll } from "../../util/replace-all.js";
import { PY_S, PY_WORD_CHARS, isPyWhitespaceCode, pyIsUpper, pySplitWhitespace } from "../python/py-text.js";

type Rule = readonly [pattern: RegExp, replacement: string];

const W = `[${PY_WORD_CHARS}]`;
/** Python's Unicode `\b` (JS `\b` only knows ASCII word characters). */
const B = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
/** Python's `$` without MULTILINE: the end, or just before a final "\n". */
const END = "(?=\\n?$)";

const rule = (source: string, replacement: string, flags = ""): Rule => [
  new RegExp(source, `gu${flags}`),
  replacement,
];

const STARTING_QUOTES: readonly Rule[] = [
  rule("([«“‘„]|[`]+)", " $1 "),
  rule('^"', "``"),
  rule("(``)", " $1 "),
  rule("([ ([{<])(\"|'{2})", "$1 `` "),
  rule(`(?<!${W})(')(?!(?:re|ve|ll|m|t|s|d|n)${B})(?=${W})`, "$1 ", "i"),
];

const ENDING_QUOTES: readonly Rule[] = [
  rule("([»”’])", " $1 "),
  rule("''", " '' "),
  rule('"', " '' "),
  rule(`${PY_S}+`, " "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),
];

const PUNCTUATION: readonly Rule[] = [
  rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_S}*${END}`, "$1 $2 $3 "),
  rule("([:,])([^\\p{Nd}])", " $1 $2"),
  rule(`([:,])${END}`, " $1 "),
  rule("\\.{2,}", " $& "),
  rule("[;@#$%&]", " $& "),
  rule("[\\u2012-\\u2015]", " $& "),
  rule(`([^.])(\\.)([\\])}>"']*)${PY_S}*${END}`, "$1 $2$3 "),
  rule("[?!]", " $& "),
  rule("([^'])' ", "$1 ' "),
  rule("[*]", " $& "),
];

const PARENS_BRACKETS = rule("[\\][(){}<>]", " $& ");
const DOUBLE_DASHES = rule("--", " -- ");

const CONTRACTIONS: readonly Rule[] = [
  ...["(can)(not)", "(d)('ye)", "(gim)(me)", "(gon)(na)", "(got)(ta)", "(lem)(me)", "(more)('n)"].map(
    (pair) => rule(`${B}${pair}${B}`, " $1 $2 ", "i"),
  ),
  rule(`${B}(wan)(na)(?=${PY_S})`, " $1 $2 ", "i"),
  rule(` ('t)(is)${B}`, " $1 $2 ", "i"),
  rule(` ('t)(was)${B}`, " $1 $2 ", "i"),
];

function applyRules(text: string, rules: readonly Rule[]): string {
  let result = text;
  for (const [pattern, replacement] of rules) result = replaceAll(result, pattern, replacement);
  return result;
}

/** The sentence after the Treebank rules: its tokens are the runs of non-whitespace. */
function treebankSpaced(sentence: string): string {
  let text = applyRules(sentence, STARTING_QUOTES);
  text = applyRules(text, PUNCTUATION);
  text = applyRules(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = applyRules(` ${text} `, ENDING_QUOTES);
  return applyRules(text, CONTRACTIONS);
}

/** NLTK `NLTKWordTokenizer().tokenize(sentence)` (no parenthesis conversion). */
export function treebankTokenize(sentence: string): string[] {
  return pySplitWhitespace(treebankSpaced(sentence));
}

/** `nltk.word_tokenize(text)` (language "english", preserve_line False). */
export function wordTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { start, stop } of punktSentenceSpans(text)) {
    for (const token of treebankTokenize(text.slice(start, stop))) tokens.push(token);
  }
  return tokens;
}

/**
 * How many tokens of `nltk.word_tokenize(text)` satisfy `keep`, one sentence at a time and
 * without an array of tokens (30 MB of commas is 30 million of them).
 */
export function countWordTokens(text: string, keep: (token: string) => boolean): number {
  let count = 0;
  for (const { start, stop } of punktSentenceSpans(text)) {
    const spaced = treebankSpaced(text.slice(start, stop));
    let i = 0;
    while (i < spaced.length) {
      while (i < spaced.length && isPyWhitespaceCode(spaced.charCodeAt(i))) i++;
      const tokenStart = i;
      while (i < spaced.length && !isPyWhitespaceCode(spaced.charCodeAt(i))) i++;
      if (i > tokenStart && keep(spaced.slice(tokenStart, i))) count++;
    }
  }
  return count;
}

/** `sum(1 for w in nltk.word_tokenize(text) if w.isupper())`. */
export function countCapitalWords(text: string): number {
  return countWordTokens(text, pyIsUpper);
}
