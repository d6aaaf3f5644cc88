// The LsRM aggregator against hand-computed values (LsrIF eqs. 1-4).
// Soft leaves named "1" or "0" get that verdict from an in-process judge, so each
// case states its atomic values directly; the arithmetic is worked in comments.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Instruction, LogicNode } from "../../../server/src/analysis/logic.js";
import type { SoftJudge } from "../../../server/src/judge/types.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import type { ScoreNode } from "../../../server/src/scoring/result.js";

const leaf = (v: 0 | 1): LogicNode => ({ kind: "soft", text: String(v) });
const and = (...children: LogicNode[]): LogicNode => ({ kind: "parallel", children });
const seq = (...steps: LogicNode[]): LogicNode => ({ kind: "sequential", steps });
const when = (condition: LogicNode, then: LogicNode, otherwise?: LogicNode): LogicNode =>
  otherwise ? { kind: "conditional", condition, then, else: otherwise } : { kind: "conditional", condition, then };

const judge: SoftJudge = {
  async judge(req) {
    return { status: req.constraint === "1" ? "pass" : "fail", probability: req.constraint === "1" ? 0.9 : 0.1 };
  },
};

function instruction(items: LogicNode[], gamma = 0.5): Instruction {
  return { gamma, root: { kind: "parallel", children: items } };
}

async function check(items: LogicNode[], expected: number, opts: { gamma?: number; flat?: boolean } = {}) {
  const result = await scoreInstruction(instruction(items, opts.gamma), "any response", { judge, flat: opts.flat });
  assert.ok(Math.abs(result.score - expected) < 1e-12, `score ${result.score}, expected ${expected}`);
  const sum = (n: ScoreNode): number => (n.children.length ? n.children.reduce((s, c) => s + sum(c), 0) : n.contribution);
  assert.ok(Math.abs(sum(result.tree) - result.score) < 1e-12 || !result.applicable, "leaf contributions add up to the score");
  return result;
}

test("Parallel is the mean of its children (eq. 1): (1 + 0 + 1) / 3", async () => {
  const r = await check([leaf(1), leaf(0), leaf(1)], 2 / 3);
  assert.deepEqual(r.tree.children.map((c) => c.share), [1 / 3, 1 / 3, 1 / 3]);
});

test("Sequential penalises later steps after a failure (eqs. 2-3), gamma 0.5", async () => {
  // r = (1, 0, 1): r' = (1, 0 * 0.5^0, 1 * 0.5^0 * 0.5^1) = (1, 0, 0.5); mean 1.5 / 3 = 0.5
  const r = await check([seq(leaf(1), leaf(0), leaf(1))], 0.5);
  assert.deepEqual(r.tree.children[0].children.map((c) => c.adjusted), [1, 0, 0.5]);
  // r = (0, 1, 1): r' = (0, 0.5, 0.5 * 0.5^0) = (0, 0.5, 0.5); mean 1 / 3
  await check([seq(leaf(0), leaf(1), leaf(1))], 1 / 3);
});

test("gamma 0: any failure zeroes every later step; 0^0 = 1 keeps passes intact", async () => {
  await check([seq(leaf(0), leaf(1), leaf(1))], 0, { gamma: 0 });
  await check([seq(leaf(1), leaf(1), leaf(1))], 1, { gamma: 0 });
  // (1, 0, 1): r' = (1, 0, 1 * 0^1) = (1, 0, 0); mean 1/3
  await check([seq(leaf(1), leaf(0), leaf(1))], 1 / 3, { gamma: 0 });
});

test("custom gamma 0.8: two failures before a pass", async () => {
  // (0, 0, 1): r'_3 = 1 * 0.8 * 0.8 = 0.64; mean 0.64 / 3
  await check([seq(leaf(0), leaf(0), leaf(1))], 0.64 / 3, { gamma: 0.8 });
});

test("gamma 1 makes a sequence a plain mean", async () => {
  await check([seq(leaf(0), leaf(1), leaf(1))], 2 / 3, { gamma: 1 });
});

test("Conditional scores only the selected branch (eq. 4); the condition is not part of the reward", async () => {
  const holds = await check([when(leaf(1), leaf(0), leaf(1))], 0);
  assert.equal(holds.tree.children[0].conditionHolds, true);
  assert.equal(holds.tree.children[0].children[2].status, "not-applicable");
  const fails = await check([when(leaf(0), leaf(0), leaf(1))], 1);
  assert.equal(fails.tree.children[0].conditionHolds, false);
});

test("an If without Else whose condition fails is left out of its parent's mean", async () => {
  // And(1, 0, n/a) = (1 + 0) / 2
  const r = await check([leaf(1), leaf(0), when(leaf(0), leaf(0))], 0.5);
  assert.equal(r.tree.children[2].status, "not-applicable");
  assert.equal(r.tree.children[2].share, 0);
});

test("a not-applicable step is left out of the penalty chain and the mean", async () => {
  // steps (0, n/a, 1): r' = (0, -, 1 * 0.5^1) ; mean over 2 applicable steps = 0.5 / 2
  await check([seq(leaf(0), when(leaf(0), leaf(1)), leaf(1))], 0.25);
});

test("a whole instruction that is not applicable scores 1 and says so", async () => {
  const r = await scoreInstruction(instruction([when(leaf(0), leaf(0))]), "x", { judge });
  assert.equal(r.score, 1);
  assert.equal(r.applicable, false);
  assert.equal(r.complete, true);
});

