// Issue 9 (memory): checkers rewritten to read a response as they go, without an array of
// every token, piece or code point, give the verdicts of their former array formulations
// (written out below as the oracles, as they were before the rewrite) on random text made of
// what each one reacts to.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { countWordTokensUpTo, firstWordToken, wordTokenize } from "../../../server/src/ifeval/text/words.js";
import { pyCsvRows } from "../../../server/src/ifeval/python/py-csv.js";
import { foldToAscii } from "../../../server/src/ifeval/ifbench/text.js";
import { splitIntoSentences as regexSentences } from "../../../server/src/ifeval/ifbench/sentences.js";
import { pySplitWhitespace, pyStrip } from "../../../server/src/ifeval/python/py-text.js";

const RUNS = 1500;

function check(id: string, response: string, args: Record<string, unknown> = {}): boolean {
  const type = findHardType(id);
  assert.ok(type, id);
  const parsed = type.schema.parse(args);
  try {
    return type.check(response, parsed as never);
  } catch {
    return false;
  }
}

const textOf = (parts: string[], maxLength = 40) => fc.array(fc.constantFrom(...parts), { maxLength }).map((p) => p.join(""));

test("custom:multiples: the digit runs after upstream's comma replacement", () => {
  const multiples = (r: string) => (r.replaceAll(",", ", ").match(/\p{Nd}+/gu) ?? []).join(" ") === "14 21 28 35 42 49";
  const text = textOf(["14", "21", "28", "35", "42", "49", "7", ",", ", ", " ", "1", "4", "a", "٤", "\n"], 14);
  fc.assert(fc.property(text, (r) => assert.equal(check("custom:multiples", r), multiples(r))), { numRuns: RUNS });
  assert.equal(check("custom:multiples", "14,21,28,35,42,49"), true);
});

test("custom:european_capitals_sort: the non-blank comma pieces", () => {
  const CAPITALS = findHardType("custom:european_capitals_sort")!.example.pass.split(", ");
  const capitals = (r: string) => {
    const pieces = foldToAscii(r).split(",").filter((c) => pyStrip(c) !== "");
    return pieces.length === CAPITALS.length && pieces.every((c, i) => pyStrip(c) === CAPITALS[i]);
  };
  const text = fc.oneof(
    textOf([...CAPITALS.slice(0, 4), ",", ", ", " ", "\n", "x", "，", "﹐", "Reykjavík", "Hel\u0301sinki", "\u0301", "é"], 12),
    fc.tuple(fc.constantFrom(", ", ",", " ,  "), fc.constantFrom("", ",", " ,")).map(([sep, end]) => CAPITALS.join(sep) + end),
  );
  fc.assert(fc.property(text, (r) => assert.equal(check("custom:european_capitals_sort", r), capitals(r))), { numRuns: RUNS });
});

test("custom:csv_city: reading stops early only where the verdict is false", () => {
  const HEADER = "ID,Country,City,Year,Count";
  const city = (r: string) => {
    const rows = pyCsvRows(r);
    return rows.length === 8 && rows[0].join("\u0000") === HEADER.split(",").join("\u0000") && rows.slice(1).every((row) => row.length === 5);
  };
  const row = textOf(["1", "a", ",", '"', "\r"], 12);
  const text = fc.tuple(fc.array(row, { maxLength: 10 }), fc.boolean()).map(([rows, header]) => (header ? [HEADER, ...rows] : rows).join("\n"));
  fc.assert(fc.property(text, (r) => assert.equal(check("custom:csv_city", r), (() => { try { return city(r); } catch { return false; } })())), { numRuns: RUNS });
  assert.equal(check("custom:csv_city", findHardType("custom:csv_city")!.example.pass), true);
});

const WORDS = ["a", "b", "A", "the", "The", ",", ".", "!", " ", " ", "\n", "'s", "(", "[", "n't", "é", "😀", "ab", "ba", "aba"];

test("count:count_unique, keywords:start_end, words:words_position, keyword positions, the first token, bounded token counts", () => {
  const text = textOf(WORDS);
  fc.assert(fc.property(text, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (r, n, m) => {
    const words = wordTokenize(r);
    assert.equal(check("count:count_unique", r), new Set(words).size === words.length);
    assert.equal(check("keywords:start_end", r), words.length >= 2 && words[0].toLowerCase() === words[words.length - 1].toLowerCase());
    assert.equal(check("words:words_position", r, { keyword: "a" }), words.length >= 2 && words[1] === "a" && words[words.length - 2] === "a");
    const sentences = regexSentences(r);
    const at = sentences.length >= n ? wordTokenize(sentences[n - 1]) : [];
    assert.equal(check("words:keywords_specific_position", r, { keyword: "a", n, m }), at.length >= m && at[m - 1] === "a");
    assert.equal(firstWordToken(r), words[0]);
    assert.equal(countWordTokensUpTo(r, m), Math.min(words.length, m + 1));
  }), { numRuns: RUNS });
});

test("keywords:palindrome: whitespace words by code point, astral characters included", () => {
  const palindrome = (r: string) => pySplitWhitespace(r).some((w) => {
    const cps = Array.from(w);
    return cps.join("") === [...cps].reverse().join("");
  });
  const text = textOf(["a", "b", "ab", "ba", "😀", "😃", "\ud83d", "\ude00", " ", "\n", "\u00a0", "é"], 12);
  fc.assert(fc.property(text, (r) => assert.equal(check("keywords:palindrome", r), palindrome(r))), { numRuns: RUNS });
});

test("format:line_indent: the linear simulation of upstream's remove-while-iterating loop", () => {
  const stairs = (r: string) => {
    const lines = r.split("\n");
    for (let i = 0; i < lines.length; ) {
      const line = lines[i++];
      if (pyStrip(line) === "") lines.splice(lines.indexOf(line), 1);
    }
    const indent = (l: string) => l.length - l.replace(/^ +/, "").length;
    for (let i = 0; i + 1 < lines.length; i++) if (indent(lines[i + 1]) <= indent(lines[i])) return false;
    return true;
  };
  const text = textOf(["\n", "\n", " ", "  ", "\t", "a", "\n a", "\n  b", "\n   c", " \n", "\n\n"], 30);
  fc.assert(fc.property(text, (r) => assert.equal(check("format:line_indent", r), stairs(r))), { numRuns: 4000 });
  const blanks = "\n".repeat(2000) + "x";
  assert.equal(check("format:line_indent", blanks), stairs(blanks));
  // Every other blank line is skipped by the loop and stays: two blank lines in a row, not stairs (and fast).
  assert.equal(check("format:line_indent", "\n".repeat(200_000) + "x"), false);
});
