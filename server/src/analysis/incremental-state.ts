// What incremental re-analysis keeps between versions of one file: each top-level
// entry (header or item) with its resolved logic node, its own diagnostics, its
// references to defined names, and every distinct range object reachable from
// them, so moving the entry is a loop over numbers with no allocation.

import type { DefineNode, FileNode, ItemNode, PromptNode, GammaNode, Range } from "../../../grammars/src/ast.js";
import { analyzeHeaders } from "./analyze.js";
import type { Diagnostic } from "./diagnostic.js";
import type { ItemScope } from "./incremental-scopes.js";
import { continues, type EntryShape } from "./incremental-window.js";
import type { LogicNode } from "./logic.js";
import { resolveDefines, resolveTopItem, type ItemReference, type NameInfo } from "./resolve.js";

export interface Entry extends EntryShape {
  node: ItemNode | DefineNode | PromptNode | GammaNode;
  /** Items only: the resolved node (undefined when left out of the tree). */
  logic: LogicNode | undefined;
  diagnostics: Diagnostic[];
  references: ItemReference[];
  /** Every distinct range object of the entry, its logic node and its diagnostics. */
  ranges: Range[];
  /** Items only, computed on first use: the item's part of the root scope's checks. */
  scope?: ItemScope;
}

export interface IncrementalState {
  maxDepth: number;
  entries: Entry[];
  names: Map<string, NameInfo>;
  /** Prompt, gamma and define diagnostics, in the order full analysis reports them. */
  headerDiagnostics: Diagnostic[];
  gamma: number;
}

function isRange(value: object): value is Range {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Range).start === "number" && typeof (value as Range).end === "number";
}

/** Adds every range object reachable from `value` that is not in `seen` yet to `out`. */
export function collectRanges(value: unknown, seen: Set<object>, out: Range[]): void {
  if (value === null || typeof value !== "object") return;
  if (seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) collectRanges(v, seen, out);
    return;
  }
  if (isRange(value)) {
    out.push(value);
    return;
  }
  const hardLeaf = (value as { kind?: unknown }).kind === "hard";
  for (const key in value) {
    if (hardLeaf && key === "args") continue; // validated arguments: shared, never hold ranges
    collectRanges((value as Record<string, unknown>)[key], seen, out);
  }
}

export function itemEntry(item: ItemNode, names: Map<string, NameInfo>, maxDepth: number, seen: Set<object>): Entry {
  const { node, diagnostics, references } = resolveTopItem(item, names, { maxDepth });
  const ranges: Range[] = [];
  collectRanges(item, seen, ranges);
  collectRanges(node, seen, ranges);
  collectRanges(diagnostics, seen, ranges);
  return { node: item, range: item.range, isItem: true, continues: continues(item), logic: node, diagnostics, references, ranges };
}

/** Builds the state of a file without syntax errors from its AST (about the cost of resolving it). */
export function buildState(ast: FileNode, maxDepth: number): IncrementalState {
  const headers = analyzeHeaders(ast);
  const defines = resolveDefines(ast.defines, { maxDepth });
  const seen = new Set<object>();
  const entries: Entry[] = [];
  const headerNodes = [...ast.prompts, ...ast.gammas, ...ast.defines];
  for (const node of headerNodes) {
    const ranges: Range[] = [];
    collectRanges(node, seen, ranges);
    if (node.kind === "define" && node.name !== undefined) {
      const info = defines.names.get(node.name);
      if (info?.define === node) collectRanges(info.leaf, seen, ranges);
    }
    entries.push({ node, range: node.range, isItem: false, continues: false, logic: undefined, diagnostics: [], references: [], ranges });
  }
  for (const item of ast.items) entries.push(itemEntry(item, defines.names, maxDepth, seen));
  entries.sort((a, b) => a.range.start - b.range.start);
  const headerDiagnostics = [...headers.diagnostics, ...defines.diagnostics];
  // Header diagnostics point at header ranges; any range of their own moves with the entry it lies in.
  const extra: Range[] = [];
  collectRanges(headerDiagnostics, seen, extra);
  for (const range of extra) {
    const owner = entries.find((e) => e.range.start <= range.start && range.start < e.range.end) ?? entries[0];
    if (!owner) return undefinedState();
    owner.ranges.push(range);
  }
  return { maxDepth, entries, names: defines.names, headerDiagnostics, gamma: headers.gamma };
}

function undefinedState(): never {
  throw new Error("a header diagnostic outside every entry");
}
