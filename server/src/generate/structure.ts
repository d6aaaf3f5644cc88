// The three compositions of the LsrIF paper, in our words and in the paper's JSON ("And", "Chain", "Selection").

import type { CompositionType } from "../interchange/lsrinstruct-schema.js";

export const STRUCTURES = ["parallel", "sequential", "conditional"] as const;
export type Structure = (typeof STRUCTURES)[number];

export const JSON_TYPE: Readonly<Record<Structure, CompositionType>> = { parallel: "And", sequential: "Chain", conditional: "Selection" };
export const STRUCTURE_OF: Readonly<Record<CompositionType, Structure>> = { And: "parallel", Chain: "sequential", Selection: "conditional" };

export type Mix = Readonly<Record<Structure, number>>;
export const DEFAULT_MIX: Mix = { parallel: 1 / 3, sequential: 1 / 3, conditional: 1 / 3 };

/** Parses `parallel=0.4,sequential=0.3,conditional=0.3`; unnamed structures get 0; weights are normalised. */
export function parseMix(text: string): Mix | string {
  const weights: Record<Structure, number> = { parallel: 0, sequential: 0, conditional: 0 };
  for (const part of text.split(",")) {
    const [name, value, extra] = part.split("=").map((s) => s.trim());
    if (extra !== undefined || value === undefined) return `'${part}' is not name=weight`;
    if (!(STRUCTURES as readonly string[]).includes(name)) return `unknown structure '${name}' (use ${STRUCTURES.join(", ")})`;
    const weight = Number(value);
    if (value === "" || !Number.isFinite(weight) || weight < 0) return `the weight of ${name} must be a number >= 0 (got '${value}')`;
    weights[name as Structure] = weight;
  }
  const total = weights.parallel + weights.sequential + weights.conditional;
  if (total <= 0) return "at least one weight must be above 0";
  return { parallel: weights.parallel / total, sequential: weights.sequential / total, conditional: weights.conditional / total };
}
