// The logic tree of a node as a box-drawing text tree, with each leaf's share of
// the whole instruction's score and what failed earlier steps do to later ones.

import type { Instruction, LeafNode, LogicNode } from "../../analysis/logic.js";
import { scopesSource } from "../../scopes/describe.js";

/** Every node's share of the final score as 1/denominator (Parallel and Sequential split evenly; a branch keeps its If's share). */
const sharesCache = new WeakMap<Instruction, Map<LogicNode, number>>();

export function shareDenominators(instruction: Instruction): Map<LogicNode, number> {
  const cached = sharesCache.get(instruction);
  if (cached) return cached;
  const shares = new Map<LogicNode, number>();
  sharesCache.set(instruction, shares);
  const visit = (node: LogicNode, den: number): void => {
    shares.set(node, den);
    if (node.kind === "parallel") node.children.forEach((c) => visit(c, den * node.children.length));
    else if (node.kind === "sequential") node.steps.forEach((c) => visit(c, den * node.steps.length));
    else if (node.kind === "conditional") {
      visit(node.condition, 0);
      visit(node.then, den);
      if (node.else) visit(node.else, den);
    }
  };
  visit(instruction.root, 1);
  return shares;
}

export function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

function shareText(den: number | undefined): string {
  if (den === undefined) return "";
  if (den === 0) return "condition, not scored";
  return den === 1 ? "whole score" : `1/${den}`;
}

/** Step `index` (0-based) of a sequence: the most it can count for after earlier failures. */
export function stepPenaltyNote(index: number, gamma: number): string | undefined {
  if (index === 0) return undefined;
  if (index === 1) return `counts at most ${formatNumber(gamma)} if step 1 fails`;
  return `counts at most ${formatNumber(gamma)} if one of steps 1–${index} fails, ${formatNumber(gamma ** index)} if all fail`;
}

const MAX_TEXT = 60;
function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

function argsText(args: Record<string, unknown>): string {
  const parts = Object.entries(args).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return parts.length ? `(${parts.join(", ")})` : "";
}

export function leafLabel(leaf: LeafNode): string {
  const ref = leaf.ref ? `${leaf.ref} = ` : "";
  if (leaf.kind === "hard") return `${ref}[hard] ${leaf.id}${argsText(leaf.args)}`;
  return `${ref}[soft${leaf.category ? ` ${leaf.category}` : ""}] "${clip(leaf.text)}"`;
}

/** A node's label, with its response scopes in front: `[in paragraph 1] Parallel ...`. */
function nodeLabel(node: LogicNode): string {
  const label = unscopedLabel(node);
  return node.scopes && node.scopes.length > 0 ? `[${scopesSource(node.scopes)}] ${label}` : label;
}

function unscopedLabel(node: LogicNode): string {
  switch (node.kind) {
    case "parallel": return "Parallel (mean of applicable items)";
    case "sequential": return "Sequential (later steps penalised by earlier failures)";
    case "conditional": return node.else ? "Conditional (if / else)" : "Conditional (if, not applicable when the condition fails)";
    default: return leafLabel(node);
  }
}

interface Child { node: LogicNode; prefix: string; note?: string }

function childrenOf(node: LogicNode, gamma: number): Child[] {
  switch (node.kind) {
    case "parallel": return node.children.map((c) => ({ node: c, prefix: "" }));
    case "sequential": return node.steps.map((c, i) => ({ node: c, prefix: `step ${i + 1}: `, note: stepPenaltyNote(i, gamma) }));
    case "conditional": return [
      { node: node.condition, prefix: "if: " },
      { node: node.then, prefix: "then: " },
      ...(node.else ? [{ node: node.else, prefix: "else: " }] : []),
    ];
    default: return [];
  }
}

const MAX_LINES = 200;

/** The tree under `node` as plain text lines (for a code block). */
export function logicTreeLines(node: LogicNode, instruction: Instruction, shares = shareDenominators(instruction)): string[] {
  const lines: string[] = [];
  const describe = (n: LogicNode, prefix: string, note?: string): string => {
    const share = n.kind === "hard" || n.kind === "soft" ? shareText(shares.get(n)) : "";
    const extras = [share, note].filter(Boolean).join("; ");
    return `${prefix}${nodeLabel(n)}${extras ? `  — ${extras}` : ""}`;
  };
  const visit = (n: LogicNode, indent: string): void => {
    const kids = childrenOf(n, instruction.gamma);
    kids.forEach((child, i) => {
      if (lines.length >= MAX_LINES) return;
      const last = i === kids.length - 1;
      lines.push(`${indent}${last ? "└─ " : "├─ "}${describe(child.node, child.prefix, child.note)}`);
      visit(child.node, indent + (last ? "   " : "│  "));
    });
  };
  lines.push(describe(node, ""));
  visit(node, "");
  if (lines.length >= MAX_LINES) lines.push("…");
  return lines;
}

export function logicTreeMarkdown(node: LogicNode, instruction: Instruction, title: string): string {
  return [`**${title}**`, "", "```text", ...logicTreeLines(node, instruction), "```", "", `gamma = ${formatNumber(instruction.gamma)}`].join("\n");
}
