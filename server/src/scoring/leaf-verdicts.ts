// Verdicts for atomic constraints: hard ones by the IFEval checkers, soft ones by
// the configured judge (or left unjudged). r is binary (1 or 0), the paper's
// equations; with softValue "probability" a judged soft leaf's r is the judge's
// P(yes) instead (the LsrIF authors' training code), when the judge gives one.

import type { LeafNode } from "../analysis/logic.js";
import { explain } from "../ifeval/evidence/explain.js";
import { findHardType, verifyInstruction } from "../ifeval/registry.js";
import type { SoftJudge } from "../judge/types.js";
import type { Extractor, ViewSet } from "../scopes/views.js";
import type { NodeRole, ScoreNode } from "./result.js";
import { evaluateScopedLeaf } from "./scoped-leaf.js";

export interface LeafContext {
  response: string;
  prompt: string | undefined;
  mode: "strict" | "loose";
  judge: SoftJudge | undefined;
  signal: AbortSignal | undefined;
  /** Default "binary". Conditions are always decided by the binary verdict (lsrm.ts). */
  softValue?: SoftValue;
  /** Whether hard verdicts carry their evidence (`explanation`); default true. */
  explain?: boolean;
  /** Set when the response cannot be checked (over the maximum size): every hard leaf reports it. */
  hardError?: string;
  /** The texts selected by the enclosing scopes; undefined: the whole response. */
  views?: ViewSet;
  /** Answers `in extract "..."` scopes. */
  extract?: Extractor;
}

export type SoftValue = "binary" | "probability";

export async function evaluateLeaf(leaf: LeafNode, role: NodeRole, ctx: LeafContext): Promise<ScoreNode> {
  const base: ScoreNode = {
    kind: leaf.kind,
    role,
    label: leaf.kind === "hard" ? leaf.id : leaf.text,
    value: null,
    share: 0,
    factor: 1,
    contribution: 0,
    status: "unjudged",
    range: leaf.range,
    children: [],
  };
  if (leaf.ref !== undefined) base.ref = leaf.ref;
  if (ctx.views !== undefined && !(ctx.views.kind === "views" && ctx.views.whole)) return evaluateScopedLeaf(leaf, base, ctx, ctx.views);
  base.spans = [{ start: 0, end: ctx.response.length }];
  if (leaf.kind === "hard") {
    base.id = leaf.id;
    base.args = leaf.args;
    if (leaf.text !== undefined) base.text = leaf.text;
    const type = findHardType(leaf.id);
    if (!type) return { ...base, status: "error", error: `unknown constraint ${leaf.id}` };
    if (ctx.hardError !== undefined) return { ...base, status: "error", error: ctx.hardError };
    const ok = verifyInstruction(type, ctx.response, leaf.args, ctx.mode);
    const verdict: ScoreNode = { ...base, value: ok ? 1 : 0, status: ok ? "pass" : "fail" };
    if (ctx.explain !== false) verdict.explanation = explain(type.id, ctx.response, leaf.args, ctx.mode, ok);
    return verdict;
  }
  base.text = leaf.text;
  if (leaf.category !== undefined) base.category = leaf.category;
  if (!ctx.judge) return base;
  const request = { constraint: leaf.text, response: ctx.response, ...(leaf.category ? { category: leaf.category } : {}), ...(ctx.prompt !== undefined ? { prompt: ctx.prompt } : {}) };
  let verdict;
  try {
    verdict = await ctx.judge.judge(request, ctx.signal);
  } catch (error) {
    return { ...base, status: "error", error: error instanceof Error ? error.message : String(error) };
  }
  const out: ScoreNode = { ...base };
  if (verdict.probability !== undefined) out.probability = verdict.probability;
  if (verdict.evidence !== undefined) out.evidence = verdict.evidence;
  if (verdict.cached !== undefined) out.cached = verdict.cached;
  if (verdict.status === "error") return { ...out, status: "error", error: verdict.error ?? "judge failed" };
  const binary = verdict.status === "pass" ? 1 : 0;
  const value = ctx.softValue === "probability" && verdict.probability !== undefined ? verdict.probability : binary;
  return { ...out, value, status: verdict.status };
}
