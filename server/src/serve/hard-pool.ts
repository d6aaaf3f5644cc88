// Hard checks are CPU-bound: with --workers N, items whose instruction has no
// soft constraint are scored on a piscina worker-thread pool, so one server uses
// several cores. Items with soft constraints stay on the main thread, where the
// one judge (limiter, dedupe, cache) lives. Items arriving in the same turn of the
// event loop travel in chunks (one message per chunk, each instruction once), since
// one hard check costs about as much as one message to a thread.

import { join } from "node:path";
import { Piscina } from "piscina";
import type { Instruction, LogicNode } from "../analysis/logic.js";
import { scoreInstruction, type ScoreOptions } from "../scoring/lsrm.js";
import type { ScoreResult } from "../scoring/result.js";
import type { HardChunk } from "./hard-worker.js";
import type { ScoreFunction } from "./score-item.js";

const CHUNK = 64;

function hasSoft(node: LogicNode): boolean {
  switch (node.kind) {
    case "soft":
      return true;
    case "hard":
      return false;
    case "parallel":
      return node.children.some(hasSoft);
    case "sequential":
      return node.steps.some(hasSoft);
    case "conditional":
      return hasSoft(node.condition) || hasSoft(node.then) || (node.else !== undefined && hasSoft(node.else));
  }
}

interface Queued {
  instruction: Instruction;
  response: string;
  options: Pick<ScoreOptions, "gamma" | "flat" | "loose" | "explain">;
  resolve: (result: ScoreResult) => void;
  reject: (error: unknown) => void;
}

export class HardCheckPool {
  private readonly pool: Piscina<HardChunk, ScoreResult[]>;
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(workers: number) {
    this.pool = new Piscina({ filename: join(__dirname, "hard-worker.js"), minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  }

  readonly scoreFunction: ScoreFunction = (instruction, response, options) => {
    if (hasSoft(instruction.root)) return scoreInstruction(instruction, response, options);
    if (options.signal?.aborted) return Promise.reject(new Error("aborted"));
    const { gamma, flat, loose, explain } = options;
    return new Promise((resolve, reject) => {
      this.queue.push({ instruction, response, options: { gamma, flat, loose, explain }, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  };

  private flush(): void {
    this.scheduled = false;
    const queued = this.queue;
    this.queue = [];
    for (let start = 0; start < queued.length; start += CHUNK) {
      const part = queued.slice(start, start + CHUNK);
      const index = new Map<Instruction, number>();
      const chunk: HardChunk = { instructions: [], tasks: [] };
      for (const item of part) {
        let i = index.get(item.instruction);
        if (i === undefined) {
          i = chunk.instructions.push(item.instruction) - 1;
          index.set(item.instruction, i);
        }
        chunk.tasks.push({ instruction: i, response: item.response, options: item.options });
      }
      this.pool.run(chunk).then(
        (results) => part.forEach((item, i) => item.resolve(results[i])),
        (error: unknown) => part.forEach((item) => item.reject(error)),
      );
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
