// Finding what is under the cursor: the chain of syntax nodes around an offset,
// and the logic-tree node that a syntax node became.

import type {
  DefineNode, FileNode, GammaNode, ItemNode, PromptNode, Range, StepNode,
} from "../../../../grammars/src/index.js";
import { partitionPoint } from "../../../../grammars/src/index.js";
import type { Instruction, LogicNode } from "../../analysis/logic.js";

export type SyntaxNode = ItemNode | DefineNode | PromptNode | GammaNode | StepNode;

/** A cursor at the end of a token still counts as on it (VS Code sends the position after the word). */
export function touches(range: Range | undefined, offset: number): range is Range {
  return range !== undefined && range.start <= offset && offset <= range.end;
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  if (node.kind === "step") return node.body ? [node.body] : [];
  switch ((node as Exclude<SyntaxNode, StepNode>).kind) {
    case "and":
      return (node as Extract<ItemNode, { kind: "and" }>).items;
    case "sequence":
      return (node as Extract<ItemNode, { kind: "sequence" }>).steps;
    case "if": {
      const n = node as Extract<ItemNode, { kind: "if" }>;
      return [n.condition, n.then, n.else].filter((c): c is ItemNode => c !== undefined);
    }
    case "orphan-else": {
      const body = (node as Extract<ItemNode, { kind: "orphan-else" }>).body;
      return body ? [body] : [];
    }
    case "define": {
      const value = (node as DefineNode).value;
      return value ? [value] : [];
    }
    case "scope": {
      const body = (node as Extract<ItemNode, { kind: "scope" }>).body;
      return body ? [body] : [];
    }
    default:
      return [];
  }
}

export function isStep(node: SyntaxNode): node is StepNode {
  return node.kind === "step";
}

// Keyed by the tree object: sound because a syntax tree is a value. Re-analysis after an
// edit returns a new FileNode (incremental.ts) and never writes to an old one.
const topLevelCache = new WeakMap<FileNode, SyntaxNode[]>();

/** Headers, defines and items in source order (cached per tree; do not mutate). */
export function topLevelNodes(ast: FileNode): SyntaxNode[] {
  let all = topLevelCache.get(ast);
  if (!all) {
    all = [...ast.prompts, ...ast.gammas, ...ast.defines, ...ast.items].sort((a, b) => a.range.start - b.range.start);
    topLevelCache.set(ast, all);
  }
  return all;
}

/** Index of the last top-level node that starts at or before `offset` (binary search), or -1. */
export function topLevelIndexBefore(ast: FileNode, offset: number): number {
  const all = topLevelNodes(ast);
  return partitionPoint(all.length, (i) => all[i].range.start > offset) - 1;
}

/** Outermost first; empty when the offset is between top-level nodes. */
export function pathAt(ast: FileNode, offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  const index = topLevelIndexBefore(ast, offset);
  // A cursor at the end of one node and the start of the next touches both; the earlier wins.
  let level = topLevelNodes(ast).slice(Math.max(0, index - 1), index + 1);
  for (let guard = 0; guard < 10_000; guard++) {
    const hit = level.find((n) => touches(n.range, offset));
    if (!hit) break;
    path.push(hit);
    level = childrenOf(hit);
  }
  return path;
}

/** Visits every syntax node, parents before children. */
export function walkSyntax(ast: FileNode, visit: (node: SyntaxNode) => void): void {
  const stack = [...topLevelNodes(ast)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

const key = (r: Range): string => `${r.start}:${r.end}`;

const byRangeCache = new WeakMap<Instruction, Map<string, LogicNode>>();

/** Logic nodes by their source range; the outermost node wins when two share a range. Cached per instruction. */
export function logicNodesByRange(instruction: Instruction): Map<string, LogicNode> {
  const cached = byRangeCache.get(instruction);
  if (cached) return cached;
  const map = new Map<string, LogicNode>();
  byRangeCache.set(instruction, map);
  const stack: LogicNode[] = [instruction.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.range && !map.has(key(node.range))) map.set(key(node.range), node);
    // Appended in loops: a Selection imported from JSON can have 130k children, past what a spread passes.
    if (node.kind === "parallel") for (const child of node.children) stack.push(child);
    else if (node.kind === "sequential") for (const step of node.steps) stack.push(step);
    else if (node.kind === "conditional") {
      stack.push(node.condition, node.then);
      if (node.else) stack.push(node.else);
    }
  }
  return map;
}

export function logicNodeFor(byRange: Map<string, LogicNode>, range: Range): LogicNode | undefined {
  return byRange.get(key(range));
}
