// Python 3 `str` and `re` (Unicode mode) behaviour that JavaScript does not share:
// the whitespace set of str.strip()/split() and `\s`, `\w`, and str.isupper()/islower()
// on Unicode. Shared by the IFEval checkers and the NLTK/langdetect ports.

import { replaceAll } from "../../util/replace-all.js";

/** Characters Python's str.isspace() accepts (Py_UNICODE_ISSPACE); JS `\s` differs (no \x1c-\x1f or \x85, adds \ufeff). */
export const PY_WHITESPACE_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Regex sources for Python `\s` and `\S` (use with the `u` flag). */
export const PY_S = `[${PY_WHITESPACE_CLASS}]`;
export const PY_NON_S = `[^${PY_WHITESPACE_CLASS}]`;

/** Python `\w` is `str.isalnum()` or `_`: letters and all numerics, but not combining marks. */
export const PY_WORD_CHARS = "\\p{L}\\p{N}_";
/** Python `[^\W\d]`: word characters that are not decimal digits (Nd). */
export const PY_WORD_NOT_DIGIT_CHARS = "\\p{L}\\p{Nl}\\p{No}_";

const WS_RUNS = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, "u");

/** One byte per code unit up to U+3000 (the last whitespace character), derived from the class. */
const WHITESPACE_TABLE = (() => {
  const space = new RegExp(`[${PY_WHITESPACE_CLASS}]`, "u");
  const table = new Uint8Array(0x3001);
  for (let c = 0; c < table.length; c++) if (space.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/**
 * Python `str.isspace()` for one UTF-16 code unit (every Python whitespace character is in
 * the BMP), by table lookup.
 * Strip is a loop over code units, not a regex: `\s+$` retries from every start of a run and
 * is quadratic on long runs of whitespace that do not end the text.
 */
export function isPyWhitespaceCode(c: number): boolean {
  return c < WHITESPACE_TABLE.length && WHITESPACE_TABLE[c] === 1;
}

/** The next non-whitespace code unit; no `u` flag, so lastIndex never steps back into a surrogate pair. */
const NEXT_NON_WS = new RegExp(`[^${PY_WHITESPACE_CLASS}]`, "g");

const NEXT_WS = new RegExp(`[${PY_WHITESPACE_CLASS}]`, "g");

/**
 * Index of the first whitespace code unit at or after `from`, or `s.length`: where a word
 * starting at `from` ends. A short word ends within a few code units of a loop; a long one
 * (a million commas) is one native search instead of a million steps.
 */
export function pyWordEnd(s: string, from: number): number {
  const loopTo = Math.min(s.length, from + 16);
  for (let i = from; i < loopTo; i++) if (isPyWhitespaceCode(s.charCodeAt(i))) return i;
  if (loopTo === s.length) return s.length;
  NEXT_WS.lastIndex = loopTo;
  const next = NEXT_WS.exec(s);
  return next === null ? s.length : next.index;
}

/** Index of the first non-whitespace code unit in [from, to), or `to`. */
export function pySkipWhitespace(s: string, from = 0, to = s.length): number {
  if (from >= to || !isPyWhitespaceCode(s.charCodeAt(from))) return from;
  // One whitespace character, the usual gap between two words, without starting the regex.
  if (from + 1 >= to || !isPyWhitespaceCode(s.charCodeAt(from + 1))) return from + 1;
  if (to === s.length) {
    // To the end: the regex engine scans a long run a few times faster than a loop.
    NEXT_NON_WS.lastIndex = from;
    const next = NEXT_NON_WS.exec(s);
    return next === null ? to : next.index;
  }
  let i = from;
  while (i < to && isPyWhitespaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last non-whitespace code unit in [from, to), or `from` when none. */
export function pyTrimEnd(s: string, to = s.length, from = 0): number {
  let end = to;
  while (end > from && isPyWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Python `s.strip() == ""`, without copying the text (it stops at the first non-space). */
export function pyIsBlank(s: string): boolean {
  return pySkipWhitespace(s) === s.length;
}

/** Python `s.rstrip()`. */
export function pyRstrip(s: string): string {
  return s.slice(0, pyTrimEnd(s));
}

/** Python `s.strip()`. */
export function pyStrip(s: string): string {
  const start = pySkipWhitespace(s);
  return s.slice(start, pyTrimEnd(s, s.length, start));
}

/** Python `s.lstrip(chars)` with an explicit character set. */
export function pyLstripChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return s.slice(start);
}

/** Python `s.rstrip(chars)` with an explicit character set. */
export function pyRstripChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Python `s.strip(chars)` with an explicit character set (ASCII chars only in our callers). */
export function pyStripChars(s: string, chars: string): string {
  return pyRstripChars(pyLstripChars(s, chars), chars);
}

/** Python `s.split()`: runs of whitespace separate, no empty pieces. */
export function pySplitWhitespace(s: string): string[] {
  const stripped = pyStrip(s);
  return stripped === "" ? [] : stripped.split(WS_RUNS);
}

/**
 * The items of Python's `s.split()`, one at a time: on a long response the array of every
 * word (8 bytes a slot, grown by copies, on top of the words) was the largest allocation.
 */
export function* pyWhitespaceWords(s: string): Generator<string, void, undefined> {
  for (let start = pySkipWhitespace(s); start < s.length; ) {
    const end = pyWordEnd(s, start);
    yield s.slice(start, end);
    start = pySkipWhitespace(s, end);
  }
}

const WS_RUNS_GLOBAL = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, "gu");

/** Python `"".join(s.split())`: the text without its whitespace, without the array of words. */
export function pyRemoveWhitespace(s: string): string {
  return replaceAll(s, WS_RUNS_GLOBAL, "");
}

/**
 * Python `" ".join(reversed(s.split()))`, read from the end and joined in chunks of words:
 * the array of every word of a long response was 8 bytes a slot on top of the words.
 */
export function pyReverseWords(s: string): string {
  const chunks: string[] = [];
  let words: string[] = [];
  for (const word of pyWordsFromEnd(s)) {
    words.push(word);
    if (words.length === 1 << 16) {
      chunks.push(words.join(" "));
      words = [];
    }
  }
  if (words.length > 0) chunks.push(words.join(" "));
  return chunks.join(" ");
}

/** The words of `reversed(s.split())`, one at a time from the end. */
export function* pyWordsFromEnd(s: string): Generator<string, void, undefined> {
  for (let end = pyTrimEnd(s); end > 0; ) {
    let start = end - 1;
    while (start > 0 && !isPyWhitespaceCode(s.charCodeAt(start - 1))) start--;
    yield s.slice(start, end);
    end = pyTrimEnd(s, start);
  }
}

/**
 * The words of `s.split()` as [start, end) spans, in order, to `visit`, which returns false to
 * stop there; returns false if it stopped. No string per word: for checkers that read a
 * length or a character of each of a million words.
 */
export function everyWordSpan(s: string, visit: (start: number, end: number) => boolean): boolean {
  for (let start = pySkipWhitespace(s); start < s.length; ) {
    const end = pyWordEnd(s, start);
    if (!visit(start, end)) return false;
    start = pySkipWhitespace(s, end);
  }
  return true;
}

/** Python `len(s.split())`, without the words. */
export function pyCountWhitespaceWords(s: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const word = !isPyWhitespaceCode(s.charCodeAt(i));
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

/** Python `s.split()[0]`, undefined where `s` is blank (an IndexError upstream). */
export function pySplitFirst(s: string): string | undefined {
  return pyIsBlank(s) ? undefined : pyFirstWord(s);
}

/** Python `s.split()[-1]`, undefined where `s` is blank. */
export function pySplitLast(s: string): string | undefined {
  const end = pyTrimEnd(s);
  if (end === 0) return undefined;
  let start = end - 1;
  while (start > 0 && !isPyWhitespaceCode(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end);
}

const WORD_CHAR = new RegExp(`^[${PY_WORD_CHARS}]$`, "u");
/** Per BMP code unit: 0 not yet classified, 1 a `\w` character, 2 not. Filled on first sight. */
const WORD_TABLE = new Uint8Array(0x10000);
const ASTRAL_WORD = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let known = WORD_TABLE[cp];
    if (known === 0) WORD_TABLE[cp] = known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return known === 1;
  }
  let word = ASTRAL_WORD.get(cp);
  if (word === undefined) ASTRAL_WORD.set(cp, (word = WORD_CHAR.test(String.fromCodePoint(cp))));
  return word;
}

/**
 * `len(re.findall(r"\w+", s))` with Python's Unicode `\w`: runs of word characters, counted
 * in one pass over the code points (a regex match per word allocated more than the text).
 */
export function pyCountWordRuns(s: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const word = isWordCodePoint(cp);
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

/** Python `s.split()[0]` for a text that is not blank (`s.split()` would build every word). */
export function pyFirstWord(s: string): string {
  const start = pySkipWhitespace(s);
  let end = start;
  while (end < s.length && !isPyWhitespaceCode(s.charCodeAt(end))) end++;
  return s.slice(start, end);
}

// Python 3 derives isupper/islower from the Unicode Uppercase/Lowercase
// properties (not just Lu/Ll), and titlecase letters (Lt) make both false.
const BLOCKS_UPPER = /[\p{Lowercase}\p{Lt}]/u;
const BLOCKS_LOWER = /[\p{Uppercase}\p{Lt}]/u;
const HAS_UPPER = /\p{Uppercase}/u;
const HAS_LOWER = /\p{Lowercase}/u;

/** Python `s.isupper()`: at least one cased character and none lower- or titlecase. */
export function pyIsUpper(s: string): boolean {
  return HAS_UPPER.test(s) && !BLOCKS_UPPER.test(s);
}

/** Whether some character of `s` is uppercase: false means neither `s` nor any part of it is `isupper()`. */
export function pyHasUpperChar(s: string): boolean {
  return HAS_UPPER.test(s);
}

/** Python `s.islower()`: at least one cased character and none upper- or titlecase. */
export function pyIsLower(s: string): boolean {
  return HAS_LOWER.test(s) && !BLOCKS_LOWER.test(s);
}

/** Python `s[0].isupper()` on the first code point (false for ""). */
export function pyFirstIsUpper(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && HAS_UPPER.test(String.fromCodePoint(first));
}

/** Python `s[0].islower()` on the first code point (false for ""). */
export function pyFirstIsLower(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && HAS_LOWER.test(String.fromCodePoint(first));
}

/**
 * The items of Python's `s.split("\n")`, one at a time: 16 MB of newlines is 16 million lines,
 * and the array of them alone (8 bytes a slot, grown by copies) was hundreds of MB.
 */
export function* pySplitLines(s: string): Generator<string, void, undefined> {
  let start = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", start)) {
    yield s.slice(start, i);
    start = i + 1;
  }
  yield s.slice(start);
}

/** `s.split("\n")[0]`. */
export function pyFirstLine(s: string): string {
  const i = s.indexOf("\n");
  return i === -1 ? s : s.slice(0, i);
}
