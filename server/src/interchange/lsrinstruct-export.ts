// Logic tree -> LsrInstruct JSON (a plain object; write it with JSON.stringify(x, null, 2)).
//
// One-child Parallel nodes are written as their child: the score is the same (the mean
// of one value), and .lsr wraps every branch and braced step in a Parallel, so this
// keeps JSON -> .lsr -> JSON round trips stable. Each top-level item becomes one
// composite_constraint; a top-level leaf is wrapped in a one-child And (same score),
// which import unwraps again. Scopes are written as the "scope" field (scope-json.ts).

import { DEFAULT_GAMMA, type Instruction, type LeafNode, type LogicNode } from "../analysis/logic.js";
import { findHardType } from "../ifeval/registry.js";
import type { AtomicConstraint, CompositeConstraint, LsrInstructJson, SubConstraint } from "./lsrinstruct-schema.js";
import { exportScopes } from "./scope-json.js";

export interface ExportOptions {
  /** The paper's format exactly: scopes are left out, each scoped node reported to `onDroppedScope`. */
  paper?: boolean;
  onDroppedScope?: (node: LogicNode) => void;
}

export function exportLsrInstructJson(instruction: Instruction, options: ExportOptions = {}): LsrInstructJson {
  const exporter = new Exporter(options);
  const composites = instruction.root.children.map((child) => {
    const node = unwrapSingleParallel(child);
    const composite: CompositeConstraint = isLeaf(node)
      ? { type: "And", sub_constraints: { c1: exporter.leaf(node) } }
      : exporter.composite(node);
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

/** A one-child Parallel is its child; its scopes go in front of the child's (the same texts either way). */
function unwrapSingleParallel(node: LogicNode): LogicNode {
  let current = node;
  while (current.kind === "parallel" && current.children.length === 1) {
    const child = current.children[0];
    current = current.scopes?.length ? { ...child, scopes: [...current.scopes, ...(child.scopes ?? [])] } : child;
  }
  return current;
}

class Exporter {
  constructor(private readonly options: ExportOptions) {}

  private scoped<T extends SubConstraint>(sub: T, node: LogicNode): T {
    if (!node.scopes || node.scopes.length === 0) return sub;
    if (this.options.paper) {
      this.options.onDroppedScope?.(node);
      return sub;
    }
    return { ...sub, scope: exportScopes(node.scopes) };
  }

  private node(node: LogicNode): SubConstraint {
    const unwrapped = unwrapSingleParallel(node);
    return isLeaf(unwrapped) ? this.leaf(unwrapped) : this.composite(unwrapped);
  }

  private numbered(nodes: LogicNode[]): Record<string, SubConstraint> {
    return Object.fromEntries(nodes.map((n, i) => [`c${i + 1}`, this.node(n)]));
  }

  composite(node: Exclude<LogicNode, LeafNode>): CompositeConstraint {
    switch (node.kind) {
      case "parallel":
        return this.scoped({ type: "And", sub_constraints: this.numbered(node.children) }, node);
      case "sequential":
        return this.scoped({ type: "Chain", sub_constraints: this.numbered(node.steps) }, node);
      case "conditional":
        return this.scoped({ type: "Selection", sub_constraints: this.numbered(node.else ? [node.condition, node.then, node.else] : [node.condition, node.then]) }, node);
    }
  }

  leaf(leaf: LeafNode): AtomicConstraint {
    if (leaf.kind === "soft") {
      const atom: AtomicConstraint = { constraint: leaf.text };
      if (leaf.category !== undefined) atom.category = leaf.category;
      return this.scoped(atom, leaf);
    }
    return this.scoped({ constraint: hardLeafText(leaf), instruction_id: leaf.id, kwargs: { ...leaf.args } }, leaf);
  }
}
