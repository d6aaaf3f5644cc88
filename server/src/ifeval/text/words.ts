// `nltk.word_tokenize(text)`: English Punkt sentences, then our port of NLTK 3.9's
// NLTKWordTokenizer (the improved Treebank regex pipeline) on each sentence.
import { punktSentenceSpans } from "./punkt.js";
import { replaceAll } from "../../util/replace-all.js";
import { PY_S, PY_WORD_CHARS, isPyWhitespaceCode, pyHasUpperChar, pyIsUpper, pySplitWhitespace } from "../python/py-text.js";

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

/** Sentences longer than this are tokenized in pieces cut at safe points (see `safeCut`). */
const PIECE_LENGTH = 1 << 16;
/**
 * The first piece is this long, and each next one twice the last, up to the piece length: a
 * caller that stops at the first token (words:start_verb) spaces a few hundred characters
 * of a 1 MB sentence of commas, not 64 Ki of them; reading every token costs the same.
 */
const FIRST_PIECE_LENGTH = 256;

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isOpener = (c: number) => c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */ || c === 60; /* < */
const isCommaOrColon = (c: number) => c === 44 || c === 58;

/**
 * The first index in [from, to) where `sentence` can be cut into two pieces whose Treebank
 * tokens, concatenated, are the tokens of the whole (or -1). Two kinds of cut:
 * - between two opening brackets `( [ { <`: the bracket rule isolates both in any case, no
 *   rule's match or context contains an opener followed by an opener, an opener is not one
 *   of the closers the final-period rules look for (so no end-of-text rule fires at the end
 *   of the left piece), and no start-of-text rule (`^"`) fires on an opener;
 * - before a run of whitespace between ASCII letters or digits: no rule matches across a
 *   letter-whitespace-letter boundary, the padding space each piece gets stands for the
 *   whitespace the full text has there (the rules that need a following space, `'s `, `n't `,
 *   `wanna\s`, see one either way), and the end-of-text rules need punctuation before the end;
 * - inside a run of `,` and `:`, an even number of characters after the run's start (or after
 *   `pieceStart`, itself such a cut), with run characters on both sides: the rule
 *   `([:,])([^\d])` pairs the run's characters from its start, (r, r+1), (r+2, r+3)..., so the
 *   cut falls between two pairs and each piece pairs them the same; the left piece's last
 *   character, which the end rule `([:,])$` then spaces, is followed by the next pair's space
 *   in the whole text; no other rule looks at a comma or colon.
 * Rules never change letters, digits, brackets, commas or colons, so these contexts hold
 * through the whole pipeline. `test/unit/ifeval/words-pieces.test.ts` compares pieces with the whole on random text.
 */
function safeCut(sentence: string, pieceStart: number, from: number, to: number): number {
  for (let i = Math.max(from, 1); i < to; i++) {
    const c = sentence.charCodeAt(i);
    const before = sentence.charCodeAt(i - 1);
    if (isOpener(c) && isOpener(before)) return i;
    if (isCommaOrColon(c) && isCommaOrColon(before) && i + 1 < to && isCommaOrColon(sentence.charCodeAt(i + 1))) {
      let runStart = i - 1;
      while (runStart > pieceStart && isCommaOrColon(sentence.charCodeAt(runStart - 1))) runStart--;
      if ((i - runStart) % 2 === 0) return i;
      // The next position has the other parity and the same neighbours' kind: it is a cut.
      if (i + 2 < to && isCommaOrColon(sentence.charCodeAt(i + 2))) return i + 1;
      continue;
    }
    if (isPyWhitespaceCode(c) && isAsciiAlnum(before)) {
      let k = i + 1;
      while (k < sentence.length && isPyWhitespaceCode(sentence.charCodeAt(k))) k++;
      if (k < sentence.length && isAsciiAlnum(sentence.charCodeAt(k))) return i;
      i = k - 1;
    }
  }
  return -1;
}

/**
 * The sentence after the Treebank rules, as one or more spaced pieces whose whitespace-separated
 * runs are its tokens, in order. A long sentence is cut into pieces of at most about
 * `pieceLength` (exported for tests), the first ones shorter (FIRST_PIECE_LENGTH): tokenizing
 * 16 MB of "[" whole spaced it to 48 MB and several copies.
 * `visit` returns false to stop; the result is false when it did.
 */
