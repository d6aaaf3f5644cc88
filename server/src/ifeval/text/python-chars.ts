// Python 3 `str` / `re` (Unicode mode) character semantics, for porting NLTK exactly.

/**
 * Characters Python's `str.isspace()` and `re` `\s` accept. Differs from JS `\s`:
 * Python adds U+001C..U+001F and U+0085, and does not count U+FEFF.
 */
export const PY_SPACE_CHARS =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Regex source for Python `\s` and `\S` (use with the `u` flag). */
export const PY_S = `[${PY_SPACE_CHARS}]`;
export const PY_NON_S = `[^${PY_SPACE_CHARS}]`;

/** Python `\w` is `str.isalnum()` or `_`: letters and all numerics, but not combining marks. */
export const PY_WORD_CHARS = "\\p{L}\\p{N}_";
/** Python `[^\W\d]`: word characters that are not decimal digits (Nd). */
export const PY_WORD_NOT_DIGIT_CHARS = "\\p{L}\\p{Nl}\\p{No}_";

const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const TITLE = /\p{Lt}/u;
const SPACE = new RegExp(`^${PY_S}$`, "u");
const LEADING_SPACE = new RegExp(`^${PY_S}+`, "u");
const TRAILING_SPACE = new RegExp(`${PY_S}+$`, "u");
const SPACE_RUN = new RegExp(`${PY_S}+`, "u");

/** Python `s.isupper()`: no lower/title-case character and at least one upper-case one. */
export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (LOWER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && UPPER.test(ch)) cased = true;
  }
  return cased;
}

/** Python `s.islower()`: no upper/title-case character and at least one lower-case one. */
export function pyIsLower(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && LOWER.test(ch)) cased = true;
  }
  return cased;
}

/** Python `s[0].isupper()` on the first code point (false for ""). */
export function pyFirstIsUpper(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && UPPER.test(String.fromCodePoint(first));
}

/** Python `s[0].islower()` on the first code point (false for ""). */
export function pyFirstIsLower(s: string): boolean {
  const first = s.codePointAt(0);
  return first !== undefined && LOWER.test(String.fromCodePoint(first));
}

export function pyIsSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** Python `s.strip()` with no argument. */
export function pyStrip(s: string): string {
  return s.replace(LEADING_SPACE, "").replace(TRAILING_SPACE, "");
}

/** Python `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING_SPACE, "");
}

/** Python `s.split()` with no argument: split on runs of whitespace, no empty pieces. */
export function pySplitWhitespace(s: string): string[] {
  return s.split(SPACE_RUN).filter((piece) => piece.length > 0);
}
