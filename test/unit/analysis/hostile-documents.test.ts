// Issue 9 items 9, 10, 12 and 13: documents no editor should choke on. Huge numbers of
// diagnostics (no stack overflow from spreads, a cap at MAX_DIAGNOSTICS with one
// "… and N more"), the did-you-mean speed-up proven equal to the plain algorithm, and
// messages that stay one short line whatever the source quotes.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { CODES } from "../../../server/src/analysis/codes.js";
import { MAX_DIAGNOSTICS } from "../../../server/src/analysis/diagnostic-cap.js";
import { editDistance } from "../../../server/src/analysis/did-you-mean.js";
import { reanalyzeWithMode } from "../../../server/src/analysis/incremental.js";
import { importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";
import { MAX_EXCERPT, MAX_MESSAGE } from "../../../grammars/src/excerpt.js";

const OMITTED = CODES.diagnosticsOmitted.code;
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

test("item 9: 130,000 unknown names analyse without a stack overflow; the list is capped", () => {
  const analysis = analyze("x\n".repeat(130_000));
  assert.equal(analysis.diagnostics.some((d) => d.code === CODES.internalError.code), false);
  assert.equal(analysis.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(analysis.diagnostics.slice(0, MAX_DIAGNOSTICS).every((d) => d.code === CODES.unknownConstraint.code));
  const last = analysis.diagnostics.at(-1)!;
  assert.equal(last.code, OMITTED);
  assert.match(last.message, /^… and 129000 more diagnostics \(129000 errors\) not shown/);
  // It sits where the first unlisted diagnostic is: line 1001 starts at offset 2 * 1000.
  assert.deepEqual(last.range, { start: 2000, end: 2000 });
  assert.equal(analysis.hasErrors, true);
});

test("item 9: a Selection branch of 130,000 children imports and prints as .lsr", () => {
  const children: Record<string, unknown> = {};
  for (let i = 1; i <= 130_000; i++) children[`c${i}`] = { constraint: "a" };
  const json = JSON.stringify({ composite_constraints: [{ composite_constraint: { type: "Selection", sub_constraints: { c1: { constraint: "cond" }, c2: { type: "And", sub_constraints: children } } } }] });
  const imported = importLsrInstructJson(json, "big.json");
  assert.deepEqual(imported.errors, []);
  const printed = printLsr(imported.instruction!);
  // if + 130,000 soft lines + closing brace.
  assert.equal(printed.trimEnd().split("\n").length, 130_002);
});

test("item 10: 20,000 stray '}' give 1,000 syntax errors and one LSR098 counting the rest", () => {
  const analysis = analyze("}".repeat(20_000));
  assert.equal(analysis.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(analysis.diagnostics.slice(0, MAX_DIAGNOSTICS).every((d) => d.code === CODES.syntax.code));
  assert.match(analysis.diagnostics.at(-1)!.message, /^… and 19000 more diagnostics \(19000 errors\)/);
  assert.ok(JSON.stringify(analysis.diagnostics).length < 300_000);
});

test("item 10: errors past the cap still make the file erroneous (hasErrors counts every diagnostic)", () => {
  // 1,000 unused defines (warnings) come first; the one error is past the cap.
  const defines = Array.from({ length: MAX_DIAGNOSTICS }, (_, i) => `define d${i} = no_comma`).join("\n");
  const analysis = analyze(`${defines}\nno_comma\nunknown_thing\n`);
  assert.equal(analysis.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(analysis.diagnostics.slice(0, MAX_DIAGNOSTICS).every((d) => d.severity !== "error"));
  assert.match(analysis.diagnostics.at(-1)!.message, /\(1 error\)/);
  assert.equal(analysis.hasErrors, true);
});

test("item 10: re-analysis of a capped file equals analysis", () => {
  // Without syntax errors the capped file is still re-analysed incrementally.
  const before = "x\n".repeat(1500);
  const after = `${before}no_comma\n`;
  const { analysis, mode } = reanalyzeWithMode({ text: before, analysis: analyze(before) }, after);
  assert.equal(mode, "incremental");
  assert.deepEqual(analysis.diagnostics, analyze(after).diagnostics);
  // A syntax error past the cap is not in the list, but still sends re-analysis down the full path.
  const broken = `${before}}\n`;
  const fixed = `${before}no_comma\n`;
  const re = reanalyzeWithMode({ text: broken, analysis: analyze(broken) }, fixed);
  assert.equal(analyze(broken).diagnostics.some((d) => d.code === CODES.syntax.code), false);
  assert.equal(re.mode, "full");
  assert.deepEqual(re.analysis.diagnostics, analyze(fixed).diagnostics);
  // And a file that grows past the cap by an incremental edit is capped too.
  const small = "x\n".repeat(900);
  const grown = `${small}${"y\n".repeat(300)}`;
  const grownRe = reanalyzeWithMode({ text: small, analysis: analyze(small) }, grown).analysis;
  assert.deepEqual(grownRe.diagnostics, analyze(grown).diagnostics);
  assert.equal(grownRe.diagnostics.length, MAX_DIAGNOSTICS + 1);
});

/** Plain Levenshtein, the definition. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

test("item 12: the banded edit distance equals Levenshtein within the limit, and exceeds the limit otherwise", () => {
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", ":", "x"), maxLength: 14 });
  fc.assert(
    fc.property(word, word, fc.oneof(fc.nat(6), fc.constant(Infinity)), (a, b, limit) => {
      const exact = levenshtein(a, b);
      const banded = editDistance(a, b, limit);
      if (exact <= limit) assert.equal(banded, exact);
      else assert.ok(banded > limit);
    }),
    { numRuns: 3000 },
  );
});

test("item 13: quoted source text is escaped and cut: one diagnostic, one line, no control characters", () => {
  const hostile = [
    '"""line one\nline two""" no_comma', // a line break inside a quoted token
    "\u001b]0;pwned\u0007 no_comma", // an OSC title sequence (lexer error)
    "\u001b[31mred\u001b[0m", // colours
    `${"a".repeat(2_000_000)}`, // a 2 MB identifier
    `soft ${"b".repeat(100_000)} "x"`, // a long unknown category
    `no_comma(${"k".repeat(500_000)}: 1)`, // a long argument name
    'soft "ok" ‮evil', // a bidirectional override
  ];
  for (const text of hostile) {
    const { diagnostics } = analyze(text);
    assert.ok(diagnostics.length > 0, JSON.stringify(text.slice(0, 40)));
    for (const d of diagnostics) {
      assert.ok(!CONTROL.test(d.message) && !/[\u202a-\u202e\u2066-\u2069]/.test(d.message), JSON.stringify(d.message));
      assert.ok(d.message.length <= MAX_MESSAGE + 1, `${d.message.length} characters`);
    }
  }
  const long = analyze("a".repeat(2_000_000)).diagnostics[0].message;
  assert.ok(long.startsWith(`Unknown constraint '${"a".repeat(MAX_EXCERPT)}…'`), long.slice(0, 100));
  const osc = analyze("\u001b]0;pwned\u0007").diagnostics.map((d) => d.message).join(" | ");
  assert.match(osc, /unexpected character '\\u001b'/);
  assert.match(osc, /unexpected character '\\u0007'/);
});
