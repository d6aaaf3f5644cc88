// `explain: false` (the server's reward-only path) leaves out the evidence of hard
// verdicts and changes nothing else: same scores, same tree values, on the GRPO step
// of the benchmark (IFEval prompts, hard constraints, strict and loose).

import assert from "node:assert/strict";
import { test } from "node:test";
import { InstructionSource } from "../../../server/src/serve/instructions.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import type { ScoreNode } from "../../../server/src/scoring/result.js";
import { grpoStep } from "../../helpers/grpo-step.js";

const withoutExplanations = (node: ScoreNode): ScoreNode => {
  const { explanation: _explanation, ...rest } = node;
  return { ...rest, children: node.children.map(withoutExplanations) };
};
const explanations = (node: ScoreNode): number => (node.explanation ? 1 : 0) + node.children.reduce((n, c) => n + explanations(c), 0);

test("explain false: the same result without any explanation", async () => {
  const source = new InstructionSource(undefined);
  const items = grpoStep({ instructions: 40, groupSize: 2 });
  let failing = 0;
  for (const loose of [false, true]) {
    for (const item of items) {
      const resolved = source.inlineInstruction(item.instruction);
      assert.ok(resolved.ok);
      const full = await scoreInstruction(resolved.instruction, item.response, { loose });
      const bare = await scoreInstruction(resolved.instruction, item.response, { loose, explain: false });
      assert.ok(explanations(full.tree) > 0, `${item.id}: the default explains its hard verdicts`);
      assert.equal(explanations(bare.tree), 0, item.id);
      assert.deepEqual({ ...bare, tree: withoutExplanations(bare.tree) }, { ...full, tree: withoutExplanations(full.tree) }, item.id);
      if (full.score < 1) failing++;
    }
  }
  assert.ok(failing > 0, "some responses fail a constraint, so failed verdicts are compared too");
});
