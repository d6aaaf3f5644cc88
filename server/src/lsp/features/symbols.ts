// The outline: headers, definitions and the instruction's structure as a tree.

import type { ConstraintNode, FileNode, ItemNode, Range } from "../../../../grammars/src/index.js";
import { findHardType } from "../../ifeval/registry.js";
import { scopeHeadsText } from "../../../../grammars/src/index.js";
export type SymbolKind = "prompt" | "gamma" | "define" | "parallel" | "sequential" | "step" | "conditional" | "branch" | "hard" | "soft" | "reference";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

const clip = (s: string, n = 50): string => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function documentSymbols(ast: FileNode, definedNames: ReadonlySet<string>): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const p of ast.prompts) out.push({ name: "prompt", detail: clip(p.text ?? ""), kind: "prompt", range: p.range, selectionRange: p.range, children: [] });
  for (const g of ast.gammas) out.push({ name: "gamma", detail: String(g.value), kind: "gamma", range: g.range, selectionRange: g.range, children: [] });
  for (const d of ast.defines) {
    if (d.name === undefined) continue;
    const value = d.value ? constraintSymbol(d.value, definedNames) : undefined;
    out.push({ name: d.name, detail: value ? value.name : "", kind: "define", range: d.range, selectionRange: d.nameRange ?? d.range, children: [] });
  }
  for (const item of ast.items) {
    const s = itemSymbol(item, definedNames);
    if (s) out.push(s);
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

function constraintSymbol(node: ConstraintNode, names: ReadonlySet<string>): OutlineSymbol {
  if (node.kind === "soft") {
    return { name: clip(node.text ?? "soft"), detail: `soft${node.category ? ` ${node.category}` : ""}`, kind: "soft", range: node.range, selectionRange: node.range, children: [] };
  }
  const isRef = !node.name.includes(":") && names.has(node.name);
  const detail = isRef ? "defined name" : findHardType(node.name)?.id ?? "unknown constraint";
  return { name: node.name, detail, kind: isRef ? "reference" : "hard", range: node.range, selectionRange: node.nameRange, children: [] };
}

function list(items: (ItemNode | undefined)[], names: ReadonlySet<string>): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const item of items) {
    const s = item && itemSymbol(item, names);
    if (s) out.push(s);
  }
  return out;
}

function itemSymbol(item: ItemNode, names: ReadonlySet<string>): OutlineSymbol | undefined {
  switch (item.kind) {
    case "call":
    case "soft":
      return constraintSymbol(item, names);
    case "and":
      return { name: "Parallel", detail: item.keywordRange ? "and" : "block", kind: "parallel", range: item.range, selectionRange: item.keywordRange ?? item.range, children: list(item.items, names) };
    case "sequence":
      return {
        name: "Sequential", detail: `${item.steps.length} steps`, kind: "sequential", range: item.range, selectionRange: item.steps[0]?.keywordRange ?? item.range,
        children: item.steps.map((step) => ({
          name: step.keyword, kind: "step" as const, range: step.range, selectionRange: step.keywordRange,
          children: step.body ? (step.body.kind === "and" ? list(step.body.items, names) : list([step.body], names)) : [],
        })),
      };
    case "if": {
      const children: OutlineSymbol[] = [];
      if (item.condition) children.push(branch("condition", item.condition.range, list([item.condition], names)));
      if (item.then) children.push(branch("then", item.then.range, list(item.then.items, names)));
      if (item.else) children.push(branch("else", item.else.range, item.else.kind === "and" ? list(item.else.items, names) : list([item.else], names)));
      return { name: "Conditional", detail: item.else ? "if / else" : "if", kind: "conditional", range: item.range, selectionRange: item.keywordRange, children };
    }
    case "orphan-else":
      return undefined;
    case "scope":
      return {
        name: scopeHeadsText(item.heads), detail: "scope", kind: "branch", range: item.range, selectionRange: item.heads[0]?.range ?? item.range,
        children: item.body?.kind === "and" ? list(item.body.items, names) : list([item.body], names),
      };
  }
}

function branch(name: string, range: Range, children: OutlineSymbol[]): OutlineSymbol {
  return { name, kind: "branch", range, selectionRange: range, children };
}
