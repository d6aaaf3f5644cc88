// Inlay hints after each sequence step: its share of the score ("share 1/4") and,
// after a score of this version, its r and r' ("r 1 · r' 0.5"). Pure: offsets in,
// offsets out; the protocol layer converts.

import type { Instruction, LogicNode } from "../../analysis/logic.js";
import type { ScoreNode, ScoreResult } from "../../scoring/result.js";
import { formatNumber, shareDenominators } from "./logic-tree-markdown.js";

export interface InlayHintAt {
  offset: number;
  label: string;
}

/** Score nodes by their source range, for the steps. */
function scoredByRange(result: ScoreResult | undefined): Map<string, ScoreNode> {
  const out = new Map<string, ScoreNode>();
  if (!result) return out;
  const stack = [result.tree];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.range && n.role === "step") out.set(`${n.range.start}:${n.range.end}`, n);
    for (const child of n.children) stack.push(child);
  }
  return out;
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? "–" : formatNumber(v));

/** Hints for the steps whose end lies in [start, end). */
export function inlayHints(instruction: Instruction, lastScore: ScoreResult | undefined, start: number, end: number): InlayHintAt[] {
  const shares = shareDenominators(instruction);
  const scored = scoredByRange(lastScore);
  const out: InlayHintAt[] = [];
  const stack: LogicNode[] = [instruction.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "sequential") {
      for (const step of node.steps) {
        if (!step.range || step.range.end < start || step.range.end >= end) continue;
        const den = shares.get(step);
        const parts = den ? [`share 1/${den}`] : [];
        const s = scored.get(`${step.range.start}:${step.range.end}`);
        if (s) parts.push(`r ${fmt(s.value)}${s.adjusted !== undefined ? ` · r' ${fmt(s.adjusted)}` : ""}`);
        if (parts.length) out.push({ offset: step.range.end, label: ` ${parts.join(" · ")}` });
      }
      for (const step of node.steps) stack.push(step);
    } else if (node.kind === "parallel") {
      for (const child of node.children) stack.push(child);
    } else if (node.kind === "conditional") {
      stack.push(node.condition, node.then);
      if (node.else) stack.push(node.else);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
