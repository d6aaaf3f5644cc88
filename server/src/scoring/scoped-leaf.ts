// A leaf under a scope: checked on each selected text, all of which must pass
// (`each` keeps the atomic r binary). A selector that matched nothing fails the
// leaf with evidence; an extraction without a judge leaves it unjudged.

import type { LeafNode } from "../analysis/logic.js";
import { findHardType } from "../ifeval/registry.js";
import { verifyParsed } from "../ifeval/verify.js";
import type { SoftJudgeRequest, SoftVerdict } from "../judge/types.js";
import type { View, ViewSet } from "../scopes/views.js";
import type { LeafContext } from "./leaf-verdicts.js";
import type { ScoreNode } from "./result.js";

const preview = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

export async function evaluateScopedLeaf(leaf: LeafNode, base: ScoreNode, ctx: LeafContext, set: ViewSet): Promise<ScoreNode> {
  if (leaf.kind === "hard") {
    base.id = leaf.id;
    base.args = leaf.args;
    if (leaf.text !== undefined) base.text = leaf.text;
  } else {
    base.text = leaf.text;
    if (leaf.category !== undefined) base.category = leaf.category;
  }
  if (set.kind === "missing") return { ...base, value: 0, status: "fail", evidence: set.evidence, spans: [] };
  if (set.kind === "unjudged") return set.reason === undefined ? base : { ...base, status: "unjudged", value: null, unjudgedReason: set.reason };
  if (set.kind === "error") return { ...base, status: "error", error: set.error };
  const views = set.views;
  // The views' spans are fresh values nothing else holds: shared, not copied (a million on `each line` of 10 MB).
  const spans: { start: number; end: number }[] = [];
  for (const view of views) for (const span of view.spans) spans.push(span);
  base.spans = spans;
  return leaf.kind === "hard" ? hardOnViews(leaf, base, ctx, views) : softOnViews(leaf, base, ctx, views);
}

function hardOnViews(leaf: Extract<LeafNode, { kind: "hard" }>, base: ScoreNode, ctx: LeafContext, views: readonly View[]): ScoreNode {
  const type = findHardType(leaf.id);
  if (!type) return { ...base, status: "error", error: `unknown constraint ${leaf.id}` };
  // The arguments go through the schema once, not once per item; invalid ones fail as verifyInstruction does.
  const parsed = type.schema.safeParse(leaf.args);
  for (let i = 0; i < views.length; i++) {
    if (!parsed.success || !verifyParsed(type, views[i].text, parsed.data, ctx.mode)) {
      const evidence = views.length === 1 ? `checked on ${preview(views[i].text)}` : `fails on item ${i + 1} of ${views.length}: ${preview(views[i].text)}`;
      return { ...base, value: 0, status: "fail", evidence };
    }
  }
  return { ...base, value: 1, status: "pass" };
}

/** Judged with the span as the response and the whole response as context; every item must pass. */
async function softOnViews(leaf: Extract<LeafNode, { kind: "soft" }>, base: ScoreNode, ctx: LeafContext, views: readonly View[]): Promise<ScoreNode> {
  const judge = ctx.judge;
  if (!judge) return base;
  // All items at once: the judge's own limiter bounds the requests in flight.
  const verdicts = await Promise.all(views.map(async (view): Promise<SoftVerdict> => {
    const request: SoftJudgeRequest = { constraint: leaf.text, response: view.text, context: ctx.response };
    if (leaf.category) request.category = leaf.category;
    if (ctx.prompt !== undefined) request.prompt = ctx.prompt;
    try {
      return await judge.judge(request, ctx.signal);
    } catch (error) {
      return { status: "error", error: error instanceof Error ? error.message : String(error) };
    }
  }));
  const failedAt = verdicts.findIndex((v) => v.status === "fail");
  const errorAt = verdicts.findIndex((v) => v.status === "error");
  const out: ScoreNode = { ...base };
  if (verdicts.every((v) => v.cached === true)) out.cached = true;
  if (errorAt >= 0) return { ...out, status: "error", error: verdicts[errorAt].error ?? "judge failed" };
  if (views.length === 1) {
    const v = verdicts[0];
    if (v.probability !== undefined) out.probability = v.probability;
    if (v.evidence !== undefined) out.evidence = v.evidence;
  } else if (failedAt >= 0) {
    out.evidence = `fails on item ${failedAt + 1} of ${views.length}: ${verdicts[failedAt].evidence ?? preview(views[failedAt].text)}`;
  }
  return failedAt >= 0 ? { ...out, value: 0, status: "fail" } : { ...out, value: 1, status: "pass" };
}
