// What scoring reports: a tree mirroring the logic tree, with each node's value,
// its adjusted value in a sequence, and its share of the final score.

import type { Range } from "../../../grammars/src/index.js";
import type { Evidence } from "../ifeval/evidence/evidence.js";

export type NodeStatus =
  | "pass"            // value 1
  | "fail"            // value 0
  | "partial"         // a structure with a value strictly between 0 and 1
  | "not-applicable"  // an If without Else whose condition failed, or an unselected branch
  | "unjudged"        // a soft constraint with no judge configured (or a structure that depends on one)
  | "error";          // the judge failed for this constraint

export type NodeRole = "item" | "step" | "condition" | "then" | "else";

export interface ScoreNode {
  kind: "parallel" | "sequential" | "conditional" | "hard" | "soft";
  role: NodeRole;
  /** Canonical id for hard leaves, the text for soft leaves, the structure name otherwise. */
  label: string;
  id?: string;
  args?: Record<string, unknown>;
  text?: string;
  category?: string;
  ref?: string;
  /** r: the node's own value in [0, 1]; null when not applicable or not known. */
  value: number | null;
  /** r': the value after the penalties of earlier failed steps (sequence steps only). */
  adjusted?: number | null;
  /** The weight of this node in the final score (what it adds at value 1 with no penalties). */
  share: number;
  /** Product of the sequence penalties that apply to this node (1 when none). */
  factor: number;
  /** What this node actually adds to the final score: share x factor x value. */
  contribution: number;
  status: NodeStatus;
  /** Conditionals: whether the condition held (null when it could not be decided). */
  conditionHolds?: boolean | null;
  /** Soft leaves: the judge's P(YES), its evidence, whether served from the cache, or its error. */
  probability?: number;
  evidence?: string;
  cached?: boolean;
  error?: string;
  /** Hard leaves: what the verdict rests on, with offsets into the response (ifeval/evidence). */
  explanation?: Evidence;
  range?: Range;
  /**
   * Leaves: where in the response the text it was checked on lies (offsets, end exclusive):
   * the whole response when unscoped, one or more spans under a scope, one per item under `each`;
   * empty when a selector matched nothing. Absent on leaves that were not checked.
   */
  spans?: { start: number; end: number }[];
  /** The node's scopes as written (`in paragraph 1`), outermost first. */
  scope?: string;
  /** Why an unjudged leaf is unjudged when a judge is configured (an `in extract` scope under a classifier judge). */
  unjudgedReason?: string;
  /** Spans the judge extracted for `in extract "..."` scopes above this leaf. */
  extracted?: string[];
  children: ScoreNode[];
}

export interface ScoreSummary {
  hard: number;
  soft: number;
  passed: number;
  failed: number;
  unjudged: number;
  errors: number;
  notApplicable: number;
  /** Conditions are not constraints: counted here, never among passed or failed. */
  conditionsHeld: number;
  conditionsNotHeld: number;
}

export interface ScoreResult {
  /** The final reward R in [0, 1]. */
  score: number;
  /** False when some soft constraint that applies is unjudged or its judge failed. */
  complete: boolean;
  /** False when no constraint applies (the instruction then scores 1). */
  applicable: boolean;
  aggregation: "lsrm" | "flat";
  mode: "strict" | "loose";
  gamma: number;
  tree: ScoreNode;
  summary: ScoreSummary;
  /** Set when the response was given its score without being checked (e.g. no `</think>`). */
  reason?: string;
  /** Set when unjudged or failed constraints left the means, so the other shares grew: says so in words. */
  sharesNote?: string;
}
