// What the report reads off one score tree: its structure type, nesting depth,
// the leaves that count, whether a judge failed, and R under both aggregations.

import { structureTypeOf, type StructureType } from "../cli/batch/summary.js";
import { applicableLeaves, finalReward } from "../scoring/final-reward.js";
import type { ReportNode, ReportScoreLine } from "./lines.js";

export interface TreeFacts {
  structure: StructureType;
  depth: number;
  leaves: ReportNode[];
  errored: boolean;
  lsrm: number;
  flat: number;
}

const isLeaf = (node: ReportNode) => node.kind === "hard" || node.kind === "soft";

/** A Parallel of one item (a block `{ x }`) is a wrapper, not a level. */
function structureDepth(node: ReportNode): number {
  if (isLeaf(node)) return 0;
  if (node.kind === "parallel" && node.children.length === 1) return structureDepth(node.children[0]);
  let deepest = 0;
  for (const child of node.children) deepest = Math.max(deepest, structureDepth(child));
  return 1 + deepest;
}

/**
 * Nesting depth: structures on the deepest path from the top level to a constraint,
 * a Parallel of one item not counted (the file's top level holding one structure, a
 * branch block `{ x }`). A plain list, one Sequential or one if/else of constraints is
 * depth 1; a Sequential with a Conditional step is 2. A single constraint counts as a
 * list of one (depth 1), as `structureTypeOf` calls it Parallel.
 */
export function nestingDepth(tree: ReportNode): number {
  return Math.max(1, structureDepth(tree));
}

function hasError(node: ReportNode): boolean {
  return node.status === "error" || node.children.some(hasError);
}

export function treeFacts(line: ReportScoreLine): TreeFacts {
  const { tree } = line;
  return {
    structure: structureTypeOf(tree),
    depth: nestingDepth(tree),
    leaves: applicableLeaves(tree),
    errored: hasError(tree),
    // The line's own score for its aggregation; the other derived from the same tree.
    lsrm: line.aggregation === "lsrm" ? line.score : finalReward(tree, "lsrm"),
    flat: line.aggregation === "flat" ? line.score : finalReward(tree, "flat"),
  };
}
