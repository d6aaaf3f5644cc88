// Logic tree -> LsrInstruct JSON (a plain object; write it with JSON.stringify(x, null, 2)).
//
// One-child Parallel nodes are written as their child: the score is the same (the mean
// of one value), and .lsr wraps every branch and braced step in a Parallel, so this
// keeps JSON -> .lsr -> JSON round trips stable. Each top-level item becomes one
// composite_constraint; a top-level leaf is wrapped in a one-child And (same score),
// which import unwraps again.

import { DEFAULT_GAMMA, type Instruction, type LeafNode, type LogicNode } from "../analysis/logic.js";
import { findHardType } from "../ifeval/registry.js";
import type { AtomicConstraint, CompositeConstraint, LsrInstructJson, SubConstraint } from "./lsrinstruct-schema.js";

export function exportLsrInstructJson(instruction: Instruction): LsrInstructJson {
  const composites = instruction.root.children.map((child) => {
    const node = unwrapSingleParallel(child);
    const composite: CompositeConstraint = isLeaf(node)
      ? { type: "And", sub_constraints: { c1: exportLeaf(node) } }
      : exportComposite(node);
    return { composite_constraint: composite };
  });
  // Built in this key order so the written file reads prompt, gamma, constraints.
  const out: LsrInstructJson = {
    ...(instruction.prompt !== undefined ? { prompt: instruction.prompt } : {}),
    ...(instruction.gamma !== DEFAULT_GAMMA ? { gamma: instruction.gamma } : {}),
    composite_constraints: composites,
  };
  return out;
}

/** The natural-language text of a hard leaf: its own wording, else the registry's. */
export function hardLeafText(leaf: Extract<LeafNode, { kind: "hard" }>): string {
  if (leaf.text !== undefined) return leaf.text;
  return findHardType(leaf.id)?.render(leaf.args) ?? leaf.id;
}

function isLeaf(node: LogicNode): node is LeafNode {
  return node.kind === "hard" || node.kind === "soft";
}

function unwrapSingleParallel(node: LogicNode): LogicNode {
  let current = node;
  while (current.kind === "parallel" && current.children.length === 1) current = current.children[0];
  return current;
}

function exportNode(node: LogicNode): SubConstraint {
  const unwrapped = unwrapSingleParallel(node);
  return isLeaf(unwrapped) ? exportLeaf(unwrapped) : exportComposite(unwrapped);
}

function numbered(nodes: LogicNode[]): Record<string, SubConstraint> {
  return Object.fromEntries(nodes.map((n, i) => [`c${i + 1}`, exportNode(n)]));
}

function exportComposite(node: Exclude<LogicNode, LeafNode>): CompositeConstraint {
  switch (node.kind) {
    case "parallel":
      return { type: "And", sub_constraints: numbered(node.children) };
    case "sequential":
      return { type: "Chain", sub_constraints: numbered(node.steps) };
    case "conditional":
      return { type: "Selection", sub_constraints: numbered(node.else ? [node.condition, node.then, node.else] : [node.condition, node.then]) };
  }
}

function exportLeaf(leaf: LeafNode): AtomicConstraint {
  if (leaf.kind === "soft") {
    const atom: AtomicConstraint = { constraint: leaf.text };
    if (leaf.category !== undefined) atom.category = leaf.category;
    return atom;
  }
  return { constraint: hardLeafText(leaf), instruction_id: leaf.id, kwargs: { ...leaf.args } };
}
