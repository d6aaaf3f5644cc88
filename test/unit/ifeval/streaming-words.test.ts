// Issue 9 (memory): the checkers that read Python `s.split()` words now stream them
// (pyWhitespaceWords, pySplitFirst, pySplitLast) instead of building the array of every word.
// Each gives the verdict of its former array formulation (test/helpers/ifeval-reference/
// whitespace-words.ts) on random text made of what the checkers react to, degenerate runs included.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { everyWordSpan, pyCountWhitespaceWords, pyReverseWords, pySplitFirst, pySplitLast, pySplitWhitespace, pyWhitespaceWords } from "../../../server/src/ifeval/python/py-text.js";
import { countKeyword } from "../../../server/src/ifeval/ifrlvr/keywords.js";
import { foldToAsciiInPieces, isPunctuationOrSpaceCode, PUNCTUATION_AND_SPACE, lower, lowerThenNoPunctuation, noPunctuationThenLower, piecesAtWhitespace, removePunctuation, transformedWords } from "../../../server/src/ifeval/ifbench/text.js";
import { FORMER_CHECKS, formerCountKeyword } from "../../helpers/ifeval-reference/whitespace-words.js";
import { FORMER_SENTENCE_CHECKS } from "../../helpers/ifeval-reference/sentence-lists.js";
import { quotesEachExplained } from "../../../server/src/ifeval/ifbench/format.js";

const PIECES = [
  " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x1c", ".", "!", "?", ",", "-", "'", "<<", ">>", "[", "]",
  "a", "b", "c", "d", "e", "st", "and", "But", "or,", "we", "We", "now", "now.", "level", "radar", "kayak", "Mr.",
  "lol", "xyz", "é", "É", "ß", "İ", "😀", "😀.", "🎉", "🇫🇷", "👍🏽", "٣", "ǅ", "\ud800", "\ud83d", "\ude00", "the", "is", "of", "猫", "1", "/", "him", "“", "”", '"', "'\"'", "eagle bald", "bald", "eagle", "1796-04-12", "1805-12-02", "1900-01-01", "1800-02-30", "1800-04-31", ", ", ",", "Σ", "ΑΣ", "ΑΣ.", "Σ'Α", "ὈΔΥΣΣΕΎΣ", "-", "I came.-", "I saw.", "-I left.",
  "***", " *** ", "\n* ", "*", "Why?", "Wow!", "Dr. ", "moon",
];

const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(""));
/** Runs of one piece (the degenerate shapes: whitespace, one repeated word, punctuation) between other text. */
const runText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES, "lol ", "we. ", "[x] ", "<<a b>> ", "level ", "and ", "1796-04-12, "), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 3 })
  .chain((runs) => fc.tuple(fc.constant(runs), pieceText))
  .map(([runs, tail]) => runs.map(([piece, n]) => piece.repeat(n)).join("") + tail);
const anyText = fc.oneof({ weight: 3, arbitrary: pieceText }, { weight: 2, arbitrary: runText }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) });

test("pyWhitespaceWords yields s.split(); pySplitFirst, pySplitLast, pyCountWhitespaceWords, pyReverseWords are its first, last, length, reversal", () => {
  fc.assert(fc.property(anyText, (t) => {
    const words = pySplitWhitespace(t);
    assert.deepEqual([...pyWhitespaceWords(t)], words);
    assert.equal(pySplitFirst(t), words[0]);
    assert.equal(pySplitLast(t), words.at(-1));
    assert.equal(pyCountWhitespaceWords(t), words.length);
    assert.equal(pyReverseWords(t), [...words].reverse().join(" "));
  }), { numRuns: 3000, seed: 9 });
});

