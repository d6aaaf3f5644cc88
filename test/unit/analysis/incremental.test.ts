// reanalyze(previous, next) must always equal analyze(next): random edits on the
// examples, the grammar fixtures and generated multi-item files, single and in
// chains where each step starts from the previous step's result. Plus checks that
// typical edits take the incremental path, so its speed is not an accident.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { analyze, type Analysis } from "../../../server/src/analysis/analyze.js";
import { reanalyzeWithMode } from "../../../server/src/analysis/incremental.js";
import { LSR_UNITS } from "../../helpers/lsr-units.js";

const ROOT = join(__dirname, "../../../..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");
const FILES = ["examples/figure1.lsr", "examples/travel-guide.lsr", "test/fixtures/grammar/figure1.lsr", "test/fixtures/grammar/figure1.formatted.lsr"].map(read);

const UNITS = LSR_UNITS;

const generated = fc.array(fc.nat(UNITS.length - 1), { minLength: 1, maxLength: 12 })
  .map((ids) => `prompt "Write."\n${ids.map((u, i) => UNITS[u](i) + (i % 2 ? "\n\n" : "\n")).join("")}`);
const source = fc.oneof(fc.constantFrom(...FILES), generated);

const SNIPPETS = ["x", "1", " ", "\n", "{", "}", "(", ")", "\"", "then ", "finally ", "else ", "first ", "if ", "and ", "soft ", "define ", "// c\n", "#",
  "no_comma", "words(at_most: 5)", "\"text\"", ",", ":", "[", "]", "lowercase ", "} else {", "gamma 0.5\n"];

interface Edit { at: number; remove: number; insert: string }
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const taken = { incremental: 0, full: 0 };

// Trees and analyses are values: the previous version must still equal a snapshot taken before
// re-analysis. (Not frozen instead: a write would throw, and reanalyze would quietly fall back.)
function step(previous: { text: string; analysis: Analysis }, next: string): { text: string; analysis: Analysis } {
  const before = structuredClone(previous.analysis);
  const { analysis, mode } = reanalyzeWithMode(previous, next);
  taken[mode]++;
  assert.deepStrictEqual(analysis, analyze(next));
  assert.deepStrictEqual(previous.analysis, before);
  return { text: next, analysis };
}

test("reanalyze equals analyze after a single random edit", () => {
  fc.assert(fc.property(source, edit, (text, e) => {
    step({ text, analysis: analyze(text) }, apply(text, e));
  }), { numRuns: 3000 });
});

test("reanalyze equals analyze along chains of 20 edits", () => {
  fc.assert(fc.property(source, fc.array(edit, { minLength: 20, maxLength: 20 }), (text, edits) => {
    let current = { text, analysis: analyze(text) };
    for (const e of edits) current = step(current, apply(current.text, e));
  }), { numRuns: 150 });
});

test("reanalyze equals analyze along chains of typed characters, many on the incremental path", () => {
  taken.incremental = 0;
  taken.full = 0;
  const typing = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.constant(0), insert: fc.constantFrom("x", "1", " ", "\n") });
  fc.assert(fc.property(generated, fc.array(typing, { minLength: 20, maxLength: 20 }), (text, edits) => {
    let current = { text, analysis: analyze(text) };
    for (const e of edits) current = step(current, apply(current.text, e));
  }), { numRuns: 150 });
  // Typed characters often break the syntax (and a broken file stays on the full path), but not mostly.
  assert.ok(taken.incremental * 10 > taken.full, `incremental ${taken.incremental}, full ${taken.full}`);
});

function modes(text: string, edits: ((t: string) => string)[]): string[] {
  let current = { text, analysis: analyze(text) };
  const out: string[] = [];
  for (const change of edits) {
    const next = change(current.text);
    const r = reanalyzeWithMode(current, next);
    assert.deepStrictEqual(r.analysis, analyze(next));
    out.push(r.mode);
    current = { text: next, analysis: r.analysis };
  }
  return out;
}

const big = `prompt "p"\ndefine short = words(at_most: 50)\n${Array.from({ length: 40 }, (_, i) => UNITS[i % 4](i)).join("\n")}\nshort\n`;
const insertAfter = (needle: string, what: string) => (t: string) => {
  const found = t.indexOf(needle);
  assert.ok(found >= 0, needle);
  const at = found + needle.length;
  return t.slice(0, at) + what + t.slice(at);
};

test("typing inside strings, numbers and names takes the incremental path", () => {
  assert.deepEqual(modes(big, [
    insertAfter("Paragraph 8", "x"),
    insertAfter("num_words: 1", "2"),
    insertAfter("Formal 11", " tone"),
    insertAfter("lowercase words(at_most: 6", "0"),
    insertAfter("note 2", " more"),
  ]), ["incremental", "incremental", "incremental", "incremental", "incremental"]);
});

test("adding and removing whole items takes the incremental path", () => {
  assert.deepEqual(modes(big, [
    insertAfter("Paragraph 8.\"", "\n  no_comma"),
    insertAfter("(at_most: 52) }", "\nsoft \"new\"\n"),
    (t) => t.replace("\nsoft \"new\"\n", ""),
  ]), ["incremental", "incremental", "incremental"]);
});

test("edits the window cannot decide alone fall back to the full analysis", () => {
  assert.deepEqual(modes(big, [
    insertAfter("define short = words(at_most: 5", "1"), // a define header
    insertAfter("Paragraph 8.\"", "\n  words("), // a syntax error
    (t) => t.replace("\n  words(", ""), // previous version had a syntax error
    insertAfter("num_words: 10)", "\nthen no_comma"), // a continuation that attaches to the sequence before it
  ]), ["full", "full", "full", "full"]);
});

test("one version re-analysed twice with different edits gives both right answers", () => {
  fc.assert(fc.property(source, edit, edit, (text, a, b) => {
    const previous = { text, analysis: analyze(text) };
    const first = step(previous, apply(text, a));
    step(previous, apply(text, b));
    assert.deepStrictEqual(first.analysis, analyze(first.text));
  }), { numRuns: 1000 });
});

test("an edit that makes a previous diagnostic go away is seen", () => {
  const text = "prompt \"p\"\nlowercase\nno_comma\ncapital\n";
  const r = reanalyzeWithMode({ text, analysis: analyze(text) }, text.replace("capital", "capitalx"));
  assert.equal(r.mode, "incremental");
  assert.deepEqual(r.analysis.diagnostics.map((d) => d.code), analyze(text.replace("capital", "capitalx")).diagnostics.map((d) => d.code));
  assert.ok(!r.analysis.diagnostics.some((d) => d.message.includes("Contradicts")));
});
