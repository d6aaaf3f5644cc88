// Scores one request item with the engine `lsrif score --json` uses, and turns
// every outcome into a reply with the fixed reward block. Never throws.

import type { Instruction } from "../analysis/logic.js";
import { withoutRanges, type TreeWithoutRanges } from "../cli/batch/output-file.js";
import type { SoftJudge } from "../judge/types.js";
import type { SoftValue } from "../scoring/leaf-verdicts.js";
import type { ScoreOptions } from "../scoring/lsrm.js";
import { NO_THINK_REASON, scoreResponse } from "../scoring/response-text.js";
import type { ScoreNode, ScoreResult } from "../scoring/result.js";
import type { InstructionSource, Resolved } from "./instructions.js";
import { failedReward, resultReward, type RewardBlock } from "./reward-block.js";
import type { ScoreItem } from "./schemas.js";

/** The `lsrif score --json` object: the result with no source ranges. */
export type ResultJson = Omit<ScoreResult, "tree"> & { tree: TreeWithoutRanges };

export interface ItemReply {
  id?: string | number;
  reward: RewardBlock;
  reason?: string;
  result?: ResultJson;
}

const toResultJson = (result: ScoreResult): ResultJson => ({ ...result, tree: withoutRanges(result.tree) });

/** Scores an instruction; the default is in-process, a worker pool may take hard-only items. */
export type ScoreFunction = (instruction: Instruction, response: string, options: ScoreOptions) => Promise<ScoreResult>;

export interface ItemScorerOptions {
  judge?: SoftJudge;
  fallbackScore: number;
  stripThinking: boolean;
  stripSuffix: boolean;
  softValue: SoftValue;
  scoreFunction?: ScoreFunction;
}

/** What the metrics count about one scored item. */
export interface ItemOutcome {
  reply: ItemReply;
  /** Soft verdicts the judge gave for this item (cached or not). */
  verdicts: number;
}

/** Soft leaves the judge decided (pass or fail). */
function countVerdicts(node: ScoreNode): number {
  if (node.kind === "soft") return node.status === "pass" || node.status === "fail" ? 1 : 0;
  let count = 0;
  for (const child of node.children) count += countVerdicts(child);
  return count;
}

export class ItemScorer {
  constructor(
    private readonly instructions: InstructionSource,
    private readonly options: ItemScorerOptions,
  ) {}

  /** Whether anything listens to an item's abort signal (the judge, a worker pool). */
  get listensToSignal(): boolean {
    return this.options.judge !== undefined || this.options.scoreFunction !== undefined;
  }

  resolve(item: Pick<ScoreItem, "instruction" | "instruction_id">): Resolved {
    if (item.instruction !== undefined) return this.instructions.inlineInstruction(item.instruction);
    if (item.instruction_id !== undefined) return this.instructions.byId(item.instruction_id);
    return { ok: false, reason: "the item needs an instruction or an instruction_id" };
  }

  /** An item that did not validate; keeps its id when it has a usable one. */
  invalid(raw: unknown, reason: string): ItemOutcome {
    const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const reply: ItemReply = { reward: failedReward(this.options.fallbackScore), reason };
    return { reply: typeof id === "string" || typeof id === "number" ? { id, ...reply } : reply, verdicts: 0 };
  }

  /** `signal` is the request's deadline; `withResult: false` leaves out the result tree (/get_reward needs only numbers). */
  async score(item: ScoreItem, signal: AbortSignal, deadlineMs: number, withResult = true): Promise<ItemOutcome> {
    const resultJson = (result: ScoreResult) => (withResult ? { result: toResultJson(result) } : {});
    const withId = (reply: ItemReply): ItemReply => (item.id === undefined ? reply : { id: item.id, ...reply });
    const fail = (reason: string, result?: ScoreResult): ItemOutcome => ({
      reply: withId({ reward: failedReward(this.options.fallbackScore), reason, ...(result ? resultJson(result) : {}) }),
      verdicts: 0,
    });
    try {
      const resolved = this.resolve(item);
      if (!resolved.ok) return fail(resolved.reason);
      const result = await scoreResponse(resolved.instruction, item.response, {
        gamma: item.gamma, flat: item.flat, loose: item.loose, judge: this.options.judge, signal, softValue: this.options.softValue,
        // A reward-only reply drops the tree, so the evidence in it is not built.
        explain: withResult,
        stripThinking: item.strip_thinking ?? this.options.stripThinking,
        stripSuffix: item.strip_suffix ?? this.options.stripSuffix,
      }, this.options.scoreFunction);
      const { reward, failed } = resultReward(result, this.options.fallbackScore);
      if (result.reason === NO_THINK_REASON) return { reply: withId({ reward, reason: result.reason, ...resultJson(result) }), verdicts: 0 };
      if (failed) {
        const why = signal.aborted ? `the deadline of ${deadlineMs} ms passed before the judge answered` : `judge failed: ${failed.error ?? "no verdict"}`;
        return fail(why, result);
      }
      const verdicts = countVerdicts(result.tree);
      const reply: ItemReply = { reward, ...resultJson(result) };
      if (!result.complete) reply.reason = "soft constraints left unjudged (no judge configured)";
      return { reply: withId(reply), verdicts };
    } catch (error) {
      // A pooled item still queued at the deadline is aborted; otherwise the engine
      // does not throw, and this keeps one item's surprise from failing a batch.
      if (signal.aborted) return fail(`the deadline of ${deadlineMs} ms passed before the item was scored`);
      return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