/** Argument sets per type: thresholds small enough that random text passes some of the time. */
const ARGS: Record<string, Record<string, unknown>[]> = {
  "words:repeats": [{ small_n: 1 }, { small_n: 3 }],
  "count:unique_word_count": [{ N: 2 }, { N: 6 }],
  "count:conjunctions": [{ small_n: 1 }, { small_n: 2 }],
  "first_word:first_word_sent": [{ first_word: "we" }],
  "first_word:first_word_answer": [{ first_word: "we" }],
  "last_word:last_word_sent": [{ last_word: "now" }],
  "last_word:last_word_answer": [{ last_word: "now" }],
  "ratio:stop_words": [{ percentage: 20 }, { percentage: 50 }],
  "count:words_japanese": [{ N: 1 }, { N: 2 }],
  "count:pronouns": [{ N: 1 }, { N: 3 }],
  "repeat:repeat_change": [{ prompt_to_repeat: "a we now" }, { prompt_to_repeat: "we" }, { prompt_to_repeat: "a  lol\tlol" }],
  "repeat:repeat_span": [{ prompt_to_repeat: "a we now lol", n_start: 1, n_end: 3 }, { prompt_to_repeat: "we lol", n_start: 0, n_end: 5 }],
  "sentence:increment": [{ small_n: 0 }, { small_n: 1 }],
  "count:lowercase_counting": [{ N: 1 }, { N: 4 }],
  "letters:letter_counting": [{ N: 5, relation: "less than" }, { N: 12, relation: "at least" }],
  "count:numbers": [{ N: 0 }, { N: 1 }, { N: 2 }],
  "sentence:keyword": [{ word: "moon", N: 1 }, { word: "a", N: 2 }, { word: "we", N: 3 }],
  "count:counting_composition": [{ n_sent: 1, n_words: 1 }, { n_sent: 1, n_words: 3 }, { n_sent: 2, n_words: 2 }],
};

for (const [id, former] of Object.entries({ ...FORMER_CHECKS, ...FORMER_SENTENCE_CHECKS })) {
  test(`${id}: streamed words and sentences give the former verdict`, () => {
    const type = findHardType(id);
    assert.ok(type, id);
    for (const raw of ARGS[id] ?? [{}]) {
      const args = type.schema.parse(raw) as Record<string, unknown>;
      const verdict = (f: () => boolean) => {
        try {
          return f();
        } catch {
          return false; // a check that throws is not followed (verify.ts)
        }
      };
      fc.assert(fc.property(anyText, (t) => {
        assert.equal(verdict(() => type.check(t, args as never)), verdict(() => former(t, args)), JSON.stringify(t));
      }), { numRuns: 1500, seed: 9 });
    }
  });
}

test("pyReverseWords joins its chunks of 65,536 words with a space", () => {
  const words = Array.from({ length: 70_000 }, (_, i) => `w${i}`);
  assert.equal(pyReverseWords(`  ${words.join(" \n")}\t`), words.reverse().join(" "));
});

test("repeat checkers: near copies of the request (first word changed, words dropped or added, other whitespace)", () => {
  const ws = fc.constantFrom(" ", "  ", "\n", "\t", "\u3000");
  const word = fc.constantFrom("a", "we", "now", "lol", "We", "NOW");
  const text = fc.array(fc.tuple(ws, word), { maxLength: 6 }).chain((parts) => fc.tuple(ws, fc.constant(parts), ws))
    .map(([lead, parts, trail]) => lead + parts.map(([w, x]) => w + x).join("") + trail);
  for (const id of ["repeat:repeat_change", "repeat:repeat_span"]) {
    const type = findHardType(id)!;
    fc.assert(fc.property(text, text, fc.nat(3), fc.integer({ min: 1, max: 5 }), (response, prompt, start, length) => {
      const args = type.schema.parse(id === "repeat:repeat_span" ? { prompt_to_repeat: `a ${prompt}`, n_start: start, n_end: start + length } : { prompt_to_repeat: `a ${prompt}` }) as Record<string, unknown>;
      assert.equal(type.check(response, args as never), FORMER_CHECKS[id](response, args), JSON.stringify([response, args]));
    }), { numRuns: 3000, seed: 9 });
  }
});

test("countKeyword counts what match finds, empty matches and bad patterns included", () => {
  fc.assert(fc.property(anyText, fc.constantFrom("we", "lol", "\\bnow\\b", "a*", "x?", "[", "é", "\\w+", "(?:)"), (t, keyword) => {
    assert.equal(countKeyword(t, keyword), formerCountKeyword(t, keyword));
  }), { numRuns: 2000, seed: 9 });
});

test("foldToAscii in pieces cut before ASCII characters is NFKD of the whole text, non-ASCII dropped", () => {
  const marks = fc.array(fc.constantFrom("a", "e\u0301", "\u0301", "\u0323\u0301", "é", "ﬁ", "①", "Å", "\u212b", "한", "\u1100\u1161", "😀", "\ud83d", " ", ",", "x"), { maxLength: 40 })
    .map((p) => p.join(""));
  fc.assert(fc.property(fc.oneof(marks, anyText), fc.constantFrom(1, 2, 3, 8), (t, pieceLength) => {
    assert.equal(foldToAsciiInPieces(t, pieceLength), t.normalize("NFKD").replace(/[\u0080-\uffff]/g, ""));
  }), { numRuns: 3000, seed: 9 });
});

