// Hard checks are CPU-bound: with --workers N, items whose instruction has no
// soft constraint are scored on a piscina worker-thread pool, so one server uses
// several cores. Items with soft constraints stay on the main thread, where the
// one judge (limiter, dedupe, cache) lives.

import { join } from "node:path";
import { Piscina } from "piscina";
import type { LogicNode } from "../analysis/logic.js";
import { scoreInstruction } from "../scoring/lsrm.js";
import type { ScoreResult } from "../scoring/result.js";
import type { HardTask } from "./hard-worker.js";
import type { ScoreFunction } from "./score-item.js";

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

export class HardCheckPool {
  private readonly pool: Piscina<HardTask, ScoreResult>;

  constructor(workers: number) {
    this.pool = new Piscina({ filename: join(__dirname, "hard-worker.js"), minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  }

  readonly scoreFunction: ScoreFunction = (instruction, response, options) => {
    if (hasSoft(instruction.root)) return scoreInstruction(instruction, response, options);
    const { gamma, flat, loose } = options;
    return this.pool.run({ instruction, response, options: { gamma, flat, loose } }, { signal: options.signal });
  };

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
