// Issue 9 item 2: the linear-time checkers give exactly the verdicts of the regex and split
// formulations they replace (kept in test/helpers/ifeval-reference/, the code of commit
// 0a6ff68), on random text, on text made of the characters the patterns care about, and on
// degenerate runs (the shapes that were quadratic), kept short enough for the old code.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import * as ref from "../../helpers/ifeval-reference/checks.js";
import { isPythonJson as refIsPythonJson } from "../../helpers/ifeval-reference/py-json.js";
import { countBulletLines, countPlaceholders, titleMatches } from "../../../server/src/ifeval/regex-scans.js";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { looseVariants } from "../../../server/src/ifeval/verify.js";
import { countMatches, countOccurrences } from "../../../server/src/ifeval/hard-type.js";
import { capitalWordCount, sentenceCount, wordCount } from "../../../server/src/ifeval/text-cache.js";
import { punktSentences } from "../../../server/src/ifeval/text/punkt.js";
import { wordTokenize } from "../../../server/src/ifeval/text/words.js";
import { isPythonJson } from "../../../server/src/ifeval/python/py-json.js";
import { PY_WHITESPACE_CLASS, isPyWhitespaceCode, pyFirstWord, pyIsBlank, pyRstrip, pyStrip } from "../../../server/src/ifeval/python/py-text.js";
import { replaceAll } from "../../../server/src/util/replace-all.js";
import { extractNgrams } from "../../../server/src/ifeval/text/langdetect-ngrams.js";
import { MAIL_PATTERN, URL_PATTERN, cleanedPrefix } from "../../../server/src/ifeval/text/langdetect-clean.js";
import { langdetectData } from "../../../server/src/ifeval/text/langdetect-profiles.js";
import { extractNgrams as refExtractNgrams } from "../../helpers/ifeval-reference/langdetect-ngrams.js";

const RUNS = 400;

/** Characters the patterns react to, plus Unicode whitespace, letters of both cases, an astral character. */
const SIGNIFICANT = [
  " ", "\n", "\n", "\t", "\r", "\u00a0", "\u2028", "\u3000", "\x1c", "*", "*", "-", "[", "]", "<", "<", ">", ">", ".", "!", "?",
  ",", ":", ";", '"', "'", "`", "(", ")", "{", "}", "#", "p", "s", "P", "S", "a", "A", "Z", "x", "1", "é", "É", "ß", "😀", "ǅ",
  "n't", "can", "not", "...", "--", "P.S.", "p.p.s", "e.g.", "Dr.", "My answer is yes.", "``", "''", "\u201c", "\u201d",
  "𝐀", "٣", "\u0301", "\ud800",
];

const significantText = fc.array(fc.constantFrom(...SIGNIFICANT), { maxLength: 80 }).map((parts) => parts.join(""));

/** Runs of one significant piece, the shapes that were quadratic, between other text. */
const degenerateText = fc
  .array(fc.tuple(fc.constantFrom(...SIGNIFICANT), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 4 })
  .chain((runs) => fc.tuple(fc.constant(runs), significantText))
  .map(([runs, tail]) => runs.map(([piece, n]) => piece.repeat(n)).join("") + tail);

const anyText = fc.oneof(
  { weight: 3, arbitrary: significantText },
  { weight: 2, arbitrary: degenerateText },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
);

function same<T>(name: string, actual: (text: string) => T, expected: (text: string) => T, arbitrary = anyText, runs = RUNS): void {
  test(name, () => {
    fc.assert(fc.property(arbitrary, (text) => {
      assert.deepEqual(actual(text), expected(text));
    }), { numRuns: runs, seed: 9 });
  });
}

