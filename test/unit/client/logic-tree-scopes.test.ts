// Scopes on the logic-tree graph (client/src/logic-tree, no vscode): the tree JSON the server
// sends carries each node's scope, the graph model keeps it, and the SVG the webview receives
// draws it above the node's title; after a score each leaf carries the spans it was checked on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { logicTreeJson } from "../../../server/src/lsp/commands.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { flatten, toGraph, withScore } from "../../../client/src/logic-tree/graph-model.js";
import { treeToSvg } from "../../../client/src/logic-tree/svg.js";

const LSR = 'first in paragraph 2 {\n  no_comma\n}\nthen each bullet lowercase\nthen no_comma\n';

function graphOf(text: string) {
  const { instruction } = analyze(text);
  const lines = new LineIndex(text);
  const source = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
  return { instruction, graph: toGraph(logicTreeJson(instruction.root, lines), source) };
}

test("the graph model keeps each node's scope as written; unscoped nodes have none", () => {
  const nodes = flatten(graphOf(LSR).graph);
  // The file's items are a Parallel of one item: the sequence.
  assert.deepEqual(nodes.map((n) => [n.title, n.scope]), [
    ["Parallel", undefined],
    ["Sequential", undefined],
    ["Parallel", "in paragraph 2"],
    ["no_comma", undefined],
    ["lowercase", "each bullet"],
    ["no_comma", undefined],
  ]);
});

test("the SVG posted to the webview draws the scope line above the title, and puts it in the box's tooltip", () => {
  const svg = treeToSvg(graphOf(LSR).graph, { fontSize: 14 });
  assert.equal(svg.match(/<text class="scope"/g)?.length, 2);
  assert.match(svg, /<text class="scope" x="[\d.]+" y="[\d.]+">in paragraph 2<\/text><text class="title" x="[\d.]+" y="[\d.]+">Parallel<\/text>/);
  assert.match(svg, /<text class="scope" x="[\d.]+" y="[\d.]+">each bullet<\/text><text class="title" x="[\d.]+" y="[\d.]+">lowercase<\/text>/);
  assert.match(svg, /<title>each bullet\nlowercase\n/);
  // A scope line makes the box one line taller than the same box without it.
  const heights = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.equal(heights[4] - heights[5], Math.round(14 * 1.35), "lowercase (scoped) vs the last no_comma (unscoped)");
});

test("after a score each leaf carries the offsets it was checked on: a paragraph, every bullet, the whole response", async () => {
  const { instruction, graph } = graphOf(LSR);
  // Offsets by hand: "intro, here" 0..11, "\n\n" 11..13, "Second para" 13..24, "\n\n" 24..26,
  // "- a" 26..29 (item "a" 28..29), "\n" 29, "- b" 30..33 (item "b" 32..33). 33 characters.
  const response = "intro, here\n\nSecond para\n\n- a\n- b";
  const scored = withScore(graph, (await scoreInstruction(instruction, response)).tree);
  const [, , , paragraphLeaf, bullets, whole] = flatten(scored);
  assert.deepEqual(paragraphLeaf.score?.spans, [{ start: 13, end: 24 }]);
  assert.equal(paragraphLeaf.score?.status, "pass");
  assert.deepEqual(bullets.score?.spans, [{ start: 28, end: 29 }, { start: 32, end: 33 }]);
  assert.deepEqual(whole.score?.spans, [{ start: 0, end: 33 }]);
  // The unscoped no_comma fails on the comma at offset 5: its evidence points there, inside the checked span.
  assert.equal(whole.score?.status, "fail");
  assert.deepEqual(whole.score?.evidenceSpans, [{ start: 5, end: 6 }]);
});