// Past 8 Mi code units removePunctuation takes replaceAll's piece path, which
// test/unit/ifeval/linear-equivalence.test.ts holds equal to the native replace.
test("removePunctuation deletes what the one-character replace deleted", () => {
  fc.assert(fc.property(anyText, (t) => assert.equal(removePunctuation(t), t.replace(/[!-/:-@[-`{-~]/g, ""))), { numRuns: 2000, seed: 9 });
  const long = fc.sample(anyText, { numRuns: 400, seed: 9 }).join("").repeat(40);
  assert.equal(removePunctuation(long), long.replace(/[!-/:-@[-`{-~]/g, ""));
});

test("transformedWords: the words of the whole text transformed (final sigma included)", () => {
  const greek = fc.array(fc.constantFrom("Σ", "ΑΣ", "Σ.", "'", ".", " ", "\n", "Α", "σ", "İ", "a", "!"), { maxLength: 30 }).map((p) => p.join(""));
  fc.assert(fc.property(fc.oneof(greek, anyText), fc.constantFrom(undefined, 1, 2, 5), (t, pieceLength) => {
    for (const [transform, whole] of [[lower, t.toLowerCase()], [lowerThenNoPunctuation, removePunctuation(t.toLowerCase())], [noPunctuationThenLower, removePunctuation(t).toLowerCase()], [removePunctuation, removePunctuation(t)]] as const) {
      assert.deepEqual([...transformedWords(t, transform, pieceLength)], pySplitWhitespace(whole));
    }
  }), { numRuns: 3000, seed: 9 });
});

test("piecesAtWhitespace: the pieces join to the text, each cut just after whitespace; digit runs counted by piece are the whole text's", () => {
  fc.assert(fc.property(anyText, fc.constantFrom(1, 2, 5, 40), (t, pieceLength) => {
    const pieces = [...piecesAtWhitespace(t, pieceLength)];
    assert.equal(pieces.join(""), t);
    for (const piece of pieces.slice(0, -1)) assert.ok(/\s$/u.test(piece) || pySplitWhitespace(piece.slice(-1)).length === 0, JSON.stringify(piece));
    const digitRuns = (s: string) => removePunctuation(s).match(/\p{Nd}+/gu)?.length ?? 0;
    assert.equal(pieces.reduce((n, p) => n + digitRuns(p), 0), digitRuns(t));
  }), { numRuns: 3000, seed: 9 });
});

test("format:quote_unquote in short pieces: a quote pair and the last character across pieces", () => {
  const quoted = fc.array(fc.constantFrom('"', "“", "”", "'\"'", "'", " ", "\n", "a", "1", ".", ",", "é", "😀"), { maxLength: 30 }).map((p) => p.join(""));
  fc.assert(fc.property(fc.oneof(quoted, anyText), fc.constantFrom(1, 2, 3, 8), (t, pieceLength) => {
    assert.equal(quotesEachExplained(t, pieceLength), FORMER_CHECKS["format:quote_unquote"](t, {}), JSON.stringify(t));
  }), { numRuns: 4000, seed: 9 });
});

test("format:newline line by line: blank lines between, before and after the words, lines of punctuation only", () => {
  const lines = fc.array(fc.constantFrom("a", "b.", "...", "!", " ", "\n", "\n\n", " \n", "\t\n", "\u00a0", "\r\n", "\x1c"), { maxLength: 30 }).map((p) => p.join(""));
  let passes = 0;
  fc.assert(fc.property(lines, (t) => {
    const former = FORMER_CHECKS["format:newline"](t, {});
    if (former) passes++;
    assert.equal(findHardType("format:newline")!.check(t, {} as never), former, JSON.stringify(t));
  }), { numRuns: 4000, seed: 9 });
  assert.ok(passes > 100, `the text passes often enough to compare true verdicts too (${passes})`);
});

test("everyWordSpan visits the spans of s.split() in order and stops where told", () => {
  fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 5 }), (t, stopAt) => {
    const words = pySplitWhitespace(t);
    const seen: string[] = [];
    const finished = everyWordSpan(t, (start, end) => {
      seen.push(t.slice(start, end));
      return seen.length !== stopAt;
    });
    assert.equal(finished, words.length < stopAt || stopAt === 0);
    assert.deepEqual(seen, finished ? words : words.slice(0, stopAt));
  }), { numRuns: 3000, seed: 9 });
});

test("isPunctuationOrSpaceCode is membership of string.punctuation + ' '", () => {
  for (let code = 0; code < 0x3000; code++) assert.equal(isPunctuationOrSpaceCode(code), PUNCTUATION_AND_SPACE.includes(String.fromCharCode(code)), String(code));
});
