// Coded diagnostics for scopes that cannot work (LSR070-074), and duplicates and
// contradictions checked per scope. Cases: source, then `CODE line:col-line:col words`.

import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";

function check(source: string, expected: string[]): void {
  const analysis = analyze(source);
  const index = new LineIndex(source);
  const pos = (offset: number) => {
    const p = index.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const actual = analysis.diagnostics.map((d) => ({ head: `${d.code} ${pos(d.range.start)}-${pos(d.range.end)}`, message: d.message }));
  assert.equal(actual.length, expected.length, `got:\n${actual.map((a) => `${a.head} ${a.message}`).join("\n")}`);
  expected.forEach((e, i) => {
    const [code, range, ...words] = e.split(" ");
    assert.equal(actual[i].head, `${code} ${range}`, `diagnostic ${i}: ${actual[i].message}`);
    assert.ok(actual[i].message.includes(words.join(" ")), `diagnostic ${i} message "${actual[i].message}" lacks "${words.join(" ")}"`);
  });
}

test("every selector shape that works has no diagnostics", () => {
  check(`in paragraph 1 lowercase
in paragraphs 2..3 no_comma
in last paragraph no_comma
in first 2 lines no_comma
in last 3 lines no_comma
each line no_comma
each lines matching "^\\\\d+\\\\." no_comma
each bullet no_comma
each numbered item no_comma
in item 2 no_comma
in section "Summary" no_comma
in before "x" no_comma
in after "x" no_comma
in between "a" and "b" no_comma
in extract "the checklist" no_comma
`, []);
});

test("LSR070: paragraph 0, a fraction, a reversed range, an unknown unit, misplaced parts", () => {
  check("in paragraph 0 no_comma", ["LSR070 1:14-1:15 count from 1: '0'"]);
  check("in line 1.5 no_comma", ["LSR070 1:9-1:12 '1.5' is not a position"]);
  check("in lines 3..1 no_comma", ["LSR070 1:4-1:14 3..1 is empty"]);
  check("in sentence 2 no_comma", ["LSR070 1:4-1:12 Unknown selector 'sentence'"]);
  check("in numbered no_comma", ["LSR070 1:4-1:12 'numbered item'"]);
  check('in paragraph "x" no_comma', ["LSR070 1:14-1:17 takes no text"]);
  check("in section no_comma", ["LSR070 1:4-1:11 needs a section name"]);
  check('in after "a" and "b" no_comma', ["LSR070 1:4-1:21 Only 'between' takes two markers"]);
  check('in first 2 lines matching "x" no_comma', ["LSR070 1:4-1:30 takes no position or number"]);
});

test("LSR071: an empty section name, marker or description", () => {
  check('in section "" no_comma', ["LSR071 1:12-1:14 empty section name"]);
  check('in between "a" and " " no_comma', ["LSR071 1:20-1:23 empty marker"]);
  check('in extract "" no_comma', ["LSR071 1:12-1:14 empty description"]);
});

test("LSR072: each on a selector that yields no items, on the keyword (its quick fix writes 'in')", () => {
  check('each section "S" no_comma', ["LSR072 1:1-1:5 'each' needs a selector that yields items"]);
  const d = analyze('each extract "x" no_comma').diagnostics[0];
  assert.deepEqual(d.data?.replacements, ["in"]);
});

test("LSR073: a lines-matching regex that Python re would not compile", () => {
  check('in lines matching "(unclosed" no_comma', ["LSR073 1:19-1:30 does not compile"]);
});

test("LSR074: a constraint about a whole response's shape under a list-item scope", () => {
  check("each bullet { paragraphs(num_paragraphs: 2) no_comma }", ["LSR074 1:15-1:44 shape of a whole response"]);
  check("each paragraph paragraphs(num_paragraphs: 2)", []);
});

test("a broken scope leaves its body out, so it causes no other diagnostics", () => {
  check("lowercase\nin paragraph 0 { uppercase lowercase }", ["LSR070 2:14-2:15 count from 1"]);
});

test("duplicates and contradictions are checked per scope, not across scopes", () => {
  // Different paragraphs: lowercase and capitals do not contradict; the same scope written twice does.
  check("in paragraph 1 lowercase\nin paragraph 2 uppercase\nlowercase", []);
  check("in paragraph 1 lowercase\nin paragraph 1 uppercase", ["LSR041 2:16-2:25 all lowercase and all capitals"]);
  check("in paragraph 1 { lowercase lowercase }", ["LSR040 1:28-1:37 already required"]);
  // Nested scopes are their own scope: `in section "S" in paragraph 1` is not `in paragraph 1`.
  check('in section "S" { in paragraph 1 lowercase }\nin paragraph 1 uppercase', []);
  // A scoped condition is not the same condition as the unscoped one.
  check('if contains(keywords: ["x"]) { no_comma } else { lowercase }\nif in paragraph 1 contains(keywords: ["x"]) { no_comma } else { lowercase }', []);
});
