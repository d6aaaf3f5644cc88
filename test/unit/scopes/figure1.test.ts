// examples/figure1.lsr, written with scopes, against its shipped pass and fail
// responses: the pass response passes and the fail response fails for the reasons
// the instruction states. The same text without scopes shows why they are needed:
// on the whole response the checklist joins the sentence count.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { SoftJudge } from "../../../server/src/judge/types.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import type { ScoreNode } from "../../../server/src/scoring/result.js";

const ROOT = join(__dirname, "../../../..");
const read = (name: string) => readFileSync(join(ROOT, "examples", name), "utf8");
const FIGURE1 = read("figure1.lsr");
const PASS = read("figure1.pass.md");
const FAIL = read("figure1.fail.md");

/** A judge standing in for a careful model: these soft constraints fail on the fail response only. */
const FAILS_ON_FAIL_RESPONSE = new Set(["Append a checklist with bullet points.", "Use a formal, technical style.", "A short instructional paragraph."]);
const judge: SoftJudge = {
  async judge(request) {
    const onFail = (request.context ?? request.response) === FAIL;
    return { status: onFail && FAILS_ON_FAIL_RESPONSE.has(request.constraint) ? "fail" : "pass" };
  },
};

function leafByLabel(node: ScoreNode, label: string): ScoreNode | undefined {
  if ((node.kind === "hard" || node.kind === "soft") && node.label === label) return node;
  for (const c of node.children) {
    const hit = leafByLabel(c, label);
    if (hit) return hit;
  }
  return undefined;
}

const score = (lsr: string, response: string) => {
  const analysis = analyze(lsr);
  assert.equal(analysis.hasErrors, false, JSON.stringify(analysis.diagnostics));
  return scoreInstruction(analysis.instruction, response, { judge });
};

test("the pass response passes every constraint: R = 1", async () => {
  const r = await score(FIGURE1, PASS);
  assert.equal(r.score, 1);
  assert.equal(r.summary.failed, 0);
  // The three sentences are counted on the first paragraph only.
  const sentences = leafByLabel(r.tree, "length_constraints:number_sentences")!;
  assert.equal(sentences.status, "pass");
  const paragraphEnd = PASS.indexOf("\n\n");
  assert.deepEqual(sentences.spans, [{ start: 0, end: paragraphEnd }]);
  // "error" occurs, so every checklist item must be lowercase, and is.
  const lowercase = leafByLabel(r.tree, "change_case:english_lowercase")!;
  assert.equal(lowercase.status, "pass");
  assert.equal(lowercase.spans?.length, 4);
});

test("the fail response fails for the reasons the instruction states", async () => {
  const r = await score(FIGURE1, FAIL);
  // Its paragraph has six sentences.
  assert.equal(leafByLabel(r.tree, "length_constraints:number_sentences")!.status, "fail");
  // It says "error", so the checklist items must be lowercase; "Look at logs" is not.
  const lowercase = leafByLabel(r.tree, "change_case:english_lowercase")!;
  assert.equal(lowercase.status, "fail");
  assert.match(lowercase.evidence ?? "", /item 1 of 2: "Look at logs"/);
  // By hand, gamma 0.5: step 1 = mean(0, 0) = 0; step 2 (bullet points) = 0; step 3 (lowercase items) = 0;
  // step 4 (formal style) = 0: every r is 0, so R = 0.
  assert.equal(r.score, 0);
});

test("without scopes the same instruction fails the passing response: the checklist joins the sentence count", async () => {
  const unscoped = FIGURE1.replace("first in paragraph 1 {", "first {").replace("each item lowercase", "lowercase").replace("in paragraph 1 bolded_core_idea", "bolded_core_idea");
  assert.ok(!/\b(in|each) (paragraph|item)\b/.test(unscoped.replace(/#.*$/gm, "")), "every scope removed");
  const r = await score(unscoped, PASS);
  const sentences = leafByLabel(r.tree, "length_constraints:number_sentences")!;
  assert.equal(sentences.status, "fail", "IFEval counts the whole response: paragraph and checklist");
  assert.deepEqual(sentences.spans, [{ start: 0, end: PASS.length }]);
  // And "lowercase" on the whole response fails too: the paragraph is capitalised.
  assert.equal(leafByLabel(r.tree, "change_case:english_lowercase")!.status, "fail");
  // By hand: step 1 = mean(soft 1, sentences 0) = 0.5; step 2 = 1, r'2 = 1 * 0.5^(1 - 0.5) = 0.7071;
  // step 3 = 0 (lowercase fails), r'3 = 0; step 4 = 1, r'4 = 1 * 0.5^0.5 * 0.5^0 * 0.5^1 = 0.3536.
  // R = (0.5 + 0.7071 + 0 + 0.3536) / 4 = 0.3902.
  const expected = (0.5 + Math.SQRT1_2 + 0 + Math.SQRT1_2 / 2) / 4;
  assert.ok(Math.abs(r.score - expected) < 1e-12, `${r.score} vs ${expected}`);
});
