// The logic-tree drawing's layout (client/src/logic-tree, no vscode): dagre places the
// boxes; children read left to right in source order, boxes never overlap, labels wrap
// instead of being cut, and every box is at least as wide as its longest line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { logicTreeJson } from "../../../server/src/lsp/commands.js";
import { toGraph } from "../../../client/src/logic-tree/graph-model.js";
import { layoutTree, wrap, type PlacedNode } from "../../../client/src/logic-tree/layout.js";

const ROOT = join(__dirname, "../../../..");

function laidOut(file: string) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const { instruction } = analyze(text);
  const lines = new LineIndex(text);
  const json = logicTreeJson(instruction.root, lines);
  const source = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
  return layoutTree(toGraph(json, source), { fontSize: 14 });
}

function all(p: PlacedNode): PlacedNode[] {
  return [p, ...p.children.flatMap(all)];
}

for (const file of ["examples/figure1.lsr", "examples/travel-guide.lsr"]) {
  test(`${file}: siblings left to right in source order, parents above children, no overlaps`, () => {
    const layout = laidOut(file);
    const nodes = all(layout.root);
    for (const p of nodes) {
      for (let i = 1; i < p.children.length; i++) assert.ok(p.children[i].x > p.children[i - 1].x, `${p.node.title}: child ${i} left of child ${i - 1}`);
      for (const c of p.children) assert.ok(c.y > p.y + p.height, `${c.node.title} not below ${p.node.title}`);
    }
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.node.title} overlaps ${b.node.title}`);
      }
    }
  });
}

test("the author's names and the language's terms", () => {
  const titles = all(laidOut("examples/travel-guide.lsr").root).map((p) => p.node.title);
  assert.ok(titles.includes("Sequential") && titles.includes("Conditional") && titles.includes("Parallel"), titles.join(", "));
  assert.ok(titles.includes("contains"), titles.join(", "));
  assert.ok(!titles.some((t) => ["And", "Chain", "Selection"].includes(t)));
});

test("labels wrap at word boundaries and are never cut short without an ellipsis", () => {
  assert.deepEqual(wrap("The paragraph begins with a bolded core idea.", 20), ["The paragraph begins", "with a bolded core", "idea."]);
  assert.deepEqual(wrap("one two three four five six", 7, 2), ["one two", "three…"]);
  // A word longer than a line is cut across lines (16 + 15 characters), nothing dropped.
  assert.deepEqual(wrap("length_constraints:number_words", 16), ["length_constrain", "ts:number_words"]);
});
