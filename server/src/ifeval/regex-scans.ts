// Linear-time equivalents of the IFEval regexes that backtrack quadratically in a regex
// engine (Python's and V8's alike) on degenerate responses. Each function gives exactly
// what `re.findall` (or `re.search`) gives for its pattern; the reasoning is beside each,
// and test/unit/ifeval/linear-equivalence.test.ts compares them with the regexes on random
// and degenerate text.

import { isPyWhitespaceCode, pySkipWhitespace } from "./python/py-text.js";

const NEWLINE = 0x0a;
const STAR = 0x2a;
const GREATER = 0x3e;

/**
 * `len(re.findall(r"^\s*\*[^\*].*$", text, re.MULTILINE))` (marker "*") and
 * `len(re.findall(r"^\s*-.*$", text, re.MULTILINE))` (marker "-").
 *
 * A match starts at a line start p. `\s*` can only end where its maximal run of whitespace
 * from p ends (k): the marker is not whitespace, so backtracking to a shorter run never
 * finds it. Then the marker at k, for "*" one more character that is not "*" (it may be a
 * "\n"), then `.*$` runs to the next "\n" or the end. When that fails at p it fails at every
 * line start in (p, k] too (their runs end at the same k), so the search resumes after k;
 * after a match it resumes at the match's end, as findall does.
 */
export function countBulletLines(text: string, marker: "*" | "-"): number {
  const markerCode = marker.charCodeAt(0);
  let count = 0;
  let p = 0;
  while (p <= text.length) {
    if (p > 0 && text.charCodeAt(p - 1) !== NEWLINE) {
      const nl = text.indexOf("\n", p);
      if (nl < 0) break;
      p = nl + 1;
      continue;
    }
    const k = pySkipWhitespace(text, p);
    let bodyStart = -1;
    if (k < text.length && text.charCodeAt(k) === markerCode) {
      if (marker === "-") bodyStart = k + 1;
      else if (k + 1 < text.length && text.charCodeAt(k + 1) !== STAR) bodyStart = k + 2;
    }
    if (bodyStart < 0) {
      if (k >= text.length) break;
      p = k + 1;
      continue;
    }
    count++;
    const nl = bodyStart > text.length ? -1 : text.indexOf("\n", bodyStart);
    if (nl < 0) break;
    p = nl;
  }
  return count;
}

/**
 * `len(re.findall(r"\[.*?\]", text))`: from each "[" the lazy `.*?` stops at the first "]"
 * on the same line (`.` is anything but "\n"); then the search resumes after that "]".
 * Without one before the line ends, no "[" before that line end can match either.
 * The next "]" and "\n" are remembered, so the whole scan reads the text once.
 */
export function countPlaceholders(text: string): number {
  let count = 0;
  let close = -2;
  let newline = -2;
  let i = text.indexOf("[");
  while (i >= 0) {
    if (close !== -1 && close <= i) close = text.indexOf("]", i + 1);
    if (newline !== -1 && newline <= i) newline = text.indexOf("\n", i + 1);
    if (close >= 0 && (newline < 0 || close < newline)) {
      count++;
      i = text.indexOf("[", close + 1);
    } else if (newline >= 0) {
      i = text.indexOf("[", newline + 1);
    } else {
      break;
    }
  }
  return count;
}

/**
 * `re.findall(r"<<[^\n]+>>", text)`: the first "<<" of a line, then the greedy `[^\n]+`
 * backs off to the last ">>" of that line that leaves at least one character between.
 * The match ends the line's matches (no ">>" is left after it), and a line without such a
 * ">>" after its first "<<" has none after any later "<<" either (it would need one further on).
 */
export function* titleMatches(text: string): Generator<string> {
  let from = 0;
  for (;;) {
    const open = text.indexOf("<<", from);
    if (open < 0) break;
    // One pass over the rest of the line, remembering its last ">>" (a backward search
    // could run past the line start into earlier text on every line).
    if (open + 2 >= text.length) break;
    if (text.charCodeAt(open + 2) === NEWLINE) {
      from = open + 3;
      continue;
    }
    let close = -1;
    let i = open + 3;
    for (; i < text.length && text.charCodeAt(i) !== NEWLINE; i++) {
      if (text.charCodeAt(i) === GREATER && i + 1 < text.length && text.charCodeAt(i + 1) === GREATER) close = i;
    }
    if (close >= 0) yield text.slice(open, close + 2);
    if (i >= text.length) break;
    from = i + 1;
  }
}

/**
 * `re.search(r"\s*" + rest, text)` is `re.search(rest, text)`: a match of the longer pattern
 * contains one of `rest` where its `\s*` ends, and `rest` matching at q makes `\s*` match
 * empty at q. A leading `\s*` only makes the search retry every start inside a run of
 * whitespace (quadratic on long runs). Unless `rest` starts with a quantifier, which would
 * apply to `\s*` itself, the leading `\s*` can be dropped.
 */
export function withoutLeadingWhitespaceStar(rest: string): string | undefined {
  return /^[*+?{]/.test(rest) ? undefined : rest;
}

export { isPyWhitespaceCode };