test("the whitespace table is Python's whitespace class, on every UTF-16 code unit", () => {
  const space = new RegExp(`^[${PY_WHITESPACE_CLASS}]$`, "u");
  for (let c = 0; c <= 0xffff; c++) assert.equal(isPyWhitespaceCode(c), space.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

same("pyStrip, pyRstrip, pyIsBlank equal the regex versions", (t) => [pyStrip(t), pyRstrip(t), pyIsBlank(t)], (t) => [ref.pyStrip(t), ref.pyRstrip(t), ref.pyIsBlank(t)]);
same("pyFirstWord is s.split()[0]", (t) => (pyIsBlank(t) ? undefined : pyFirstWord(t)), (t) => ref.firstSplitWord(t));
same("loose variants equal the split('\\n') versions", (t) => looseVariants(t), (t) => ref.looseVariants(t));
same("bullet lines: the anchored scan counts what the two regexes find", (t) => countBulletLines(t, "*") + countBulletLines(t, "-"), ref.bulletCount);
same("placeholders: the scan counts what \\[.*?\\] finds", countPlaceholders, ref.placeholderCount);
same("titles: the scan yields what <<[^\\n]+>> finds", (t) => [...titleMatches(t)], ref.titleMatches);
same("title verdicts", (t) => findHardType("title")!.check(t, {}), ref.hasTitle);
for (const marker of ["P.S.", "P.P.S", "p.s", "ps", "Note:", "a|b", "?x", "(p)\\s"]) {
  same(`postscript ${JSON.stringify(marker)}: without the leading \\s* the search finds the same`, (t) => findHardType("postscript")!.check(t, { postscript_marker: marker }), (t) => ref.hasPostscript(t, marker));
}
same("Punkt sentences (streamed spans) equal the array version", (t) => punktSentences(t), ref.punktSentences);
same("sentence counts", (t) => sentenceCount(t), ref.sentenceCount);
same("word_tokenize equals the array version", (t) => wordTokenize(t), ref.wordTokenize);
same("capital word counts (streamed) equal filter(isupper).length", (t) => capitalWordCount(t), ref.capitalWordCount);
same("word counts equal match().length", (t) => wordCount(t), ref.wordCount);
same("letter counts equal split().length - 1", (t) => [..."a*.\n😀ß"].map((l) => countOccurrences(t.toLowerCase(), l.toLowerCase())), (t) => [..."a*.\n😀ß"].map((l) => ref.letterCount(t, l)));
same("countMatches equals match().length, empty matches included", (t) => [/a*/gu, /[.!?]/g, /(?:)/gu].map((r) => countMatches(t, r)), (t) => [/a*/gu, /[.!?]/g, /(?:)/gu].map((r) => t.match(r)?.length ?? 0));

const jsonish = fc.oneof(
  fc.json().map((j) => j),
  fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
  fc.array(fc.constantFrom('"', "\\", "u", "0", "a", "F", "n", "{", "}", "[", "]", ":", ",", " ", "\n", "\x01", "NaN", "-Infinity", "1", "e", "."), { maxLength: 40 }).map((p) => p.join("")),
);
same("isPythonJson: the string loop equals the string regex", isPythonJson, refIsPythonJson, jsonish, 600);

test("replaceAll: the match-by-match path equals the native replace", () => {
  const rules: [RegExp, string][] = [[/([:,])([^\p{Nd}])/gu, " $1 $2"], [/[;@#$%&]/gu, " $& "], [/(a)|(b)/g, "[$1$2$$]"], [/x*/gu, "-"], [/😀/gu, "$&$&"]];
  fc.assert(fc.property(anyText, (text) => {
    for (const [regex, template] of rules) assert.equal(replaceAll(text, regex, template, 0), text.replace(regex, template));
  }), { numRuns: RUNS, seed: 9 });
});

// The reference nth_paragraph_first_word check, verbatim, against the shipped one.
function refNthParagraph(response: string, args: { num_paragraphs: number; nth_paragraph: number; first_word: string }): boolean {
  const paragraphs = response.split("\n\n");
  const count = paragraphs.filter((p) => ref.pyStrip(p) !== "").length;
  if (args.nth_paragraph > count) return false;
  const paragraph = ref.pyStrip(paragraphs[args.nth_paragraph - 1]);
  if (paragraph === "") return false;
  const word = ref.firstSplitWord(paragraph)!.replace(/^'+/, "").replace(/^"+/, "");
  let firstWord = "";
  for (const ch of word) {
    if ([".", ",", "?", "!", "'", '"'].includes(ch)) break;
    firstWord += ch.toLowerCase();
  }
  return count === args.num_paragraphs && firstWord === args.first_word.toLowerCase();
}

test("nth_paragraph_first_word: walking the ranges equals splitting", () => {
  const type = findHardType("nth_paragraph_first_word")!;
  const paragraphs = fc.array(fc.oneof(significantText, fc.constantFrom("p", "P.S.", "a", "\n", "")), { maxLength: 6 }).map((ps) => ps.join("\n\n"));
  fc.assert(fc.property(fc.oneof(paragraphs, anyText), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom("p", "a", "x"), (text, nth, extra, word) => {
    const args = { num_paragraphs: nth + extra, nth_paragraph: nth, first_word: word };
    assert.equal(type.check(text, args), refNthParagraph(text, args));
  }), { numRuns: RUNS, seed: 9 });
});

test("langdetect n-grams: cleaning only the prefix that is read equals cleaning the whole text", () => {
  const data = langdetectData();
  const pieces = ["a", "b ", " ", "  ", "x@y.z ", "me@example.com", "http://a.b/c ", "https://x", "@", ".", "ệ", "e\u0323", "Ư", "😀", "日本", "Привет ", "\n"];
  const piece = fc.constantFrom(...pieces);
  // Around the 40,000 code units the cleaning keeps: a filler, then URLs and addresses near the cut.
  const long = fc.tuple(fc.integer({ min: 38_000, max: 41_000 }), fc.constantFrom("a", "ab ", "x@y.", "-"), fc.array(piece, { maxLength: 200 }))
    .map(([n, unit, tail]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail.join(""));
  const emails = fc.integer({ min: 100, max: 400 }).map((n) => "someone.else@example.org ".repeat(n) + "and some words after");
  fc.assert(fc.property(fc.oneof(anyText, long, emails, fc.array(piece, { maxLength: 400 }).map((p) => p.join(""))), (text) => {
    assert.deepEqual(extractNgrams(text, data), refExtractNgrams(text, data));
  }), { numRuns: 150, seed: 9 });
});

test("langdetect cleaning: every prefix asked for is a prefix of cleaning the whole text, and long enough", () => {
  const piece = fc.constantFrom("a", "b ", " ", "x@y.z ", "me@example.com", "a@b", "http://a.b/c ", "https://x", "http:/", "@", ".", "-", "😀", "é");
  const text = fc.array(piece, { maxLength: 300 }).map((p) => p.join(""));
  fc.assert(fc.property(text, fc.integer({ min: 1, max: 400 }), (t, units) => {
    const whole = t.replace(URL_PATTERN, " ").replace(MAIL_PATTERN, " ");
    const prefix = cleanedPrefix(t, units);
    assert.equal(whole.startsWith(prefix), true, JSON.stringify({ t, units, prefix, whole }));
    assert.ok(prefix.length >= Math.min(units, whole.length));
  }), { numRuns: 1500, seed: 9 });
});
