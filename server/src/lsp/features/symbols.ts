// The outline: headers, definitions and the instruction's structure as a tree, built
// breadth-first under a limit on the number of symbols (`lsrif.maxItemsComputed`).

import type { FileNode, ItemNode, Range } from "../../../../grammars/src/index.js";
import { findHardType } from "../../ifeval/registry.js";
import { scopeHeadsText } from "../../../../grammars/src/index.js";
import { topLevelNodes, type SyntaxNode } from "./syntax-path.js";
export type SymbolKind = "prompt" | "gamma" | "define" | "parallel" | "sequential" | "step" | "conditional" | "branch" | "hard" | "soft" | "reference";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** An outline cut to a number of symbols. */
export interface CappedOutline {
  symbols: OutlineSymbol[];
  /** Symbols in `symbols`, at every level. */
  kept: number;
  /** True when at least one symbol was left out. */
  cut: boolean;
}

const clip = (s: string, n = 50): string => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** A Conditional's condition, then and else: a symbol of their own, not a syntax node. */
interface Branch { readonly kind: "branch"; readonly name: string; readonly range: Range; readonly items: readonly (ItemNode | undefined)[] }

/** What a symbol is made from. */
type Source = SyntaxNode | Branch;

/** Children as the syntax tree holds them: a missing part (recovery) is undefined and has no symbol. */
type Sources = readonly (Source | undefined)[];

const NO_SOURCES: Sources = [];

/** The whole outline (tests, the bench's before figure). */
export function documentSymbols(ast: FileNode, definedNames: ReadonlySet<string>): OutlineSymbol[] {
  return cappedDocumentSymbols(ast, definedNames, Infinity).symbols;
}

/**
 * At most `limit` symbols, breadth-first: all top-level entries (in source order) before any
 * child, then all children before any grandchild, and so on. Why breadth-first, as VS Code's
 * JSON language service does: the outline, breadcrumbs and sticky scroll need the top-level
 * structure of the whole document more than the inside of its first blocks, and cutting
 * level by level keeps the tree shape valid (a kept symbol's parent is kept) and each
 * children list in source order, only shorter. The work is bounded by the limit: symbols
 * are made only when kept, and the queue holds kept symbols only (a skipped orphan `else`
 * costs a look, not a symbol).
 */
export function cappedDocumentSymbols(ast: FileNode, definedNames: ReadonlySet<string>, limit: number): CappedOutline {
  const symbols: OutlineSymbol[] = [];
  const queue: { symbol: OutlineSymbol; source: Source }[] = [];
  let kept = 0;
  let cut = false;
  /** Makes the shown sources of `sources` into symbols of `into` while the limit allows; false once it is reached. */
  const take = (sources: Sources, into: OutlineSymbol[]): boolean => {
    for (const source of sources) {
      if (!source || !isShown(source)) continue;
      if (kept >= limit) {
        cut = true;
        return false;
      }
      const symbol = symbolOf(source, definedNames);
      into.push(symbol);
      kept++;
      queue.push({ symbol, source });
    }
    return true;
  };
  if (take(topLevelNodes(ast), symbols)) {
    for (let head = 0; head < queue.length; head++) {
      const { symbol, source } = queue[head];
      if (!take(childSources(source), symbol.children)) break;
    }
  }
  return { symbols, kept, cut };
}

/** Every symbol of the full outline, counted without making them (for the message when the outline is cut). */
export function countDocumentSymbols(ast: FileNode): number {
  let count = 0;
  const stack: Source[] = [];
  const push = (sources: Sources): void => {
    for (const source of sources) if (source && isShown(source)) stack.push(source);
  };
  push(topLevelNodes(ast));
  while (stack.length > 0) {
    count++;
    push(childSources(stack.pop()!));
  }
  return count;
}

/** Orphan `else`s (reported, not structure) and nameless definitions have no symbol. */
function isShown(source: Source): boolean {
  return source.kind === "define" ? source.name !== undefined : source.kind !== "orphan-else";
}

/** A block's items, or the one item of a step, branch or scope that is not a block. */
const itemsOf = (body: ItemNode | undefined): readonly (ItemNode | undefined)[] => (body?.kind === "and" ? body.items : [body]);

/** Never a copy of a list of children (filtering a block of a million items to keep ten was the unbounded part). */
function childSources(source: Source): Sources {
  switch (source.kind) {
    case "and":
      return source.items;
    case "sequence":
      return source.steps;
    case "step":
      return source.body ? itemsOf(source.body) : NO_SOURCES;
    case "if": {
      const branches: Branch[] = [];
      if (source.condition) branches.push({ kind: "branch", name: "condition", range: source.condition.range, items: [source.condition] });
      if (source.then) branches.push({ kind: "branch", name: "then", range: source.then.range, items: source.then.items });
      if (source.else) branches.push({ kind: "branch", name: "else", range: source.else.range, items: itemsOf(source.else) });
      return branches;
    }
    case "scope":
      return itemsOf(source.body);
    case "branch":
      return source.items;
    default:
      return NO_SOURCES;
  }
}

/** The symbol of a shown source, without its children. */
function symbolOf(source: Source, names: ReadonlySet<string>): OutlineSymbol {
  switch (source.kind) {
    case "prompt":
      return { name: "prompt", detail: clip(source.text ?? ""), kind: "prompt", range: source.range, selectionRange: source.range, children: [] };
    case "gamma":
      return { name: "gamma", detail: String(source.value), kind: "gamma", range: source.range, selectionRange: source.range, children: [] };
    case "define": {
      const value = source.value ? symbolOf(source.value, names) : undefined;
      return { name: source.name ?? "", detail: value ? value.name : "", kind: "define", range: source.range, selectionRange: source.nameRange ?? source.range, children: [] };
    }
    case "soft":
      return { name: clip(source.text ?? "soft"), detail: `soft${source.category ? ` ${source.category}` : ""}`, kind: "soft", range: source.range, selectionRange: source.range, children: [] };
    case "call": {
      const isRef = !source.name.includes(":") && names.has(source.name);
      const detail = isRef ? "defined name" : findHardType(source.name)?.id ?? "unknown constraint";
      return { name: source.name, detail, kind: isRef ? "reference" : "hard", range: source.range, selectionRange: source.nameRange, children: [] };
    }
    case "and":
      return { name: "Parallel", detail: source.keywordRange ? "and" : "block", kind: "parallel", range: source.range, selectionRange: source.keywordRange ?? source.range, children: [] };
    case "sequence":
      return { name: "Sequential", detail: `${source.steps.length} steps`, kind: "sequential", range: source.range, selectionRange: source.steps[0]?.keywordRange ?? source.range, children: [] };
    case "step":
      return { name: source.keyword, kind: "step", range: source.range, selectionRange: source.keywordRange, children: [] };
    case "if":
      return { name: "Conditional", detail: source.else ? "if / else" : "if", kind: "conditional", range: source.range, selectionRange: source.keywordRange, children: [] };
    case "scope":
      return { name: scopeHeadsText(source.heads), detail: "scope", kind: "branch", range: source.range, selectionRange: source.heads[0]?.range ?? source.range, children: [] };
    case "branch":
      return { name: source.name, kind: "branch", range: source.range, selectionRange: source.range, children: [] };
    case "orphan-else":
      // Not shown (isShown); kept total so the switch needs no default.
      return { name: "else", kind: "branch", range: source.range, selectionRange: source.keywordRange, children: [] };
  }
}
