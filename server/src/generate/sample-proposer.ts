// `--proposer sample`: draws logic-structured instructions without any model. A structure from the mix, hard
// constraints from the registry with IFEval's argument ranges (inverse-frequency choice, so rare types catch up),
// soft constraints from the shipped pool, and conditions that can go either way. Deterministic for a run seed.

import type { AtomicConstraint, LsrInstructJson, SubConstraint } from "../interchange/lsrinstruct-schema.js";
import { findHardType } from "../ifeval/registry.js";
import { ARG_SAMPLERS, CONDITION_SAMPLERS, type ArgSampler } from "./arg-samplers.js";
import type { Draw } from "./random.js";
import { JSON_TYPE, STRUCTURES, type Mix, type Structure } from "./structure.js";
import { SOFT_POOL } from "./vocabulary.js";

export interface SampleOptions {
  mix: Mix;
  /** 1: one composition of atomic constraints; 2: a child may itself be a composition. */
  maxDepth: number;
  /** Share of soft constraints among the drawn leaves. */
  softShare: number;
  /** Accepted uses so far per type key (`hard id` or `soft:category`), for inverse-frequency choice. */
  typeCounts: ReadonlyMap<string, number>;
  /** Types at this many accepted uses are not drawn any more. */
  maxPerType: number;
}

const SOFT_CATEGORIES = Object.keys(SOFT_POOL);

/** The key a constraint is counted under in caps, summaries and the inverse-frequency choice. */
export function typeKey(c: AtomicConstraint): string {
  return c.instruction_id ?? `soft:${c.category ?? "uncategorised"}`;
}

class Sampler {
  /** Types already used in this instruction: a second use would be a duplicate (LSR040). */
  private readonly used = new Set<string>();

  constructor(private readonly draw: Draw, private readonly seedPrompt: string, private readonly options: SampleOptions) {}

  private inverseFrequency(keys: readonly string[]): string | undefined {
    const open = keys.filter((k) => !this.used.has(k) && (this.options.typeCounts.get(k) ?? 0) < this.options.maxPerType);
    if (open.length === 0) return undefined;
    return open[this.draw.weighted(open.map((k) => 1 / (1 + (this.options.typeCounts.get(k) ?? 0))))];
  }

  private hard(samplers: Readonly<Record<string, ArgSampler>>): AtomicConstraint | undefined {
    const id = this.inverseFrequency(Object.keys(samplers));
    const type = id === undefined ? undefined : findHardType(id);
    if (id === undefined || type === undefined) return undefined;
    const args = samplers[id](this.draw, this.seedPrompt);
    const valid = type.schema.safeParse(args);
    if (!valid.success) return undefined; // a sampler bug; the unit test holds every sampler to its schema
    this.used.add(id);
    return { constraint: type.render(valid.data), instruction_id: id, kwargs: args };
  }

  private soft(): AtomicConstraint | undefined {
    const key = this.inverseFrequency(SOFT_CATEGORIES.map((c) => `soft:${c}`));
    if (key === undefined) return undefined;
    this.used.add(key);
    const category = key.slice("soft:".length);
    return { constraint: this.draw.pick(SOFT_POOL[category]), category };
  }

  leaf(): AtomicConstraint | undefined {
    const wantSoft = this.draw.next() < this.options.softShare;
    return (wantSoft ? this.soft() : this.hard(ARG_SAMPLERS)) ?? (wantSoft ? this.hard(ARG_SAMPLERS) : this.soft());
  }

  private child(depth: number): SubConstraint | undefined {
    if (depth < this.options.maxDepth && this.draw.next() < 0.3) return this.composite(this.structure(), depth + 1);
    return this.leaf();
  }

  structure(): Structure {
    return STRUCTURES[this.draw.weighted(STRUCTURES.map((s) => this.options.mix[s]))];
  }

  composite(structure: Structure, depth: number): SubConstraint | undefined {
    const parts: (SubConstraint | undefined)[] = [];
    if (structure === "conditional") {
      parts.push(this.hard(CONDITION_SAMPLERS), this.child(depth), this.child(depth));
    } else {
      const width = this.draw.int(2, 3);
      for (let i = 0; i < width; i++) parts.push(this.child(depth));
    }
    if (parts.some((p) => p === undefined)) return undefined;
    return { type: JSON_TYPE[structure], sub_constraints: Object.fromEntries(parts.map((p, i) => [`c${i + 1}`, p!])) };
  }
}

/** One candidate for a seed, or undefined when every type is at its cap. */
export function sampleCandidate(draw: Draw, seedPrompt: string, options: SampleOptions): LsrInstructJson | undefined {
  const sampler = new Sampler(draw, seedPrompt, options);
  const composite = sampler.composite(sampler.structure(), 1);
  if (composite === undefined) return undefined;
  return { prompt: seedPrompt, composite_constraints: [{ composite_constraint: composite }] };
}
