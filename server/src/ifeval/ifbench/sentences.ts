// IFEval's regex `split_into_sentences`, which IFBench and IF-RLVR use (IFBench c94da02;
// later IFBench commits moved to NLTK). The sentences come one at a time, from pieces of the
// text: a checker that fails on its first sentence splits little, and a 16 MB response is
// never held as a list of its sentences (the list and the substituted text it pointed into
// were most of what a sentence checker kept alive on 16 MB of prose).

import { compilePyRegex } from "../python/py-regex.js";
import { pyStrip } from "../python/py-text.js";
import { replaceLiteral } from "../../util/replace-all.js";

const ALPHABETS = "([A-Za-z])";
const PREFIXES = "(Mr|St|Mrs|Ms|Dr)[.]";
const SUFFIXES = "(Inc|Ltd|Jr|Sr|Co)";
const STARTERS = String.raw`(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|It\s|They\s|Their\s|Our\s|We\s|But\s|However\s|That\s|This\s|Wherever)`;
const ACRONYMS = "([A-Z][.][A-Z][.](?:[A-Z][.])?)";
const WEBSITES = "[.](com|net|org|io|gov|edu|me)";
const DIGITS = "([0-9])";

const py = (pattern: string): RegExp => compilePyRegex(pattern)!;

/** The substitutions of IFEval's `split_into_sentences`, in order (Python `\s` is Unicode whitespace). */
const SENTENCE_RULES: readonly [RegExp, string][] = [
  [py(PREFIXES), "$1<prd>"],
  [py(WEBSITES), "<prd>$1"],
  [py(`${DIGITS}[.]${DIGITS}`), "$1<prd>$2"],
];
const LATER_RULES: readonly [RegExp, string][] = [
  [py(String.raw`\s${ALPHABETS}[.] `), " $1<prd> "],
  [py(`${ACRONYMS} ${STARTERS}`), "$1<stop> $2"],
  [py(`${ALPHABETS}[.]${ALPHABETS}[.]${ALPHABETS}[.]`), "$1<prd>$2<prd>$3<prd>"],
  [py(`${ALPHABETS}[.]${ALPHABETS}[.]`), "$1<prd>$2<prd>"],
  [py(` ${SUFFIXES}[.] ${STARTERS}`), " $1<stop> $2"],
  [py(` ${SUFFIXES}[.]`), " $1<prd>"],
  [py(` ${ALPHABETS}[.]`), " $1<prd>"],
];
const MULTIPLE_DOTS = /\.{2,}/g;
/** The last replacements of `split_into_sentences`, in order. */
const STOP_MARKS: readonly [string, string][] = [[".", ".<stop>"], ["?", "?<stop>"], ["!", "!<stop>"], ["<prd>", "."]];

/** The first piece's length in code units; each next piece is twice as long, up to LAST_PIECE. */
const FIRST_PIECE = 1 << 12;
/**
 * Each substitution copies its piece, not the whole text. 32 Ki code units (64 KB when two
 * bytes a character) keep each copy below V8's large-object size, so the twenty copies of a
 * piece die young in the new space; 256 Ki pieces went to the large-object space, which only
 * a full collection empties (ratio:sentence_type on 16 MB of prose: 297 -> 208 MB peak).
 */
const LAST_PIECE = 1 << 15;

export interface SentenceOptions {
  /** Every piece this long (tests), instead of pieces that grow from FIRST_PIECE to LAST_PIECE. */
  readonly pieceLength?: number;
  /**
   * The sentences of `mapPiece(input)` rather than of `input`, for a map that replaces code units
   * one for one and makes or removes no SPECIAL character and no surrogate (sentence_hyphens
   * reads "-" as " "): the cuts of `input` are then safe cuts of the mapped text, and no copy of
   * the whole mapped text is made.
   */
  readonly mapPiece?: (piece: string) => string;
}

/**
 * `split_into_sentences(input)`, one sentence at a time: the substitutions run on pieces of
 * the input cut where no substitution can see across, and the pieces are split on "<stop>"
 * as one text. On a 16 MB response the twenty substitutions of the whole text were twenty
 * copies of it (two bytes a character) alive at once.
 *
 * Why a cut is safe: every substitution matches a literal `.`, `?`, `!`, `"`, `”`, `<` or
 * `>` (SPECIAL; "\n" -> " " is one character for one), and only replaces, moves or inserts
 * SPECIAL characters and the `<prd>`/`<stop>` tokens (bracketed by SPECIAL ones): every other
 * input character stays, in order. So between a cut and the SPECIAL character nearest to it
 * in a match there are only input characters, and no match holds more than 9 of those in a
 * row (" However " after an acronym's dot is the longest). A cut with CUT_MARGIN non-SPECIAL
 * characters on each side is crossed by no match of any substitution, and the substitutions
 * have no lookaround: the pieces' results, joined, are the whole text's. No cut falls inside a
 * surrogate pair (the patterns read code points).
 */
