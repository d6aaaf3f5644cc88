// The logic tree: what an instruction means, after names and aliases are resolved
// and arguments validated. Scoring, rendering, export and hovers all work on this
// tree, never on syntax, so an instruction imported from JSON behaves exactly like
// one written in .lsr.

import type { Range } from "../../../grammars/src/index.js";
import type { HardTypeId } from "../ifeval/registry.js";

export type SoftCategory = string;

export interface HardLeaf {
  kind: "hard";
  /** Canonical instruction id, e.g. `punctuation:no_comma`: only registered ids compile. */
  id: HardTypeId;
  /** Validated keyword arguments with IFEval's names (`num_words`, `relation`, ...). */
  args: Record<string, unknown>;
  /** The `define` name this leaf came from, if it was written as a reference. */
  ref?: string;
  /** Natural-language text when imported from JSON (`constraint` field); used by export. */
  text?: string;
  range?: Range;
  /** Which text of the response this node is checked on, outermost first; absent: the whole response (or the enclosing scope's text). */
  scopes?: readonly Scope[];
}

export interface SoftLeaf {
  kind: "soft";
  text: string;
  category?: SoftCategory;
  ref?: string;
  range?: Range;
  /** Which text of the response this node is checked on, outermost first; absent: the whole response (or the enclosing scope's text). */
  scopes?: readonly Scope[];
}

export interface ParallelNode {
  kind: "parallel";
  children: LogicNode[];
  range?: Range;
  /** Which text of the response this node is checked on, outermost first; absent: the whole response (or the enclosing scope's text). */
  scopes?: readonly Scope[];
}

export interface SequentialNode {
  kind: "sequential";
  steps: LogicNode[];
  range?: Range;
  /** Which text of the response this node is checked on, outermost first; absent: the whole response (or the enclosing scope's text). */
  scopes?: readonly Scope[];
}

export interface ConditionalNode {
  kind: "conditional";
  condition: LogicNode;
  then: LogicNode;
  /** Absent: when the condition fails the node is not applicable. */
  else?: LogicNode;
  range?: Range;
  /** Which text of the response this node is checked on, outermost first; absent: the whole response (or the enclosing scope's text). */
  scopes?: readonly Scope[];
}

/**
 * What a scope selects. Positions are 1-based; negative ones count from the end
 * (-1 is the last); `from..to` is inclusive. See docs/language.md, "Scopes".
 */
export type Selector =
  | { readonly kind: "paragraphs" | "lines"; readonly from: number; readonly to: number }
  | { readonly kind: "items"; readonly list: ListKind; readonly from: number; readonly to: number }
  | { readonly kind: "lines-matching"; readonly pattern: string }
  | { readonly kind: "section"; readonly name: string }
  | { readonly kind: "before" | "after"; readonly marker: string }
  | { readonly kind: "between"; readonly start: string; readonly end: string }
  | { readonly kind: "extract"; readonly description: string };

/** Which list items: bullets (`*`, `-`), numbered (`1.`, `2)`), or both. */
export type ListKind = "bullet" | "numbered" | "any";

/** `in SELECTOR` checks on the selected text; `each SELECTOR` on every item, all of which must pass. */
export interface Scope {
  readonly quantifier: "in" | "each";
  readonly selector: Selector;
  readonly range?: Range;
}

export type LeafNode = HardLeaf | SoftLeaf;
export type LogicNode = LeafNode | ParallelNode | SequentialNode | ConditionalNode;

export interface Instruction {
  prompt?: string;
  /** Penalty base for sequences, in [0, 1]. */
  gamma: number;
  /** Top-level items, combined as Parallel. */
  root: ParallelNode;
}

export const DEFAULT_GAMMA = 0.5;
