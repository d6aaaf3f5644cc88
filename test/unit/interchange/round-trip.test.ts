import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { exportLsrInstructJson, importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";
import { fixtureText } from "./fixtures.js";

function analyzeClean(source: string) {
  const analysis = analyze(source);
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === "error"), [], source);
  return analysis.instruction;
}

// Fixtures whose constraint texts are all kept (every hard leaf has its own wording).
for (const name of ["figure1.json", "nested-three-deep.json", "complexbench-899.json"]) {
  test(`round trip ${name}: JSON -> logic -> .lsr -> analyze -> logic -> JSON equals the original`, () => {
    const text = fixtureText(name);
    const imported = importLsrInstructJson(text, name);
    assert.deepEqual(imported.errors, []);
    assert.ok(imported.instruction);
    const reanalysed = analyzeClean(printLsr(imported.instruction));
    assert.deepEqual(exportLsrInstructJson(reanalysed), JSON.parse(text));
  });
}

// Canonical .lsr (hard leaves carry their wording, arguments in schema order, no defines):
// .lsr -> JSON -> .lsr is the identity.
const CANONICAL = `prompt """Summarise the report.
Then list open questions."""
gamma 0.3

first {
  soft content "A one-paragraph summary."
  length_constraints:number_words(num_words: 120, relation: "less than") "Answer with less than 120 words."
}
then if keywords:existence(keywords: ["risk", "delay"]) "Mention risk or delay." {
  soft format "List each risk as a bullet."
} else if soft "The report is about finance." {
  soft "Quote one figure."
} else {
  soft tone "Reassure the reader."
}
finally soft "End with \\"Questions:\\" and a list.\\n"
if and {
  punctuation:no_comma "Do not use commas."
  soft "The summary is short."
} {
  first soft "Say thanks."
  then soft "Sign off."
}
and {
  soft "A"
  soft "B"
}
`;

test(".lsr -> analyze -> export -> JSON text -> import -> printLsr gives the same .lsr", () => {
  const json = JSON.stringify(exportLsrInstructJson(analyzeClean(CANONICAL)), null, 2);
  const imported = importLsrInstructJson(json, "x.json");
  assert.deepEqual(imported.errors, []);
  assert.ok(imported.instruction);
  assert.equal(printLsr(imported.instruction), CANONICAL);
});

test("a hard leaf without wording is exported with the registry's rendering, which then prints as its wording", () => {
  const json = exportLsrInstructJson(analyzeClean("no_comma\n"));
  assert.deepEqual(json, { composite_constraints: [{ composite_constraint: { type: "And", sub_constraints: {
    c1: { constraint: "In your entire response, refrain from the use of any commas.", instruction_id: "punctuation:no_comma", kwargs: {} },
  } } }] });
  const back = importLsrInstructJson(JSON.stringify(json), "x.json").instruction;
  assert.ok(back);
  assert.equal(printLsr(back), 'punctuation:no_comma "In your entire response, refrain from the use of any commas."\n');
});
