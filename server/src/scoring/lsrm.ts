// The LsRM aggregator (LsrIF, eqs. 1-4), generalised to nesting:
//   Parallel    value = mean of applicable children                       (eq. 1)
//   Sequential  r'_i = r_i * prod_{j<i} gamma^(1 - r_j), value = mean r'_i (eqs. 2-3)
//   Conditional value = value of the branch selected by the condition     (eq. 4)
// A condition holds only when its value is exactly 1. An If without Else whose
// condition fails is not applicable: it leaves its parent's mean and penalty chain.
// Values that are not known (unjudged or failed soft verdicts) are left out the
// same way, and the result says `complete: false`.

import type { Instruction, LogicNode } from "../analysis/logic.js";
import type { SoftJudge } from "../judge/types.js";
import { scopesSource } from "../scopes/describe.js";
import { applyScopes, wholeResponse } from "../scopes/views.js";
import { judgeExtractor } from "./extraction.js";
import { applicableLeaves, finalReward } from "./final-reward.js";
import { evaluateLeaf, type LeafContext, type SoftValue } from "./leaf-verdicts.js";
import { responseSizeError } from "./response-limit.js";
import type { NodeRole, NodeStatus, ScoreNode, ScoreResult, ScoreSummary } from "./result.js";

export interface ScoreOptions {
  /** Overrides the instruction's gamma. */
  gamma?: number;
  /** The paper's "w/o LsRM" ablation: plain mean over every applicable atomic constraint. */
  flat?: boolean;
  /** IFEval's loose mode for hard constraints. */
  loose?: boolean;
  /** Soft constraints stay unjudged without one. */
  judge?: SoftJudge;
  signal?: AbortSignal;
  /** "binary" (default, the paper) or "probability": a judged soft leaf counts its P(yes). */
  softValue?: SoftValue;
  /** Hard leaves of a longer response (UTF-8 bytes) get an error; default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /**
   * Evidence for each hard verdict (the leaf's `explanation`); default true. A caller that
   * reads only the numbers (the server's reward-only replies) sets false: scores are the same.
   */
  explain?: boolean;
}

export async function scoreInstruction(instruction: Instruction, response: string, options: ScoreOptions = {}): Promise<ScoreResult> {
  const gamma = options.gamma ?? instruction.gamma;
  const ctx: LeafContext & { gamma: number } = {
    response,
    prompt: instruction.prompt,
    mode: options.loose ? "loose" : "strict",
    judge: options.judge,
    signal: options.signal,
    softValue: options.softValue,
    explain: options.explain ?? true,
    hardError: responseSizeError(response, options.maxResponseBytes),
    gamma,
    extract: judgeExtractor(options.judge, instruction.prompt, options.signal),
  };
  const tree = await evaluate(instruction.root, "item", ctx);
  const leaves = applicableLeaves(tree);
  const known = leaves.filter((l) => l.value !== null);
  if (options.flat) assignFlatShares(tree, known);
  else assignShares(tree, 1, 1);
  const summary = summarise(tree);
  const note = sharesNote(summary);
  return {
    score: finalReward(tree, options.flat ? "flat" : "lsrm"),
    complete: summary.unjudged === 0 && summary.errors === 0,
    applicable: leaves.length > 0,
    aggregation: options.flat ? "flat" : "lsrm",
    mode: ctx.mode,
    gamma,
    tree,
    summary,
    ...(note ? { sharesNote: note } : {}),
  };
}

/**
 * A response given 0 without being checked (--strip-thinking found no `</think>`):
 * the tree is shown with every node not evaluated, and `reason` says why.
 */
export function unscoredResult(instruction: Instruction, options: Pick<ScoreOptions, "gamma" | "flat" | "loose">, reason: string): ScoreResult {
  const tree = skipped(instruction.root, "item");
  return {
    score: 0, complete: true, applicable: true, aggregation: options.flat ? "flat" : "lsrm", mode: options.loose ? "loose" : "strict",
    gamma: options.gamma ?? instruction.gamma, tree, summary: summarise(tree), reason,
  };
}

