// What incremental re-analysis keeps between versions of one file: each top-level
// entry (header or item) with its resolved logic node, its own diagnostics and its
// references to defined names. A state, like the analysis it belongs to, is a value:
// the next version's state shares the entries an edit left in place and holds moved
// copies of the later ones (incremental-shift.ts).

import type { DefineNode, FileNode, ItemNode, PromptNode, GammaNode } from "../../../grammars/src/index.js";
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
  /**
   * Items only, computed on first use: the item's part of the root scope's checks.
   * A memo: its `branches` are re-validated before every reuse (incremental-scopes.ts).
   */
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

export function itemEntry(item: ItemNode, names: Map<string, NameInfo>, maxDepth: number): Entry {
  const { node, diagnostics, references } = resolveTopItem(item, names, { maxDepth });
  return { node: item, range: item.range, isItem: true, continues: continues(item), logic: node, diagnostics, references };
}

/** Builds the state of a file without syntax errors from its AST (about the cost of resolving it). */
export function buildState(ast: FileNode, maxDepth: number): IncrementalState {
  const headers = analyzeHeaders(ast);
  const defines = resolveDefines(ast.defines, { maxDepth });
  const entries: Entry[] = [];
  for (const node of [...ast.prompts, ...ast.gammas, ...ast.defines]) {
    entries.push({ node, range: node.range, isItem: false, continues: false, logic: undefined, diagnostics: [], references: [] });
  }
  for (const item of ast.items) entries.push(itemEntry(item, defines.names, maxDepth));
  entries.sort((a, b) => a.range.start - b.range.start);
  return { maxDepth, entries, names: defines.names, headerDiagnostics: [...headers.diagnostics, ...defines.diagnostics], gamma: headers.gamma };
}
