// Scopes through the interchange and the rendering: the "scope" field on sub-constraints,
// .lsr -> JSON -> .lsr round trips, --paper dropping them, import errors, plain-words rendering.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { LogicNode } from "../../../server/src/analysis/logic.js";
import { exportLsrInstructJson, importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";
import { renderInstruction } from "../../../server/src/render/natural-language.js";
import { scopesSource } from "../../../server/src/scopes/describe.js";

const SCOPED = `prompt "Write a guide."

first in paragraph 1 {
  soft content "A short instructional paragraph."
  length_constraints:number_sentences(num_sentences: 4, relation: "less than") "Use fewer than 4 sentences."
}
then each bullet change_case:english_lowercase "Lowercase items."
then if in last paragraph keywords:existence(keywords: ["error"]) "Mentions an error." {
  in section "Summary" in last 2 lines soft "Concise."
} else {
  in between "Steps:" and "Notes:" soft "Numbered steps."
}
each lines matching "^- " in first 3 lines punctuation:no_comma "No commas."
in extract "the checklist" soft "Complete."
`;

function clean(source: string) {
  const analysis = analyze(source);
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === "error"), [], source);
  return analysis.instruction;
}

/** Every scope chain in the tree, in document order, as written. */
function scopeChains(node: LogicNode): string[] {
  const own = node.scopes?.length ? [scopesSource(node.scopes)] : [];
  const children = node.kind === "parallel" ? node.children : node.kind === "sequential" ? node.steps
    : node.kind === "conditional" ? [node.condition, node.then, ...(node.else ? [node.else] : [])] : [];
  return [...own, ...children.flatMap(scopeChains)];
}

test("export writes each scope as a 'scope' field that import reads back; .lsr -> JSON -> .lsr -> JSON is stable", () => {
  const json = exportLsrInstructJson(clean(SCOPED));
  const first = json.composite_constraints[0] as { composite_constraint: { sub_constraints: Record<string, { scope?: unknown }> } };
  // The first step is `in paragraph 1 { ... }`: a scoped And.
  assert.deepEqual(first.composite_constraint.sub_constraints.c1.scope, [{ quantifier: "in", selector: { kind: "paragraphs", from: 1, to: 1 } }]);
  const text = JSON.stringify(json);
  const imported = importLsrInstructJson(text, "scoped.json");
  assert.deepEqual(imported.errors, []);
  const printed = printLsr(imported.instruction!);
  const again = clean(printed);
  assert.deepEqual(exportLsrInstructJson(again), json);
  assert.deepEqual(scopeChains(again.root), [
    "in paragraph 1", "each bullet", "in last paragraph", 'in section "Summary" in last 2 lines', 'in between "Steps:" and "Notes:"',
    'each lines matching "^- " in first 3 lines', 'in extract "the checklist"',
  ]);
});

test("export --paper drops every scope and reports each scoped node", () => {
  const dropped: string[] = [];
  const json = exportLsrInstructJson(clean(SCOPED), { paper: true, onDroppedScope: (n) => dropped.push(scopesSource(n.scopes!)) });
  assert.equal(JSON.stringify(json).includes('"scope"'), false);
  assert.deepEqual(dropped, [
    "in paragraph 1", "each bullet", "in last paragraph", 'in section "Summary" in last 2 lines', 'in between "Steps:" and "Notes:"',
    'each lines matching "^- " in first 3 lines', 'in extract "the checklist"',
  ]);
});

test("import reports a scope that cannot work, with its path", () => {
  const doc = (scope: unknown) => JSON.stringify({ composite_constraints: [{ constraint: "x", instruction_id: "punctuation:no_comma", kwargs: {}, scope }] });
  const bad = [
    [{ quantifier: "in", selector: { kind: "paragraphs", from: 0, to: 0 } }, /positions count from 1/],
    [{ quantifier: "each", selector: { kind: "section", name: "S" } }, /'each' needs a selector that yields items/],
    [{ quantifier: "in", selector: { kind: "lines-matching", pattern: "(?<" } }, /does not compile/],
    [{ quantifier: "in", selector: { kind: "section", name: " " } }, /must not be empty/],
    [{ quantifier: "in", selector: { kind: "lines", from: 3, to: 1 } }, /range is empty/],
  ] as const;
  for (const [scope, message] of bad) {
    const { errors } = importLsrInstructJson(doc([scope]), "bad.json");
    assert.ok(errors.length > 0 && errors.every((e) => e.message.includes("scope")), JSON.stringify(errors));
    assert.match(errors.map((e) => e.message).join("\n"), message);
  }
});

test("rendering says the scope in plain words", () => {
  const render = (lsr: string) => renderInstruction(clean(lsr)).split("\n").slice(1).join("\n");
  assert.equal(render('in paragraph 1 sentences(relation: "less than", num_sentences: 4) "Use fewer than 4 sentences."'),
    "- In the first paragraph, use fewer than 4 sentences.");
  assert.equal(render('each bullet soft "Starts with a verb."'), "- In every bullet item, starts with a verb.");
  assert.equal(render('in last 3 lines { soft "Polite." soft "Short." }'),
    "- In the last 3 lines, do all of the following:\n    - Polite.\n    - Short.");
  assert.equal(render('first in section "Summary" soft "One line." then in paragraphs 2..3 soft "Examples."'),
    '- First, in the section "Summary", one line; then, in paragraphs 2 to 3, examples.');
  assert.equal(render('if in last paragraph contains(keywords: ["error"]) { soft "Apologise." } else { soft "Thank." }'),
    "- If in the last paragraph, the response contains the keyword 'error', apologise; otherwise, thank.");
});
