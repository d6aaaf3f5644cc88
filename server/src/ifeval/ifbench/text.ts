// Text helpers the IFBench checkers share, with the Python semantics of the
// official code at c94da02: `string.punctuation` (ASCII only), str.translate
// deletions (IFEval's regex sentence splitter is in sentences.ts), NLTK's English
// stopwords, NFKD-to-ASCII folding, and code-point indexing (Python str indexes
// code points, JS strings UTF-16 units).

import { isPyWhitespaceCode, PY_S, pyWhitespaceWords } from "../python/py-text.js";
import { replaceAll } from "../../util/replace-all.js";

/** Python `string.punctuation`. */
export const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
/** `''.join(string.punctuation) + ' '`, the strip set the checkers use most. */
export const PUNCTUATION_AND_SPACE = `${PUNCTUATION} `;

/** Whether a code unit is in PUNCTUATION_AND_SPACE (all ASCII), without a string per character. */
export function isPunctuationOrSpaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

const PUNCTUATION_RUN = /[!-/:-@[-`{-~]+/g;

/**
 * Python `s.translate(str.maketrans('', '', string.punctuation))`: runs of punctuation
 * deleted, through replaceAll, whose pieces are joined as it goes (V8's native replace kept
 * a slot per match: millions on a long response).
 */
export function removePunctuation(s: string): string {
  return replaceAll(s, PUNCTUATION_RUN, "");
}

/**
 * The words of `transform(text).split()`, one at a time, for a transform that maps the text
 * on either side of a whitespace character on its own (lower-casing, deleting punctuation:
 * character by character, and lower-casing's one context rule, final sigma, looks past
 * case-ignorable characters only, which whitespace is not). So the text is transformed in
 * pieces cut at whitespace (piecesAtWhitespace): no transformed copy of the whole text, and
 * one native transform per piece rather than one call per word (a million short words).
 * `pieceLength` is for tests.
 */
export function* transformedWords(text: string, transform: (piece: string) => string, pieceLength?: number): Generator<string, void, undefined> {
  for (const piece of piecesAtWhitespace(text, pieceLength)) yield* pyWhitespaceWords(transform(piece));
}

/** Input code units per piece of piecesAtWhitespace (at least): small enough that a piece and its copies stay out of V8's large-object space (see sentences.ts, LAST_PIECE). */
const WHITESPACE_PIECE = 1 << 14;

/**
 * The text in consecutive pieces, each cut just after a whitespace character (or at the end),
 * for a per-text result that no word crosses: a transformed copy of each piece instead of one
 * of the whole text. `pieceLength` is for tests.
 */
export function* piecesAtWhitespace(text: string, pieceLength = WHITESPACE_PIECE): Generator<string, void, undefined> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + pieceLength);
    while (to < text.length && !isPyWhitespaceCode(text.charCodeAt(to - 1))) to++;
    yield text.slice(from, to);
    from = to;
  }
}

/** Lower-cased, then punctuation deleted. */
export const lowerThenNoPunctuation = (word: string): string => removePunctuation(word.toLowerCase());
/** Punctuation deleted, then lower-cased. */
export const noPunctuationThenLower = (word: string): string => removePunctuation(word).toLowerCase();
export const lower = (word: string): string => word.toLowerCase();

/** Input code units per piece of foldToAscii (below V8's large-object size, as above). */
const FOLD_PIECE = 1 << 15;

/** The code points of a string (Python's view of `s[i]` and `len(s)`). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Python `s[-1]` ("" for an empty string, where Python raises), without an array of every code point. */
export function lastCodePoint(s: string): string {
  if (s.length === 0) return "";
  const low = s.charCodeAt(s.length - 1);
  const high = s.length > 1 ? s.charCodeAt(s.length - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return s.slice(pair ? -2 : -1);
}

/** Python `len(s)`. */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Python `s[0]` ("" for an empty string, where Python raises). */
export function firstCodePoint(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** Python `s.count(sub)`: non-overlapping, and `len(s) + 1` for an empty `sub`. */
export function pyCount(s: string, sub: string): number {
  if (sub === "") return pyLen(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** Python `unicodedata.normalize('NFKD', s).encode('ASCII', 'ignore').decode('ASCII')`. */
export function foldToAscii(s: string): string {
  return foldToAsciiInPieces(s, FOLD_PIECE);
}

/** foldToAscii with the piece length as a parameter, for tests. */
export function foldToAsciiInPieces(s: string, pieceLength: number): string {
  const fold = (piece: string) => piece.normalize("NFKD").replace(/[\u0080-\uffff]+/g, "");
  if (s.length <= pieceLength) return fold(s);
  // In pieces cut before an ASCII character: NFKD decomposes each code point on its own and
  // reorders only runs of combining marks, and an ASCII character is none (nor half a pair).
  const folded: string[] = [];
  for (let from = 0; from < s.length; ) {
    let to = Math.min(s.length, from + pieceLength);
    while (to < s.length && s.charCodeAt(to) >= 0x80) to++;
    folded.push(fold(s.slice(from, to)));
    from = to;
  }
  return folded.join("");
}

/** NLTK's English stopword list (nltk_data `stopwords/english`); entries with an apostrophe never match a `\w+` token. */
const STOPWORDS = new Set(
  ("i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his " +
    "himself she she's her hers herself it it's its itself they them their theirs themselves what which who whom this " +
    "that that'll these those am is are was were be been being have has had having do does did doing a an the and but " +
    "if or because as until while of at by for with about against between into through during before after above below " +
    "to from up down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don don't should " +
    "should've now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't " +
    "haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't " +
    "weren weren't won won't wouldn wouldn't").split(" "),
);

const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/** `count_stopwords`: `\w+` tokens whose lower case is an NLTK English stopword. */
export function countStopwords(text: string): number {
  let n = 0;
  // matchAll, not match: the array of every token of a long response stayed live to the end.
  for (const [token] of text.matchAll(WORD_RUN)) if (STOPWORDS.has(token.toLowerCase())) n++;
  return n;
}

const PY_SPACE = new RegExp(PY_S, "u");

/** `any(c.isspace() for c in s)`: one native search instead of a test per character. */
export function pyHasSpaceChar(s: string): boolean {
  return PY_SPACE.test(s);
}

/** Python `str.isdigit()`: decimal digits plus the digit-valued superscripts and circled forms. */
const DIGIT_ONLY = /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{1f100}-\u{1f10a}]+$/u;
export function pyIsDigit(s: string): boolean {
  return DIGIT_ONLY.test(s);
}

const ND = /^\p{Nd}$/u;

/** Python `int()` of a run of Unicode decimal digits (each Nd block is a contiguous run of 0-9). */
export function pyDecimalValue(digits: string): number {
  let value = 0;
  for (const ch of digits) {
    const cp = ch.codePointAt(0)!;
    let zero = cp;
    while (zero > 0 && ND.test(String.fromCodePoint(zero - 1))) zero--;
    value = value * 10 + ((cp - zero) % 10);
  }
  return value;
}
