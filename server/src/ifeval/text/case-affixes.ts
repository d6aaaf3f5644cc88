// `text.toLowerCase().startsWith(prefix)` and `.endsWith(suffix)` without lower-casing the
// whole text: on a 16 MB response each was a 32 MB copy per loose variant, for a test of a few
// characters at one end.
//
// Why a piece will do: lower-casing maps code points one by one except final sigma, whose
// context (case-ignorable characters, then a cased letter, on either side) never crosses
// whitespace, which is neither. So the lower-cased text is the lower-cased pieces on either
// side of a cut just after a whitespace character, and the end that holds the affix is enough
// once it is as long as the affix (lower-casing can lengthen, "İ" -> "i̇"; if it ever came out
// shorter, the whole text is lower-cased as before).

import { isPyWhitespaceCode } from "../python/py-text.js";

/** `text.toLowerCase().startsWith(prefix)`, for a lower-case `prefix`. */
export function lowerStartsWith(text: string, prefix: string): boolean {
  let cut = Math.min(prefix.length, text.length);
  while (cut < text.length && !isPyWhitespaceCode(text.charCodeAt(cut - 1))) cut++;
  const head = text.slice(0, cut).toLowerCase();
  return head.length >= prefix.length || cut === text.length ? head.startsWith(prefix) : text.toLowerCase().startsWith(prefix);
}

/** `text.toLowerCase().endsWith(suffix)`, for a lower-case `suffix`. */
export function lowerEndsWith(text: string, suffix: string): boolean {
  let cut = Math.max(0, text.length - suffix.length);
  while (cut > 0 && !isPyWhitespaceCode(text.charCodeAt(cut - 1))) cut--;
  const tail = text.slice(cut).toLowerCase();
  return tail.length >= suffix.length || cut === 0 ? tail.endsWith(suffix) : text.toLowerCase().endsWith(suffix);
}
