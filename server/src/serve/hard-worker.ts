// A worker thread of the hard-check pool (hard-pool.ts): scores one item with
// the engine, no judge (the pool only sends items without soft constraints).

import type { Instruction } from "../analysis/logic.js";
import { scoreInstruction, type ScoreOptions } from "../scoring/lsrm.js";
import type { ScoreResult } from "../scoring/result.js";

export interface HardTask {
  instruction: Instruction;
  response: string;
  options: Pick<ScoreOptions, "gamma" | "flat" | "loose">;
}

export default function scoreHard(task: HardTask): Promise<ScoreResult> {
  return scoreInstruction(task.instruction, task.response, task.options);
}
