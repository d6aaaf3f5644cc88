// Every deterministic selector on hand-made responses. Expected spans are written as
// the texts they cover and, where shown, as offsets counted by hand.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Selector } from "../../../server/src/analysis/logic.js";
import {
  after, before, between, lines, linesMatching, listItems, paragraphs, pick, pickPieces, section, selectItems, stripped, type Span,
} from "../../../server/src/scopes/selectors.js";

const texts = (text: string, spans: readonly Span[] | undefined): string[] | undefined => spans?.map((s) => text.slice(s.start, s.end));

test("paragraphs split at blank lines as IFEval does, stripped, blank pieces dropped", () => {
  const r = "  One. Two.\n\nThree.\n\n\n\nFour\nstill four.  \n\n";
  // "One. Two." 2..11; "Three." 13..19; "\n\n" at 19..21 then "\n\n" 21..23 (blank piece); "Four\nstill four." 23..39.
  assert.deepEqual(paragraphs(r), [{ start: 2, end: 11 }, { start: 13, end: 19 }, { start: 23, end: 39 }]);
  assert.deepEqual(texts(r, paragraphs(r)), ["One. Two.", "Three.", "Four\nstill four."]);
  assert.deepEqual(paragraphs(" \n\n \t"), []);
});

test("lines: non-blank lines, stripped", () => {
  const r = "a\n\n  b  \r\nc";
  // "a" 0..1; blank line 2..2; "b" 5..6 (line 3..9 is "  b  \r"); "c" 10..11.
  assert.deepEqual(lines(r), [{ start: 0, end: 1 }, { start: 5, end: 6 }, { start: 10, end: 11 }]);
});

test("list items: bullets (* or -, not **), numbered (1. or 2)), any; text after the marker", () => {
  const r = "Intro\n* star item\n- dash item\n**bold** not an item\n1. one\n  2) two\n3.no space\n-\n";
  assert.deepEqual(texts(r, listItems(r, "bullet")), ["star item", "dash item"]);
  assert.deepEqual(texts(r, listItems(r, "numbered")), ["one", "two"]);
  assert.deepEqual(texts(r, listItems(r, "any")), ["star item", "dash item", "one", "two"]);
  // "* star item" starts at 6; the item text at 8..17.
  assert.deepEqual(listItems(r, "bullet")[0], { start: 8, end: 17 });
});

test("lines matching: Python re.search per line (\\d is Unicode, ^ anchors the line)", () => {
  const r = "step 1\nnote\nstep ٣\n step 4";
  assert.deepEqual(texts(r, linesMatching(r, "^step \\d")), ["step 1", "step ٣"]);
  assert.deepEqual(texts(r, linesMatching(r, "\\d$")), ["step 1", "step ٣", "step 4"]);
  assert.equal(linesMatching(r, "(?<"), undefined);
});

test("section by Markdown heading: case-insensitive, emphasis ignored, up to a heading of the same or higher level", () => {
  const r = "# Guide\nIntro.\n## **Summary**\nShort.\n### Detail\nInner.\n## Next\nOther.";
  assert.deepEqual(texts(r, [section(r, "summary")!]), ["Short.\n### Detail\nInner."]);
  assert.deepEqual(texts(r, [section(r, "Detail")!]), ["Inner."]);
  assert.deepEqual(texts(r, [section(r, "Guide")!]), ["Intro.\n## **Summary**\nShort.\n### Detail\nInner.\n## Next\nOther."]);
  assert.equal(section(r, "Missing"), undefined);
});

test("section by IFEval marker: SECTION X up to the next SECTION N, not SECTION 10 for SECTION 1", () => {
  const r = "SECTION 1\nalpha\nSECTION 2\nbeta\ngamma\nSECTION 10\ndelta";
  assert.deepEqual(texts(r, [section(r, "SECTION 2")!]), ["beta\ngamma"]);
  assert.deepEqual(texts(r, [section(r, "SECTION 1")!]), ["alpha"]);
  assert.deepEqual(texts(r, [section(r, "SECTION 10")!]), ["delta"]);
  assert.equal(section(r, "SECTION 3"), undefined);
});

