// Which constraints of a scored response get marked in the editor (pure: no vscode).

import type { Range as OffsetRange } from "../../../grammars/src/index.js";
import type { ScoreNode, ScoreResult } from "../../../server/src/client-api.js";
export interface MarkedLeaf {
  range: OffsetRange;
  status: "fail" | "error";
  label: string;
  /** Why: the measured evidence of a hard verdict, or the judge's error. */
  why?: string;
}

/**
 * The leaves to mark: failed constraints and judge errors that have a source range.
 * A condition that does not hold is not a failure of the response (it selects the
 * else branch), so only judge errors are marked inside conditions.
 */
export function leavesToMark(result: ScoreResult): MarkedLeaf[] {
  const marked: MarkedLeaf[] = [];
  const visit = (node: ScoreNode, inCondition: boolean) => {
    const condition = inCondition || node.role === "condition";
    const marks = node.status === "error" || (node.status === "fail" && !condition);
    if ((node.kind === "hard" || node.kind === "soft") && node.range && marks) {
      const why = node.status === "error" ? node.error : node.explanation?.message ?? node.evidence;
      marked.push({ range: node.range, status: node.status as MarkedLeaf["status"], label: node.label, ...(why ? { why } : {}) });
    }
    node.children.forEach((c) => visit(c, condition));
  };
  visit(result.tree, false);
  return marked;
}
