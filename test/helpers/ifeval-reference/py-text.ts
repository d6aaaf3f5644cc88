// Test oracle: the implementation as of commit 0a6ff68 (before issue 9), kept verbatim so
// property tests can compare the linear-time rewrite with it. Not shipped.
// Python 3 `str` and `re` (Unicode mode) behaviour that JavaScript does not share:
// the whitespace set of str.strip()/split() and `\s`, `\w`, and str.isupper()/islower()
// on Unicode. Shared by the IFEval checkers and the NLTK/langdetect ports.

/** Characters Python's str.isspace() accepts (Py_UNICODE_ISSPACE); JS `\s` differs (no \x1c-\x1f or \x85, adds \ufeff). */
export const PY_WHITESPACE_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Regex sources for Python `\s` and `\S` (use with the `u` flag). */
export const PY_S = `[${PY_WHITESPACE_CLASS}]`;
export const PY_NON_S = `[^${PY_WHITESPACE_CLASS}]`;

/** Python `\w` is `str.isalnum()` or `_`: letters and all numerics, but not combining marks. */
export const PY_WORD_CHARS = "\\p{L}\\p{N}_";
/** Python `[^\W\d]`: word characters that are not decimal digits (Nd). */
export const PY_WORD_NOT_DIGIT_CHARS = "\\p{L}\\p{Nl}\\p{No}_";

const LEADING_WS = new RegExp(`^[${PY_WHITESPACE_CLASS}]+`, "u");
const TRAILING_WS = new RegExp(`[${PY_WHITESPACE_CLASS}]+$`, "u");
const WS_RUNS = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, "u");

const NON_WS = new RegExp(`[^${PY_WHITESPACE_CLASS}]`, "u");

/** Python `s.strip() == ""`, without copying the text (it stops at the first non-space). */
export function pyIsBlank(s: string): boolean {
  return !NON_WS.test(s);
}

/** Python `s.rstrip()`. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING_WS, "");
}

/** Python `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(LEADING_WS, "").replace(TRAILING_WS, "");
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
