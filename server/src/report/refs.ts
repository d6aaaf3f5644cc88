// Counters that remember the first few lines behind them (for the editor's drill-down),
// and the histogram bin of a value in [0, 1].

import { BINS, EXAMPLES_PER_BUCKET, type LineRef, type Refs } from "./model.js";

export const emptyRefs = (): Refs => ({ count: 0, examples: [] });

export function addRef(refs: Refs, ref: LineRef): void {
  refs.count++;
  if (refs.examples.length < EXAMPLES_PER_BUCKET) refs.examples.push(ref);
}

/** Bin i holds [i/10, (i+1)/10); 1 falls in the last bin. The epsilon keeps 0.3 (2.9999.../10) in bin 3. */
export function binOf(x: number): number {
  return Math.max(0, Math.min(BINS - 1, Math.floor(x * BINS + 1e-9)));
}

export function binLabel(bin: number): string {
  const lo = (bin / BINS).toFixed(1);
  const hi = ((bin + 1) / BINS).toFixed(1);
  return bin === BINS - 1 ? `[${lo}, ${hi}]` : `[${lo}, ${hi})`;
}

export const emptyBins = () => Array.from({ length: BINS }, (_, bin) => ({ bin, lsrm: emptyRefs(), flat: emptyRefs() }));
