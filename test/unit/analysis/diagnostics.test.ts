// Structure diagnostics, data-driven: each case is source text and the exact
// diagnostics expected, written `CODE line:col-line:col text-in-message`
// (1-based lines and columns; the range end is exclusive).

import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";

function check(source: string, expected: string[], options: { maxDepth?: number } = {}): void {
  const analysis = analyze(source, options);
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

test("a clean file has no diagnostics", () => {
  check('prompt "Hi"\nno_comma\nsoft tone "Be warm."\n', []);
});

test("syntax errors are LSR001 and several are reported", () => {
  const a = analyze("first { no_comma \nthen ) soft\n");
  assert.ok(a.diagnostics.filter((d) => d.code === "LSR001").length >= 1);
  assert.equal(a.hasErrors, true);
});

test("unknown constraint id with did-you-mean", () => {
  check("no_coma\n", ["LSR010 1:1-1:8 Did you mean 'no_comma'"]);
  check("punctuation:no_comas\n", ["LSR010 1:1-1:21 'punctuation:no_comma'"]);
});

test("argument problems point at the argument", () => {
  check('words(relation: "more than", num_words: 5)\n', ["LSR011 1:17-1:28 'relation' must be one of \"less than\", \"at least\" (got \"more than\")"]);
  check('words(relation: "at least")\n', ["LSR012 1:6-1:28 needs argument 'num_words'"]);
  check('words(relation: "at least", num_word: 5)\n', ["LSR013 1:29-1:37 Did you mean 'num_words'"]);
  check('words(relation: "at least", num_words: "five")\n', ["LSR011 1:40-1:46 'num_words' must be a whole number"]);
});

test("sequence structure: then without first, finally not last, one-step sequence", () => {
  check("then no_comma\nfinally lowercase\n", ["LSR020 1:1-1:5 without 'first'"]);
  check("first no_comma\nfinally lowercase\nthen title\n", ["LSR021 2:1-2:8 must be the last"]);
  check("first no_comma\n", ["LSR022 1:1-1:6 one step"]);
});

test("else without if, if without else (a warning that explains not-applicable)", () => {
  check("else { no_comma }\n", ["LSR030 1:1-1:5 without a preceding 'if'"]);
  check("if title { no_comma }\n", ["LSR031 1:1-1:3 not applicable"]);
});

test("empty blocks and branches", () => {
  check("and { }\n", ["LSR032 1:1-1:4 Empty block"]);
  check("if title { } else { no_comma }\n", ["LSR032 1:10-1:13 Empty branch"]);
});

test("duplicate constraints in one scope", () => {
  check("no_comma\npunctuation:no_comma\n", ["LSR040 2:1-2:21 already required"]);
  check('soft "Be kind."\nsoft tone "be  kind."\n', ["LSR040 2:1-2:22 already required"]);
});

test("duplicates in the two branches of an If are fine", () => {
  check("if title { no_comma } else { no_comma }\n", []);
});

test("contradictions in one scope", () => {
  check("lowercase\nuppercase\n", ["LSR041 2:1-2:10 all lowercase and all capitals"]);
  check('words(relation: "less than", num_words: 50)\nwords(relation: "at least", num_words: 100)\n', ["LSR041 2:1-2:44 fewer than 50 and at least 100"]);
  check('contains(keywords: ["error"])\nforbidden_words(forbidden_words: ["Error"])\n', ["LSR041 2:1-2:44 'error' is both required and forbidden"]);
  check("bullets(num_bullets: 3)\nbullets(num_bullets: 4)\n", ["LSR041 2:1-2:24 exactly 3 and exactly 4"]);
  check("json\ntitle\n", ["LSR041 2:1-2:6 a <<title>>"]);
  check('first json then postscript(postscript_marker: "P.S.")\n', ["LSR041 1:17-1:54 a postscript"]);
});

test("contradictions are not reported across the two branches of an If", () => {
  check("if title { lowercase } else { uppercase }\n", []);
});

test("a branch inherits what its enclosing scope requires", () => {
  check("lowercase\nif title { uppercase } else { no_comma }\n", ["LSR041 2:12-2:21 all lowercase and all capitals"]);
});

test("conditions decided without a response", () => {
  check("if title { if title { no_comma } else { lowercase } } else { no_comma }\n", ["LSR043 1:15-1:20 always holds"]);
  check("if title { no_comma } else { if title { lowercase } else { json } }\n", ["LSR042 1:33-1:38 never holds"]);
});

test("gamma outside [0, 1]", () => {
  check("gamma 1.5\nno_comma\n", ["LSR050 1:7-1:10 between 0 and 1"]);
});

test("named constraints: unused, undefined, with arguments, duplicate", () => {
  check('define kind = soft "Be kind."\nno_comma\n', ["LSR061 1:8-1:12 never used"]);
  check("kindness\n", ["LSR010 1:1-1:9 Unknown constraint 'kindness'"]);
  check('define kind = soft "Be kind."\nkind(x: 1)\n', ["LSR014 2:5-2:11 arguments belong in its definition"]);
  check('define kind = soft "A."\ndefine kind = soft "B."\nkind\n', ["LSR060 2:8-2:12 already defined"]);
});

test("a reference resolves to the definition and keeps its name", () => {
  const a = analyze('define kind = soft tone "Be kind."\nfirst kind then no_comma\n');
  assert.equal(a.diagnostics.length, 0);
  const seq = a.instruction.root.children[0];
  assert.equal(seq.kind, "sequential");
  assert.deepEqual(seq.kind === "sequential" && seq.steps[0], { kind: "soft", text: "Be kind.", category: "tone", ref: "kind", range: { start: 41, end: 45 } });
  assert.equal(a.names.get("kind")?.references.length, 1);
});

test("nesting deeper than the configured limit", () => {
  check("and { and { and { no_comma } } }\n", ["LSR002 1:13-1:16 limit is 2"], { maxDepth: 2 });
});

test("10,000 levels of nesting give a diagnostic, not a stack overflow", () => {
  const deep = "and { ".repeat(10_000) + "no_comma" + " }".repeat(10_000);
  const a = analyze(deep);
  assert.ok(a.diagnostics.length > 0);
  assert.ok(a.diagnostics.some((d) => /nest/i.test(d.message)));
});

test("unknown soft category suggests one", () => {
  check('soft ton "Be warm."\n', ["LSR015 1:6-1:9 Did you mean 'tone'"]);
});
