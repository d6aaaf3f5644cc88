// The final reward R of an evaluated score tree, by either aggregation. One rule for
// scoring (lsrm.ts) and for reading a score line back (the report's LsRM-vs-flat
// ablation derives the other aggregation from the tree a line carries).

/** The part of a score node the rule reads (a ScoreNode, or a tree read back from JSON). */
export interface RewardNode {
  kind: "parallel" | "sequential" | "conditional" | "hard" | "soft";
  role: string;
  status: string;
  value?: number | null;
  children: readonly RewardNode[];
}

/** Leaves that count: not conditions, not in unselected branches. */
export function applicableLeaves<T extends RewardNode>(node: T, into: T[] = []): T[] {
  // One array filled in place (not flatMap): every scored item walks its tree with this.
  if (node.role === "condition" || node.status === "not-applicable") return into;
  if (node.kind === "hard" || node.kind === "soft") into.push(node);
  else for (const child of node.children as readonly T[]) applicableLeaves(child, into);
  return into;
}

/**
 * R: 1 when no constraint applies, 0 when none that applies has a known value,
 * else the root's LsRM value or the flat mean over the known applicable leaves.
 */
export function finalReward(tree: RewardNode, aggregation: "lsrm" | "flat", leaves: readonly RewardNode[] = applicableLeaves(tree)): number {
  if (tree.status === "not-applicable" || leaves.length === 0) return 1;
  const known = leaves.filter((leaf) => typeof leaf.value === "number");
  if (known.length === 0) return 0;
  if (aggregation === "lsrm") return tree.value ?? 1;
  return known.reduce((sum, leaf) => sum + (leaf.value as number), 0) / known.length;
}
