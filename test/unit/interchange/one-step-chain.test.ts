// Issue 9 item 16: a one-step `first` sequence is a Chain through export, import and export again.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { exportLsrInstructJson, importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";

/** export -> JSON text -> import -> .lsr -> analyze -> export. */
function roundTrip(source: string) {
  const first = exportLsrInstructJson(analyze(source).instruction);
  const imported = importLsrInstructJson(JSON.stringify(first), "x.json");
  assert.deepEqual(imported.errors, []);
  const printed = printLsr(imported.instruction!);
  const reanalysed = analyze(printed);
  assert.deepEqual(reanalysed.diagnostics.filter((d) => d.severity === "error"), [], printed);
  return { first, second: exportLsrInstructJson(reanalysed.instruction), printed };
}

type Json = ReturnType<typeof exportLsrInstructJson>;
interface Composite { type: string; sub_constraints: Record<string, { type?: string }> }
const composite = (json: Json, i: number) => (json.composite_constraints[i] as { composite_constraint: Composite }).composite_constraint;
const typeOf = (json: Json, i = 0) => composite(json, i).type;

test("a one-step first at top level stays a Chain", () => {
  const { first, second, printed } = roundTrip('first punctuation:no_comma "No commas."\n');
  assert.equal(typeOf(first), "Chain");
  assert.equal(typeOf(second), "Chain");
  assert.deepEqual(second, first);
  assert.match(printed, /^first punctuation:no_comma/);
});

test("one-step sequences as a step, a condition and an else branch keep their structure", () => {
  const source = `first {
  first soft "inner"
}
then soft "b"
if and {
  first soft "cond"
} {
  soft "t"
} else {
  first soft "e"
}
`;
  const { first, second } = roundTrip(source);
  assert.deepEqual(second, first);
  const chain = composite(first, 0);
  assert.equal(chain.type, "Chain");
  assert.equal(chain.sub_constraints.c1.type, "Chain");
  const selection = composite(first, 1);
  assert.equal(selection.type, "Selection");
  assert.equal(selection.sub_constraints.c1.type, "Chain");
  assert.equal(selection.sub_constraints.c3.type, "Chain");
});