/** "shares re-normalised: 1 soft constraint unjudged": the one wording the hover, the view and the CLI show. */
export function sharesNote(s: ScoreSummary): string | undefined {
  const parts: string[] = [];
  if (s.unjudged > 0) parts.push(`${s.unjudged} soft constraint${s.unjudged === 1 ? "" : "s"} unjudged`);
  if (s.errors > 0) parts.push(`${s.errors} constraint${s.errors === 1 ? "" : "s"} failed to judge`);
  return parts.length ? `shares re-normalised: ${parts.join(", ")}` : undefined;
}

type Ctx = LeafContext & { gamma: number };

/** prod_{j<i} gamma^(1 - r_j) for each evaluated sequence step, kept off the reported tree. */
const stepPenalty = new WeakMap<ScoreNode, number>();

function statusOf(value: number | null, children: ScoreNode[]): NodeStatus {
  if (value === null) {
    if (children.some((c) => c.status === "error")) return "error";
    return children.some((c) => c.status === "unjudged") ? "unjudged" : "not-applicable";
  }
  return value === 1 ? "pass" : value === 0 ? "fail" : "partial";
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function structure(kind: ScoreNode["kind"], role: NodeRole, label: string, node: LogicNode, children: ScoreNode[], value: number | null): ScoreNode {
  return { kind, role, label, value, share: 0, factor: 1, contribution: 0, status: statusOf(value, children), range: node.range, children };
}

/** A node with scopes is evaluated on the texts they select within the enclosing ones. */
async function evaluate(node: LogicNode, role: NodeRole, ctx: Ctx): Promise<ScoreNode> {
  if (node.scopes === undefined || node.scopes.length === 0) return evaluateNode(node, role, ctx);
  const views = await applyScopes(node.scopes, ctx.views ?? wholeResponse(ctx.response), ctx.extract!);
  const scored = await evaluateNode(node, role, { ...ctx, views });
  scored.scope = scopesSource(node.scopes);
  if (views.kind === "views" && node.scopes.some((s) => s.selector.kind === "extract")) scored.extracted = views.views.map((v) => v.text);
  return scored;
}

async function evaluateNode(node: LogicNode, role: NodeRole, ctx: Ctx): Promise<ScoreNode> {
  switch (node.kind) {
    case "hard":
    case "soft":
      return evaluateLeaf(node, role, ctx);
    case "parallel": {
      const children = await Promise.all(node.children.map((c) => evaluate(c, "item", ctx)));
      const value = mean(children.filter((c) => c.value !== null).map((c) => c.value as number));
      return structure("parallel", role, "Parallel", node, children, value);
    }
    case "sequential": {
      const children = await Promise.all(node.steps.map((c) => evaluate(c, "step", ctx)));
      let penalty = 1;
      const adjusted: number[] = [];
      for (const step of children) {
        if (step.value === null) {
          step.adjusted = null;
          continue;
        }
        stepPenalty.set(step, penalty);
        step.adjusted = step.value * penalty;
        adjusted.push(step.adjusted);
        penalty *= ctx.gamma ** (1 - step.value);
      }
      return structure("sequential", role, "Sequential", node, children, mean(adjusted));
    }
    case "conditional": {
      // A condition holds or not: decided by binary verdicts whatever softValue says.
      const condition = await evaluate(node.condition, "condition", { ...ctx, softValue: "binary" });
      const undecided = condition.status === "unjudged" || condition.status === "error";
      const holds = undecided ? null : condition.value === 1;
      const then = holds === true ? await evaluate(node.then, "then", ctx) : skipped(node.then, "then");
      const otherwise = node.else ? (holds === false ? await evaluate(node.else, "else", ctx) : skipped(node.else, "else")) : undefined;
      const selected = holds === true ? then : holds === false ? otherwise : undefined;
      const children = otherwise ? [condition, then, otherwise] : [condition, then];
      const result = structure("conditional", role, "Conditional", node, children, selected?.value ?? null);
      result.conditionHolds = holds;
      if (undecided) result.status = condition.status;
      else if (selected && selected.value === null) result.status = selected.status;
      else if (!selected) result.status = "not-applicable";
      return result;
    }
  }
}

/** An unselected branch: shown, never evaluated (so its soft constraints are not judged). */
function skipped(node: LogicNode, role: NodeRole): ScoreNode {
  const children: ScoreNode[] =
    node.kind === "parallel" ? node.children.map((c) => skipped(c, "item"))
      : node.kind === "sequential" ? node.steps.map((c) => skipped(c, "step"))
        : node.kind === "conditional" ? [skipped(node.condition, "condition"), skipped(node.then, "then"), ...(node.else ? [skipped(node.else, "else")] : [])]
          : [];
  const base: ScoreNode = {
    kind: node.kind, role, label: node.kind === "hard" ? node.id : node.kind === "soft" ? node.text : node.kind[0].toUpperCase() + node.kind.slice(1),
    value: null, share: 0, factor: 1, contribution: 0, status: "not-applicable", range: node.range, children,
  };
  if (node.scopes && node.scopes.length > 0) base.scope = scopesSource(node.scopes);
  if (node.kind === "hard") Object.assign(base, { id: node.id, args: node.args });
  if (node.kind === "soft") Object.assign(base, { text: node.text, category: node.category });
  return base;
}

function assignShares(node: ScoreNode, share: number, factor: number): void {
  node.share = node.value === null ? 0 : share;
  node.factor = factor;
  node.contribution = node.value === null ? 0 : share * factor * node.value;
  if (node.value === null) {
    node.children.forEach((c) => assignShares(c, 0, factor));
    return;
  }
  const counted = node.children.filter((c) => c.value !== null && c.role !== "condition");
  if (node.kind === "parallel") {
    node.children.forEach((c) => assignShares(c, c.value === null ? 0 : share / counted.length, factor));
  } else if (node.kind === "sequential") {
    node.children.forEach((c) => {
      assignShares(c, c.value === null ? 0 : share / counted.length, factor * (stepPenalty.get(c) ?? 1));
    });
  } else if (node.kind === "conditional") {
    node.children.forEach((c) => {
      const selected = c.role !== "condition" && c.status !== "not-applicable";
      assignShares(c, selected ? share : 0, factor);
    });
  }
}

function assignFlatShares(tree: ScoreNode, known: ScoreNode[]): void {
  const visit = (n: ScoreNode) => {
    n.share = 0;
    n.factor = 1;
    n.contribution = 0;
    n.children.forEach(visit);
  };
  visit(tree);
  for (const leaf of known) {
    leaf.share = 1 / known.length;
    leaf.contribution = leaf.share * (leaf.value as number);
  }
}

/**
 * The "w/o LsRM" reward of a scored tree, whatever aggregation produced it (the same
 * rule as `scoreInstruction` with `flat`).
 */
export function flatScoreOf(tree: ScoreNode): number {
  return finalReward(tree, "flat");
}

export { applicableLeaves };

function summarise(tree: ScoreNode): ScoreSummary {
  const s: ScoreSummary = { hard: 0, soft: 0, passed: 0, failed: 0, unjudged: 0, errors: 0, notApplicable: 0, conditionsHeld: 0, conditionsNotHeld: 0 };
  const visit = (n: ScoreNode, inCondition: boolean) => {
    if (n.conditionHolds === true) s.conditionsHeld++;
    else if (n.conditionHolds === false) s.conditionsNotHeld++;
    if (inCondition) {
      if (n.kind !== "hard" && n.kind !== "soft") {
        n.children.forEach((c) => visit(c, true));
        return;
      }
      // A condition's leaves select a branch; an undecided one still makes the result incomplete.
      if (n.status === "unjudged") s.unjudged++;
      else if (n.status === "error") s.errors++;
    } else if (n.kind === "hard" || n.kind === "soft") {
      if (n.kind === "hard") s.hard++;
      else s.soft++;
      if (n.status === "pass") s.passed++;
      else if (n.status === "fail") s.failed++;
      else if (n.status === "unjudged") s.unjudged++;
      else if (n.status === "error") s.errors++;
      else if (n.status === "not-applicable") s.notApplicable++;
    }
    n.children.forEach((c) => visit(c, inCondition || c.role === "condition"));
  };
  visit(tree, false);
  return s;
}
