// The LSP side of scopes: hover on a scope head (plain words and the tree it applies to),
// the logic-tree labels, hovers and verdicts inside scopes, and selector completion.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { quickFixes } from "../../../server/src/lsp/features/code-actions.js";
import { completionsAt } from "../../../server/src/lsp/features/completion.js";
import { semanticTokens } from "../../../server/src/lsp/features/semantic-tokens.js";
import { LineIndex } from "../../../grammars/src/index.js";
import { hoverAt } from "../../../server/src/lsp/features/hover.js";
import { logicTreeLines } from "../../../server/src/lsp/features/logic-tree-markdown.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";

const TEXT = 'first in section "Summary" in last paragraph { lowercase }\nthen each bullet soft "Starts with a verb."';

test("hover on a scope head: what it selects in words, and the logic tree it applies to", () => {
  const analysis = analyze(TEXT);
  const hover = hoverAt(analysis, TEXT.indexOf("last"));
  assert.ok(hover);
  assert.match(hover.markdown, /\*\*Scope\*\* `in section "Summary" in last paragraph`/);
  assert.match(hover.markdown, /1\. In the section "Summary"/);
  assert.match(hover.markdown, /2\. In the last paragraph \(within the text before\)/);
  assert.match(hover.markdown, /\[in section "Summary" in last paragraph\] Parallel/);
  // The hover covers the head it is on: "in last paragraph".
  assert.equal(TEXT.slice(hover.range.start, hover.range.end), "in last paragraph");
  const each = hoverAt(analysis, TEXT.indexOf("each") + 1);
  assert.match(each?.markdown ?? "", /every item the selector yields/);
});

test("the logic tree shows scopes on the nodes that have them", () => {
  const analysis = analyze(TEXT);
  const lines = logicTreeLines(analysis.instruction.root, analysis.instruction);
  assert.ok(lines.some((l) => l.includes('step 1: [in section "Summary" in last paragraph] Parallel')), lines.join("\n"));
  assert.ok(lines.some((l) => l.includes('step 2: [each bullet] [soft] "Starts with a verb."')), lines.join("\n"));
});

test("a constraint inside a scope keeps its hover and its last verdict", async () => {
  const analysis = analyze(TEXT);
  const response = "# Summary\nIntro.\n\nall is fine now\n# Next\n- Run the build";
  const score = await scoreInstruction(analysis.instruction, response);
  const hover = hoverAt(analysis, TEXT.indexOf("lowercase") + 2, score);
  assert.match(hover?.markdown ?? "", /change_case:english_lowercase/);
  assert.match(hover?.markdown ?? "", /\*\*Last verdict:\*\* pass/);
});

test("completion after 'in' / 'each' offers selectors; after 'in last' only positional units", () => {
  const labels = (text: string) => completionsAt(analyze(text), text, text.length).map((c) => c.label);
  const afterIn = labels("in ");
  for (const word of ["paragraph", "line", "bullet", "numbered item", "item", "section", "before", "after", "between", "extract", "first", "last"]) {
    assert.ok(afterIn.includes(word), word);
  }
  assert.deepEqual(labels("each last "), ["paragraph", "line", "bullet", "numbered item", "item"]);
  assert.deepEqual(labels("in first 3 "), ["paragraph", "line", "bullet", "numbered item", "item"]);
  const items = labels("");
  assert.ok(items.includes("in") && items.includes("each") && items.includes("each bullet"));
});

test("quick fixes: 'each' on a single-span selector becomes 'in'; paragraph 0 becomes 1", () => {
  const text = 'each section "S" no_comma\nin paragraph 0 lowercase';
  const analysis = analyze(text);
  const fixes = quickFixes(analysis, text, { start: 0, end: text.length });
  const edits = fixes.flatMap((f) => f.edits.map((e) => `${text.slice(e.range.start, e.range.end)} -> ${e.newText}`));
  assert.deepEqual(edits, ["each -> in", "0 -> 1"]);
});

test("semantic tokens: selector words are keywords, the constraint after them is a constraint", () => {
  const text = "in last paragraph lowercase";
  const tokens = semanticTokens(text, analyze(text).ast, new Set(), new LineIndex(text));
  assert.deepEqual(tokens.map((t) => `${text.slice(t.character, t.character + t.length)}:${t.type}`),
    ["in:keyword", "last:keyword", "paragraph:keyword", "lowercase:function"]);
});
