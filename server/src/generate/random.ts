// The generator's randomness: one Mersenne Twister per (run seed, seed prompt), so a seed's candidates do not
// depend on which other seeds ran before it (a resumed run draws exactly what a clean run draws).

import { createHash } from "node:crypto";
import { PythonRandom } from "../ifeval/text/python-random.js";

export class Draw {
  private readonly rng: PythonRandom;

  constructor(runSeed: number, key: string) {
    const digest = createHash("sha256").update(`${runSeed}\u0000${key}`).digest();
    this.rng = new PythonRandom(digest.readUInt32LE(0));
  }

  /** A float in [0, 1). */
  next(): number {
    return this.rng.random();
  }

  /** An integer in [lo, hi], both included (Python's random.randint). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `k` distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }

  /** An index chosen with probability proportional to its weight (weights >= 0, not all 0). */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}
