// Test oracle: the hard checks and loose variants as they were at commit 0a6ff68 (before
// issue 9), the regex and split formulations, quadratic on some degenerate texts. The
// property tests compare the linear rewrite in server/src/ifeval with these. Not shipped.

import { compilePyRegex } from "../../../server/src/ifeval/python/py-regex.js";
import { PY_WHITESPACE_CLASS, pyIsUpper, pyLstripChars, pyRstripChars, pySplitWhitespace, pyStrip, pyStripChars } from "./py-text.js";
import { punktSentences } from "./punkt.js";
import { wordTokenize } from "./words.js";

export { pyStrip, pyRstrip, pyIsBlank } from "./py-text.js";

function countMatches(text: string, regex: RegExp): number {
  return text.match(regex)?.length ?? 0;
}

/** verify.ts looseVariants with split("\n"). */
export function looseVariants(response: string): string[] {
  const noStars = (t: string) => t.replaceAll("*", "");
  const lines = response.split("\n");
  const first = pyStrip(lines.slice(1).join("\n"));
  const last = pyStrip(lines.slice(0, -1).join("\n"));
  const both = pyStrip(lines.slice(1, -1).join("\n"));
  return [response, noStars(response), first, last, both, noStars(first), noStars(last), noStars(both)];
}

const STAR_BULLET = compilePyRegex(String.raw`^\s*\*[^\*].*$`, { multiline: true })!;
const DASH_BULLET = compilePyRegex(String.raw`^\s*-.*$`, { multiline: true })!;

export function bulletCount(response: string): number {
  return countMatches(response, STAR_BULLET) + countMatches(response, DASH_BULLET);
}

const PLACEHOLDER = compilePyRegex(String.raw`\[.*?\]`)!;

export function placeholderCount(response: string): number {
  return countMatches(response, PLACEHOLDER);
}

function postscriptPattern(marker: string): RegExp | undefined {
  const stripped = pyStrip(marker);
  if (stripped === "P.P.S") return compilePyRegex(String.raw`\s*p\.\s?p\.\s?s.*$`, { multiline: true });
  if (stripped === "P.S.") return compilePyRegex(String.raw`\s*p\.\s?s\..*$`, { multiline: true });
  return compilePyRegex(String.raw`\s*` + stripped.toLowerCase() + ".*$", { multiline: true });
}

export function hasPostscript(response: string, marker: string): boolean {
  const pattern = postscriptPattern(marker);
  return pattern !== undefined && countMatches(response.toLowerCase(), pattern) > 0;
}

const TITLE = /<<[^\n]+>>/g;

export function titleMatches(response: string): string[] {
  return response.match(TITLE) ?? [];
}

export function hasTitle(response: string): boolean {
  return titleMatches(response).some((t) => pyStrip(pyRstripChars(pyLstripChars(t, "<"), ">")) !== "");
}

export function sentenceCount(text: string): number {
  return punktSentences(text).length;
}

export { punktSentences, wordTokenize };

export function capitalWordCount(text: string): number {
  return wordTokenize(text).filter(pyIsUpper).length;
}

const WORD_RUN = /[\p{L}\p{N}_]+/gu;
export function wordCount(text: string): number {
  return text.match(WORD_RUN)?.length ?? 0;
}

export function letterCount(response: string, letter: string): number {
  const lower = letter.toLowerCase();
  return [...lower].length === 1 ? response.toLowerCase().split(lower).length - 1 : 0;
}

/** The first word nth_paragraph_first_word compares (before the count check). */
export function firstSplitWord(paragraph: string): string | undefined {
  return pySplitWhitespace(paragraph)[0];
}

export { PY_WHITESPACE_CLASS, pyStripChars };