test("before, after, between literal markers (first occurrences)", () => {
  const r = "Plan:\nA then B\nChecklist:\n- x\nNotes: done";
  assert.deepEqual(texts(r, [before(r, "Checklist:")!]), ["Plan:\nA then B"]);
  assert.deepEqual(texts(r, [after(r, "Checklist:")!]), ["- x\nNotes: done"]);
  assert.deepEqual(texts(r, [between(r, "Checklist:", "Notes:")!]), ["- x"]);
  // "Plan:" is 0..5; after it "\nA then B\n" is stripped to 6..14.
  assert.deepEqual(between(r, "Plan:", "Checklist:"), { start: 6, end: 14 });
  assert.equal(before(r, "absent"), undefined);
  assert.equal(between(r, "Notes:", "Plan:"), undefined, "the end marker must follow the start");
  assert.equal(before(r, "Plan:"), undefined, "nothing before the marker");
});

test("pick: 1-based, negative from the end, the whole range must exist", () => {
  const xs = ["a", "b", "c"];
  assert.deepEqual(pick(xs, 2, 2), ["b"]);
  assert.deepEqual(pick(xs, -1, -1), ["c"]);
  assert.deepEqual(pick(xs, -2, -1), ["b", "c"]);
  assert.deepEqual(pick(xs, 1, -1), ["a", "b", "c"]);
  assert.equal(pick(xs, 3, 4), undefined);
  assert.equal(pick(xs, -4, -1), undefined);
  assert.equal(pick([], 1, -1), undefined);
});

test("selectItems: ranges are contiguous, list items and matches are not", () => {
  const r = "P1.\n\nP2 a.\n- i1\n- i2\n\nP3.";
  const sel = (s: Selector) => selectItems(s as Exclude<Selector, { kind: "extract" }>, r);
  const p23 = sel({ kind: "paragraphs", from: 2, to: 3 })!;
  assert.equal(p23.contiguous, true);
  assert.deepEqual(texts(r, p23.items), ["P2 a.\n- i1\n- i2", "P3."]);
  const items = sel({ kind: "items", list: "any", from: 1, to: -1 })!;
  assert.equal(items.contiguous, false);
  assert.deepEqual(texts(r, items.items), ["i1", "i2"]);
  assert.equal(sel({ kind: "paragraphs", from: 4, to: 4 }), undefined);
  assert.equal(sel({ kind: "lines-matching", pattern: "^zzz" }), undefined);
  assert.deepEqual(stripped(" x ", 0, 3), { start: 1, end: 2 });
});

test("pickPieces (the selector's one-pass range) equals pick over all pieces, on every short text of blank lines, spaces and words", () => {
  // Every text of up to 4 parts from this alphabet (1 + 8 + ... + 8^4 = 4681 texts), each range shape including missing ones.
  const alphabet = ["a", " ", "\n", "\n\n", "b c", "\t", "- x", "\r\n"];
  const ranges = [[1, 1], [2, 3], [1, -1], [-2, -1], [-3, -3], [2, -2], [3, 2], [-1, 1], [4, 4]];
  const grow = (prefix: string, depth: number, visit: (t: string) => void): void => {
    visit(prefix);
    if (depth > 0) for (const part of alphabet) grow(prefix + part, depth - 1, visit);
  };
  let compared = 0;
  grow("", 4, (t) => {
    for (const [separator, all] of [["\n", lines(t)], ["\n\n", paragraphs(t)]] as const) {
      for (const [from, to] of ranges) {
        assert.deepEqual(pickPieces(t, separator, from, to), pick(all, from, to), `${JSON.stringify(t)} ${JSON.stringify(separator)} ${from}..${to}`);
        compared++;
      }
    }
  });
  assert.equal(compared, 4681 * 18);
});