export function forEachSpacedPiece(sentence: string, visit: (spaced: string) => boolean | void, pieceLength = PIECE_LENGTH): boolean {
  let start = leadingWhitespaceBeforeAlnum(sentence);
  let length = Math.min(FIRST_PIECE_LENGTH, pieceLength);
  while (sentence.length - start > length) {
    const cut = safeCut(sentence, start, start + length, sentence.length);
    if (cut === -1) break;
    if (visit(treebankSpaced(sentence.slice(start, cut))) === false) return false;
    start = cut;
    length = Math.min(length * 2, pieceLength);
  }
  return visit(treebankSpaced(start === 0 ? sentence : sentence.slice(start))) !== false;
}

/**
 * The length of the whitespace the sentence starts with, when an ASCII letter or digit follows
 * it (else 0). Such whitespace holds no token, and no rule sees across it: the only start-of-text
 * rule is `^"`, and the rules that look at what precedes a character look before quotes, commas,
 * colons, periods and apostrophes, never before a letter or digit, which a word boundary sees the
 * same after whitespace as at the start. So tokenizing starts there: a sentence of a million
 * spaces and one "x" is not spaced whole.
 */
function leadingWhitespaceBeforeAlnum(sentence: string): number {
  let k = 0;
  while (k < sentence.length && isPyWhitespaceCode(sentence.charCodeAt(k))) k++;
  return k < sentence.length && isAsciiAlnum(sentence.charCodeAt(k)) ? k : 0;
}

/** Visits the whitespace-separated runs of `spaced`; false when `visit` asked to stop. */
function visitRuns(spaced: string, visit: (token: string) => boolean | void): boolean {
  let i = 0;
  while (i < spaced.length) {
    while (i < spaced.length && isPyWhitespaceCode(spaced.charCodeAt(i))) i++;
    const tokenStart = i;
    while (i < spaced.length && !isPyWhitespaceCode(spaced.charCodeAt(i))) i++;
    if (i > tokenStart && visit(spaced.slice(tokenStart, i)) === false) return false;
  }
  return true;
}

/** Each token of `nltk.word_tokenize(text)` in order, without an array of them all; `visit` returns false to stop. */
export function forEachWordToken(text: string, visit: (token: string) => boolean | void, sentenceMayCount?: (sentence: string) => boolean): void {
  for (const { start, stop } of punktSentenceSpans(text)) {
    const sentence = text.slice(start, stop);
    if (sentenceMayCount && !sentenceMayCount(sentence)) continue;
    if (!forEachSpacedPiece(sentence, (spaced) => visitRuns(spaced, visit))) return;
  }
}

/** `nltk.word_tokenize(text)` (language "english", preserve_line False). */
export function wordTokenize(text: string): string[] {
  const tokens: string[] = [];
  forEachWordToken(text, (token) => {
    tokens.push(token);
  });
  return tokens;
}

/** `nltk.word_tokenize(text)[0]` (undefined for no token) without the array of every token. */
export function firstWordToken(text: string): string | undefined {
  let first: string | undefined;
  forEachWordToken(text, (token) => {
    first = token;
    return false;
  });
  return first;
}

/**
 * How many tokens of `nltk.word_tokenize(text)` satisfy `keep`, without an array of tokens
 * (30 MB of commas is 30 million of them). Sentences for which `sentenceMayCount` is false
 * are skipped untokenized.
 */
export function countWordTokens(text: string, keep: (token: string) => boolean, sentenceMayCount?: (sentence: string) => boolean): number {
  let count = 0;
  forEachWordToken(text, (token) => {
    if (keep(token)) count++;
  }, sentenceMayCount);
  return count;
}

/** `min(len(nltk.word_tokenize(text)), limit + 1)`: stops counting past `limit`. */
export function countWordTokensUpTo(text: string, limit: number): number {
  let count = 0;
  forEachWordToken(text, () => ++count <= limit);
  return count;
}

/**
 * `sum(1 for w in nltk.word_tokenize(text) if w.isupper())`. A sentence without an uppercase
 * character is skipped untokenized: the Treebank rules only insert spaces, backticks and
 * apostrophes (none cased), so each token's cased characters come from its sentence, and
 * `isupper()` needs one that is uppercase. (Tokenizing 16 MB of "[" spaced it to 48 MB
 * and peaked at 20x the response.)
 */
export function countCapitalWords(text: string): number {
  return countWordTokens(text, pyIsUpper, pyHasUpperChar);
}