test("nesting: a fractional step uses gamma^(1 - v) for the steps after it", async () => {
  // step 1 = And(1, 0) = 0.5; step 2: r' = 1 * 0.5^(1 - 0.5) = sqrt(0.5); mean (0.5 + sqrt(0.5)) / 2
  await check([seq(and(leaf(1), leaf(0)), leaf(1))], (0.5 + Math.SQRT1_2) / 2);
});

test("nesting depth 3: a conditional inside a sequence inside a parallel block", async () => {
  // inner: If(1) { And(1, 1, 0) } = 2/3; sequence (0, 2/3): r'_2 = 2/3 * 0.5^1 = 1/3; mean 1/6
  // outer And(1/6, 1) = 7/12
  await check([seq(leaf(0), when(leaf(1), and(leaf(1), leaf(1), leaf(0)))), leaf(1)], 7 / 12);
});

test("a condition with a fractional value does not hold", async () => {
  // condition And(1, 0) = 0.5 != 1, so the else branch (0) is selected
  const r = await check([when(and(leaf(1), leaf(0)), leaf(1), leaf(0))], 0);
  assert.equal(r.tree.children[0].conditionHolds, false);
});

test("--flat is the plain mean over every applicable atomic constraint (w/o LsRM)", async () => {
  // leaves that apply: seq 1, 0, 1 and the selected then-branch 0 (the condition does not count): 2 / 4
  const items = [seq(leaf(1), leaf(0), leaf(1)), when(leaf(1), leaf(0), leaf(1))];
  await check(items, 0.5, { flat: true });
  // LsRM on the same: And(seq = 0.5, cond = 0) = 0.25
  await check(items, 0.25);
});

test("without a judge, soft constraints are unjudged and the result is incomplete", async () => {
  const r = await scoreInstruction(instruction([leaf(1), leaf(0)]), "x");
  assert.equal(r.complete, false);
  assert.equal(r.summary.unjudged, 2);
  assert.deepEqual(r.tree.children.map((c) => c.status), ["unjudged", "unjudged"]);
});

test("a judge error is visible on the constraint, never a silent 0 or 1", async () => {
  const failing: SoftJudge = { async judge(req) { return req.constraint === "1" ? { status: "pass" } : { status: "error", error: "HTTP 500" }; } };
  const r = await scoreInstruction(instruction([leaf(1), leaf(0)]), "x", { judge: failing });
  assert.equal(r.complete, false);
  assert.equal(r.score, 1); // only the judged constraint counts
  assert.equal(r.tree.children[1].status, "error");
  assert.equal(r.tree.children[1].error, "HTTP 500");
});

test("unselected branches are never sent to the judge", async () => {
  const asked: string[] = [];
  const recording: SoftJudge = { async judge(req) { asked.push(req.constraint); return { status: req.constraint.startsWith("1") ? "pass" : "fail" }; } };
  const items: LogicNode[] = [when({ kind: "soft", text: "1 cond" }, { kind: "soft", text: "1 then" }, { kind: "soft", text: "0 else" })];
  await scoreInstruction(instruction(items), "x", { judge: recording });
  assert.deepEqual(asked.sort(), ["1 cond", "1 then"]);
});

test("conditions are counted as held or not held, never among passed or failed constraints", async () => {
  // If(1) { 0 } else { 1 } and If(0) { 1 } else { 1 }: constraints that apply are the selected
  // branches, 0 and 1: 1 passed, 1 failed; the conditions: 1 held, 1 did not hold.
  const r = await check([when(leaf(1), leaf(0), leaf(1)), when(leaf(0), leaf(1), leaf(1))], 0.5);
  assert.equal(r.summary.passed, 1);
  assert.equal(r.summary.failed, 1);
  assert.equal(r.summary.conditionsHeld, 1);
  assert.equal(r.summary.conditionsNotHeld, 1);
});

test("unjudged and failed constraints leave the means, and the result says the shares were re-normalised", async () => {
  const partial: SoftJudge = { async judge(req) { return req.constraint === "1" ? { status: "pass" } : { status: "error", error: "HTTP 500" }; } };
  const r = await scoreInstruction(instruction([leaf(1), leaf(0)]), "x", { judge: partial });
  // The judged constraint's share grows from 1/2 to 1.
  assert.equal(r.tree.children[0].share, 1);
  assert.equal(r.sharesNote, "shares re-normalised: 1 constraint failed to judge");
  const none = await scoreInstruction(instruction([leaf(1)]), "x");
  assert.equal(none.sharesNote, "shares re-normalised: 1 soft constraint unjudged");
  const full = await scoreInstruction(instruction([leaf(1), leaf(0)]), "x", { judge });
  assert.equal(full.sharesNote, undefined);
});

test("a hard verdict carries its evidence with offsets, and the text report shows it", async () => {
  const { formatScoreTree } = await import("../../../server/src/scoring/text-report.js");
  const r = await scoreInstruction(instruction([{ kind: "hard", id: "punctuation:no_comma", args: {} }]), "One, two\nthree, four, five");
  // Commas at offsets 3 (line 1), 14 and 20 (line 2), counted by hand.
  assert.deepEqual(r.tree.children[0].explanation, { message: "3 commas (first at line 1)", spans: [{ start: 3, end: 4 }, { start: 14, end: 15 }, { start: 20, end: 21 }] });
  assert.match(formatScoreTree(r), /evidence: 3 commas \(first at line 1\)/);
});