export function* sentences(input: string, options: SentenceOptions = {}): Generator<string, void, undefined> {
  const { pieceLength, mapPiece } = options;
  let length = pieceLength ?? FIRST_PIECE;
  let open = ""; // the text after the last "<stop>" so far
  let from = 0;
  while (from < input.length) {
    const to = sentenceCut(input, from + length);
    const raw = mapPiece ? mapPiece(input.slice(from, to)) : input.slice(from, to);
    const parts = substituteSentenceMarks(`${from === 0 ? " " : ""}${raw}${to === input.length ? "  " : ""}`).split("<stop>");
    parts[0] = open + parts[0];
    open = parts.pop()!;
    for (const part of parts) yield pyStrip(part);
    from = to;
    if (pieceLength === undefined) length = Math.min(2 * length, LAST_PIECE);
  }
  // Upstream drops a last sentence that is empty (and only that one).
  const last = pyStrip(input.length === 0 ? substituteSentenceMarks("   ") : open);
  if (last !== "") yield last;
}

/** The whole list of `split_into_sentences(input)`. */
export function splitIntoSentences(input: string, options: SentenceOptions = {}): string[] {
  return Array.from(sentences(input, options));
}

/** The first `limit` sentences (fewer if the text has fewer): enough to tell whether it has exactly `limit - 1`. */
export function firstSentences(input: string, limit: number): string[] {
  const first: string[] = [];
  if (limit <= 0) return first;
  for (const sentence of sentences(input)) if (first.push(sentence) >= limit) break;
  return first;
}

/** How many sentences the text has. */
export function countSentences(input: string): number {
  let count = 0;
  for (const _ of sentences(input)) count++;
  return count;
}

/** Sentence `n` (1-based), or undefined when the text has fewer. */
export function nthSentence(input: string, n: number): string | undefined {
  let index = 0;
  for (const sentence of sentences(input)) if (++index === n) return sentence;
  return undefined;
}

/** Each sentence with the one after it (undefined after the last). */
export function* sentencesWithNext(input: string): Generator<[string, string | undefined], void, undefined> {
  let previous: string | undefined;
  let started = false;
  for (const sentence of sentences(input)) {
    if (started) yield [previous!, sentence];
    previous = sentence;
    started = true;
  }
  if (started) yield [previous!, undefined];
}

const CUT_MARGIN = 16;

function isSentenceSpecial(code: number): boolean {
  return code === 0x2e || code === 0x3f || code === 0x21 || code === 0x22 || code === 0x201d || code === 0x3c || code === 0x3e;
}

/** The first safe cut at or after `at` (see splitIntoSentences), or the end of the text. */
function sentenceCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  let run = 0; // non-SPECIAL characters in a row ending before i
  for (let i = Math.max(0, at - CUT_MARGIN); i < text.length; i++) {
    const code = text.charCodeAt(i);
    run = isSentenceSpecial(code) ? 0 : run + 1;
    const cut = i + 1 - CUT_MARGIN;
    if (run >= 2 * CUT_MARGIN && cut >= at && !isSurrogate(text.charCodeAt(cut - 1)) && !isSurrogate(text.charCodeAt(cut))) return cut;
  }
  return text.length;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/**
 * A piece up to this long is replaced natively (its match list, ~35 bytes a match, stays a
 * few MB): a million newlines through the piece joiner took 110 ms against 12 for spaces. A
 * longer piece (no safe cut: a run of "." or "?") goes through the piece joiner, which the
 * native replace would abort on past ~16 Mi matches.
 */
const NATIVE_UP_TO = 1 << 19;

const NEWLINE_RUNS = /\n+/g;
/** The SPECIAL characters of `sentences` (isSentenceSpecial). */
const ANY_SPECIAL = /[.?!"\u201d<>]/;

/**
 * `replace("\n", " ")` by runs of newlines, one call a run: V8's native replaceAll took 10-38 ms
 * on 256 Ki newlines in a row, this 0.4 ms. A piece longer than NATIVE_UP_TO goes through the
 * piece joiner (a million runs would be a million calls held in one result builder).
 */
function newlinesAsSpaces(text: string): string {
  if (text.length > NATIVE_UP_TO) return replaceLiteral(text, "\n", " ");
  return text.replace(NEWLINE_RUNS, (run) => " ".repeat(run.length));
}

/** The substitutions of `split_into_sentences`, up to the split on "<stop>". */
function substituteSentenceMarks(wrapped: string): string {
  let text = newlinesAsSpaces(wrapped);
  // Every other substitution matches a SPECIAL character (see `sentences`): a piece without one
  // (a run of spaces, commas, brackets or one word) is already what they would make.
  if (!ANY_SPECIAL.test(text)) return text;
  for (const [pattern, replacement] of SENTENCE_RULES) text = text.replace(pattern, replacement);
  text = text.replace(MULTIPLE_DOTS, (dots) => `${"<prd>".repeat(dots.length)}<stop>`);
  if (text.includes("Ph.D")) text = replaceLiteral(text, "Ph.D.", "Ph<prd>D<prd>", NATIVE_UP_TO);
  for (const [pattern, replacement] of LATER_RULES) text = text.replace(pattern, replacement);
  if (text.includes("”")) text = replaceLiteral(text, ".”", "”.", NATIVE_UP_TO);
  if (text.includes('"')) text = replaceLiteral(text, '."', '".', NATIVE_UP_TO);
  if (text.includes("!")) text = replaceLiteral(text, '!"', '"!', NATIVE_UP_TO);
  if (text.includes("?")) text = replaceLiteral(text, '?"', '"?', NATIVE_UP_TO);
  for (const [search, replacement] of STOP_MARKS) text = replaceLiteral(text, search, replacement, NATIVE_UP_TO);
  return text;
}

