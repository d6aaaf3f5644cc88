// A uniform sample of at most `cap` items from a stream of unknown length
// (Vitter's algorithm R), with a seeded generator so a report is reproducible.

/** mulberry32: a small, fast 32-bit PRNG; statistical quality is plenty for sampling. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  private readonly random: () => number;

  constructor(readonly cap: number, seed = 1) {
    this.random = mulberry32(seed);
  }

  add(item: T): void {
    this.seen++;
    if (this.items.length < this.cap) {
      this.items.push(item);
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.cap) this.items[j] = item;
  }

  get sampled(): boolean {
    return this.seen > this.items.length;
  }
}
