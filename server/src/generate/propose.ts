// Candidates for one prompt, for the editor's "Propose Instruction…": the sampling proposer through the same gate
// as `lsrif generate`, so what the editor offers is what a generated dataset would hold.

import { Draw } from "./random.js";
import { sampleCandidate } from "./sample-proposer.js";
import { DEFAULT_MIX } from "./structure.js";
import { validateCandidate } from "./validate.js";

export interface ProposedInstruction {
  lsr: string;
  rendered: string;
  structure: string;
  counts: { hard: number; soft: number; total: number };
  /** Analysis warnings, as `CODE message`. */
  diagnostics: string[];
}

/** Up to `count` valid candidates; `roll` varies the draws (a re-roll asks with the next number). */
export function proposeCandidates(prompt: string, roll: number, count: number): ProposedInstruction[] {
  const draw = new Draw(roll, prompt);
  const out: ProposedInstruction[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; attempt < count * 6 && out.length < count; attempt++) {
    const candidate = sampleCandidate(draw, prompt, { mix: DEFAULT_MIX, maxDepth: 1, softShare: 0.3, typeCounts: new Map(), maxPerType: Infinity });
    const result = candidate === undefined ? undefined : validateCandidate(candidate);
    if (!result?.ok || seen.has(result.value.lsr)) continue;
    seen.add(result.value.lsr);
    const { lsr, rendered, structure, counts, warnings } = result.value;
    out.push({ lsr, rendered, structure, counts, diagnostics: warnings });
  }
  return out;
}
