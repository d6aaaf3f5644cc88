// The checks of `checkScopes` on the root scope, from per-item parts kept between
// versions: each item's root-scope leaves with their keys, and the diagnostics of
// its conditionals' branches with the questions those asked of the root scope's
// constraints. A branch result is reused only when every such question still gets
// the same answer; everything else is recomputed, as cheap loops over cached keys.

import type { Diagnostic } from "./diagnostic.js";
import { ContradictionIndex } from "./contradictions.js";
import type { ConditionalNode, HardLeaf, LeafNode, LogicNode } from "./logic.js";
import { checkConditional, collect, contradictionDiagnostic, duplicateDiagnostic, leafKey } from "./scope-checks.js";

interface Query {
  leaf: HardLeaf;
  other: HardLeaf | undefined;
  why: string | undefined;
}

export interface ItemScope {
  leaves: LeafNode[];
  keys: string[];
  conditionals: ConditionalNode[];
  branches: { diagnostics: Diagnostic[]; queries: Query[] } | undefined;
}

export function itemScope(node: LogicNode | undefined): ItemScope {
  const leaves: LeafNode[] = [];
  const conditionals: ConditionalNode[] = [];
  if (node) collect(node, leaves, conditionals);
  return { leaves, keys: leaves.map(leafKey), conditionals, branches: undefined };
}

/** The scope of a moved copy of an item: the same keys (they do not depend on ranges), the copy's nodes. */
export function movedScope(scope: ItemScope | undefined, node: LogicNode | undefined): ItemScope | undefined {
  if (scope === undefined) return undefined;
  const leaves: LeafNode[] = [];
  const conditionals: ConditionalNode[] = [];
  if (node) collect(node, leaves, conditionals);
  return { leaves, keys: scope.keys, conditionals, branches: undefined };
}

/** The root scope's index; records what branches ask of it while `queries` is set. */
class RecordingIndex extends ContradictionIndex {
  queries: Query[] | undefined;

  override find(leaf: HardLeaf): { other: HardLeaf; why: string } | undefined {
    const found = super.find(leaf);
    this.queries?.push({ leaf, other: found?.other, why: found?.why });
    return found;
  }
}

function stillAnswered(index: RecordingIndex, queries: Query[]): boolean {
  for (const q of queries) {
    const found = index.find(q.leaf);
    if (found?.other !== q.other || found?.why !== q.why) return false;
  }
  return true;
}

/** What `checkScopes(root)` reports, for a root whose children's scopes are `scopes` in order. */
export function checkRootScope(scopes: ItemScope[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, LeafNode>();
  for (const scope of scopes) {
    const { leaves, keys } = scope;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i];
      const first = seen.get(keys[i]);
      if (first && leaf.range) {
        out.push(duplicateDiagnostic(leaf.range, first));
      } else {
        seen.set(keys[i], leaf);
      }
    }
  }

  const partners = new RecordingIndex();
  for (const scope of scopes) {
    for (const leaf of scope.leaves) {
      if (leaf.kind !== "hard") continue;
      const found = partners.find(leaf);
      if (found && leaf.range) out.push(contradictionDiagnostic(leaf.range, found));
      partners.add(leaf);
    }
  }

  for (const scope of scopes) {
    if (scope.conditionals.length === 0) continue;
    if (scope.branches === undefined || !stillAnswered(partners, scope.branches.queries)) {
      const diagnostics: Diagnostic[] = [];
      partners.queries = [];
      for (const c of scope.conditionals) checkConditional(c, partners, [], diagnostics);
      scope.branches = { diagnostics, queries: partners.queries };
      partners.queries = undefined;
    }
    for (const d of scope.branches.diagnostics) out.push(d);
  }
  return out;
}
