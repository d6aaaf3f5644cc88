// The reward contract: the one declaration of the numbers every scored item
// carries, whatever happened to it. Trainers break on missing or varying keys
// (VeRL asserts every sample has the first sample's keys; TRL turns None into
// NaN; OpenRLHF leaves a failed sample empty), so every path here returns
// exactly REWARD_KEYS, all finite numbers. docs/serve.md documents each key.

import { z } from "zod";
import { finalReward } from "../scoring/final-reward.js";
import { applicableLeaves } from "../scoring/lsrm.js";
import { NO_THINK_REASON } from "../scoring/response-text.js";
import type { ScoreNode, ScoreResult } from "../scoring/result.js";

const Unit = z.number().min(0).max(1);
const Flag = z.union([z.literal(0), z.literal(1)]);

export const RewardBlock = z.strictObject({
  /** LsRM R, the reward (or the `flat` mean when the item asked for flat). */
  score: Unit,
  /** The paper's "w/o LsRM" ablation: mean over the applicable atomic constraints. */
  flat: Unit,
  /** Pass rate of the hard leaves that count; 1 when none counts. */
  hard: Unit,
  /** Mean value of the judged soft leaves that count; the fallback score when none was judged. */
  soft: Unit,
  /** 1 when every soft leaf that counts was judged. */
  complete: Flag,
  /** 1 when the item could not be scored; then score = flat = hard = soft = the fallback. */
  error: Flag,
});
export type RewardBlock = z.output<typeof RewardBlock>;

/** The reward of an item that cannot be scored, unless --fallback-score says otherwise. */
export const DEFAULT_FALLBACK_SCORE = 0;

/** The keys, in order (VeRL takes `score` first). */
export const REWARD_KEYS = Object.keys(RewardBlock.shape) as (keyof RewardBlock)[];

/** The extra_logs keys of OpenRLHF's reply: every key but the reward itself. */
export const EXTRA_LOG_KEYS = REWARD_KEYS.filter((key) => key !== "score") as Exclude<keyof RewardBlock, "score">[];

/** The block for a scored result (one walk of the tree: the server builds one per item). */
export function rewardOf(result: ScoreResult, fallbackScore: number): RewardBlock {
  const leaves = applicableLeaves(result.tree);
  const sums = { hard: 0, soft: 0 };
  const counts = { hard: 0, soft: 0 };
  for (const leaf of leaves) {
    if (leaf.value === null || (leaf.kind !== "hard" && leaf.kind !== "soft")) continue;
    sums[leaf.kind] += leaf.value;
    counts[leaf.kind]++;
  }
  return {
    score: result.score,
    flat: finalReward(result.tree, "flat", leaves),
    hard: counts.hard ? sums.hard / counts.hard : 1,
    soft: counts.soft ? sums.soft / counts.soft : fallbackScore,
    complete: result.complete ? 1 : 0,
    error: 0,
  };
}

/** An item that could not be scored: the fallback everywhere, error 1. */
export function failedReward(fallbackScore: number): RewardBlock {
  return { score: fallbackScore, flat: fallbackScore, hard: fallbackScore, soft: fallbackScore, complete: 0, error: 1 };
}

/** A response decided without checking (--strip-thinking found no `</think>`): 0, not an error. */
export function zeroReward(): RewardBlock {
  return { score: 0, flat: 0, hard: 0, soft: 0, complete: 1, error: 0 };
}

function firstFailedSoftLeaf(node: ScoreNode): ScoreNode | undefined {
  if (node.kind === "soft") return node.status === "error" ? node : undefined;
  for (const child of node.children) {
    const failed = firstFailedSoftLeaf(child);
    if (failed) return failed;
  }
  return undefined;
}

/**
 * The block of an engine result, the one rule for `lsrif serve` and `lsrif score --json`:
 * no `</think>` under --strip-thinking scores 0; a soft leaf the judge failed on makes the
 * item an error (`failed` names it); otherwise the block of the scored tree.
 */
export function resultReward(result: ScoreResult, fallbackScore: number): { reward: RewardBlock; failed?: ScoreNode } {
  if (result.reason === NO_THINK_REASON) return { reward: zeroReward() };
  const failed = firstFailedSoftLeaf(result.tree);
  if (failed) return { reward: failedReward(fallbackScore), failed };
  return { reward: rewardOf(result, fallbackScore) };
}
