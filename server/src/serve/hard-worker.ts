// A worker thread of the hard-check pool (hard-pool.ts): scores a chunk of items
// with the engine, no judge (the pool only sends items without soft constraints).
// A chunk carries each instruction once, however many responses it has (a GRPO group).

import type { Instruction } from "../analysis/logic.js";
import { scoreInstruction, type ScoreOptions } from "../scoring/lsrm.js";
import type { ScoreResult } from "../scoring/result.js";

export interface HardTask {
  /** Index into the chunk's instructions. */
  instruction: number;
  response: string;
  options: Pick<ScoreOptions, "gamma" | "flat" | "loose" | "explain">;
}

export interface HardChunk {
  instructions: Instruction[];
  tasks: HardTask[];
}

export default function scoreHardChunk(chunk: HardChunk): Promise<ScoreResult[]> {
  return Promise.all(chunk.tasks.map((task) => scoreInstruction(chunk.instructions[task.instruction], task.response, task.options)));
}
