// Pairs of hard constraints that no response can satisfy together.
// Every rule reads the facts each type declares in the registry (`relations`);
// nothing here names a type. Each rule returns a short reason, or undefined.

import type { HardLeaf } from "./logic.js";
import { excerpt } from "../../../grammars/src/index.js";
import { findHardType, HARD_TYPES, type HardTypeId } from "../ifeval/registry.js";
import type { HardRelations } from "../ifeval/hard-type.js";

type Relations = HardRelations<Record<string, unknown>>;
type Rule = (a: HardLeaf, b: HardLeaf) => string | undefined;

const NO_RELATIONS: Relations = {};
const relationsCache = new Map<string, Relations>();

/** The declared relations of a canonical id (none for an unknown id). */
function relationsOf(id: string): Relations {
  let r = relationsCache.get(id);
  if (r === undefined) {
    const type = findHardType(id);
    r = type !== undefined && type.id === id ? ((type.relations as Relations | undefined) ?? NO_RELATIONS) : NO_RELATIONS;
    relationsCache.set(id, r);
  }
  return r;
}

const lower = (v: unknown): string => String(v).toLowerCase();

interface Exclusion {
  why: string;
  when?: (self: Record<string, unknown>, other: Record<string, unknown>) => boolean;
  /** Whether the leaf looked up first (a) is the declaring side, for `when`. */
  declaredByFirst: boolean;
}

/** Declared exclusions, both directions: id -> partner id -> the declaration. */
const EXCLUSIONS = new Map<string, Map<string, Exclusion>>();
for (const type of HARD_TYPES) {
  for (const { id, why, when } of (type.relations as Relations | undefined)?.excludes ?? []) {
    for (const [x, y, declaredByFirst] of [[type.id, id, true], [id, type.id, false]] as const) {
      let partners = EXCLUSIONS.get(x);
      if (partners === undefined) EXCLUSIONS.set(x, (partners = new Map()));
      if (!partners.has(y)) partners.set(y, { why, when, declaredByFirst });
    }
  }
}

/** Types declared as mutually exclusive (under their condition, if any). */
const exclusions: Rule = (a, b) => {
  const e = EXCLUSIONS.get(a.id)?.get(b.id);
  if (e === undefined) return undefined;
  if (e.when === undefined) return e.why;
  try {
    return (e.declaredByFirst ? e.when(a.args, b.args) : e.when(b.args, a.args)) ? e.why : undefined;
  } catch {
    return undefined;
  }
};

/** Same id, one "less than A" and one "at least B" with B >= A (and the same subject, if any). */
const thresholds: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  // Relations first: two of the same relation never clash, and comparing them allocates nothing.
  const ra = relationOf(a);
  const rb = relationOf(b);
  if (!ra || !rb || ra.relation === rb.relation) return undefined;
  const subject = relationsOf(a.id).threshold?.subject;
  if (subject !== undefined && lower(a.args[subject] ?? "") !== lower(b.args[subject] ?? "")) return undefined;
  const below = ra.relation === "less than" ? ra : rb.relation === "less than" ? rb : undefined;
  const atLeast = ra.relation === "at least" ? ra : rb.relation === "at least" ? rb : undefined;
  if (below && atLeast && atLeast.n >= below.n) {
    return `fewer than ${below.n} and at least ${atLeast.n} cannot both hold`;
  }
  return undefined;
};

const wordsOf = (l: HardLeaf, pick: (r: Relations) => ((args: Record<string, unknown>) => string[]) | undefined): string[] => {
  const get = pick(relationsOf(l.id));
  if (get === undefined) return [];
  try {
    return get(l.args);
  } catch {
    return [];
  }
};
const requiredWords = (l: HardLeaf): string[] => wordsOf(l, (r) => r.requiredWords);
const forbiddenWords = (l: HardLeaf): string[] => wordsOf(l, (r) => r.forbiddenWords);

/** A word both required and forbidden. */
const requiredAndForbidden: Rule = (a, b) => {
  const clash = requiredWords(a).find((w) => forbiddenWords(b).includes(w)) ?? requiredWords(b).find((w) => forbiddenWords(a).includes(w));
  return clash !== undefined ? `the word '${excerpt(clash)}' is both required and forbidden` : undefined;
};

/** Exact counts that differ. */
const exactCounts: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  const exact = relationsOf(a.id).exactCount;
  if (!exact || a.args[exact.arg] === b.args[exact.arg]) return undefined;
  return `exactly ${a.args[exact.arg]} and exactly ${b.args[exact.arg]} ${exact.noun} cannot both hold`;
};

/** One value of an argument for the whole response (its language). */
const exclusiveValues: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  const exclusive = relationsOf(a.id).exclusiveArg;
  if (!exclusive || a.args[exclusive.arg] === b.args[exclusive.arg]) return undefined;
  return exclusive.why(excerpt(String(a.args[exclusive.arg])), excerpt(String(b.args[exclusive.arg])));
};

const selfConflicts: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  const conflict = relationsOf(a.id).conflictsWithSelf;
  if (!conflict) return undefined;
  try {
    return conflict(a.args, b.args);
  } catch {
    return undefined;
  }
};

const RULES: Rule[] = [exclusions, thresholds, requiredAndForbidden, exactCounts, exclusiveValues, selfConflicts];

/**
 * Whether `rule` can fire for some pair with these ids: a necessary condition read
 * off each rule above, so skipping a rule that cannot fire changes no result.
 */
function canFire(rule: Rule, a: string, b: string): boolean {
  const ra = relationsOf(a);
  const rb = relationsOf(b);
  switch (rule) {
    case exclusions:
      return EXCLUSIONS.get(a)?.has(b) === true;
    case thresholds:
      return a === b && ra.threshold !== undefined;
    case requiredAndForbidden:
      return (ra.requiredWords !== undefined && rb.forbiddenWords !== undefined) || (rb.requiredWords !== undefined && ra.forbiddenWords !== undefined);
    case exactCounts:
      return a === b && ra.exactCount !== undefined;
    case exclusiveValues:
      return a === b && ra.exclusiveArg !== undefined;
    case selfConflicts:
      return a === b && ra.conflictsWithSelf !== undefined;
    default:
      return true;
  }
}

const rulesByIds = new Map<string, Map<string, Rule[]>>();

/** The rules that can fire for a pair with these ids, in RULES order (so the first reason found is unchanged). */
function rulesFor(a: string, b: string): Rule[] {
  let byB = rulesByIds.get(a);
  if (byB === undefined) rulesByIds.set(a, (byB = new Map()));
  let rules = byB.get(b);
  if (rules === undefined) {
    rules = RULES.filter((rule) => canFire(rule, a, b));
    byB.set(b, rules);
  }
  return rules;
}

function firstReason(rules: Rule[], a: HardLeaf, b: HardLeaf): string | undefined {
  for (const rule of rules) {
    const why = rule(a, b);
    if (why) return why;
  }
  return undefined;
}

export function findContradiction(a: HardLeaf, b: HardLeaf): string | undefined {
  return firstReason(rulesFor(a.id, b.id), a, b);
}

/**
 * Ids that can contradict each id (besides itself), read off the declarations: the rules between different ids
 * are `exclusions` and `requiredAndForbidden` (the others need the same id), so these cover every rule above.
 * Built without visiting every pair of types: it runs when the server starts.
 */
const PARTNER_IDS = new Map<string, HardTypeId[]>();
{
  const ofRelation = (has: (r: Relations) => boolean) => HARD_TYPES.filter((t) => has(relationsOf(t.id))).map((t) => t.id);
  const requiring = ofRelation((r) => r.requiredWords !== undefined);
  const forbidding = ofRelation((r) => r.forbiddenWords !== undefined);
  for (const type of HARD_TYPES) {
    const r = relationsOf(type.id);
    const partners = new Set<HardTypeId>();
    for (const id of EXCLUSIONS.get(type.id)?.keys() ?? []) partners.add(id as HardTypeId);
    if (r.requiredWords !== undefined) for (const id of forbidding) partners.add(id);
    if (r.forbiddenWords !== undefined) for (const id of requiring) partners.add(id);
    partners.delete(type.id);
    if (partners.size > 0) PARTNER_IDS.set(type.id, [...partners]);
  }
}

const NO_PARTNERS: readonly string[] = [];

// Validated kwargs objects are shared between leaves and never mutated (see arguments.ts).
const argsJsonCache = new WeakMap<Record<string, unknown>, string>();

function argsJson(args: Record<string, unknown>): string {
  let json = argsJsonCache.get(args);
  if (json === undefined) {
    json = JSON.stringify(args);
    argsJsonCache.set(args, json);
  }
  return json;
}

/** Bounds the work per constraint: at most this many distinct argument sets are kept per id. */
const MAX_DISTINCT_PER_ID = 64;

/** The constraints of one id in one scope, in the order they were added. */
interface Group {
  /** argsJson of each member: equal arguments are kept once. */
  readonly keys: Set<string>;
  readonly leaves: HardLeaf[];
  /** thresholdSide of each member. */
  readonly sides: number[];
}

/** -1 for "less than", 1 for "at least", 0 otherwise: `thresholds` can fire only for a pair of opposite sides. */
function thresholdSide(leaf: HardLeaf): number {
  const relation = relationOf(leaf)?.relation;
  return relation === "less than" ? -1 : relation === "at least" ? 1 : 0;
}

/**
 * The constraints of a scope, indexed by id, so each new constraint is compared
 * only with the few that can contradict it: near-linear in the size of the scope.
 */
export class ContradictionIndex {
  private readonly byId = new Map<string, Group>();

  /** A branch's index sees its enclosing scope's constraints through `parent`, without copying them. */
  constructor(private readonly parent?: ContradictionIndex) {}

  add(leaf: HardLeaf): void {
    let group = this.byId.get(leaf.id);
    if (!group) this.byId.set(leaf.id, (group = { keys: new Set(), leaves: [], sides: [] }));
    if (group.leaves.length >= MAX_DISTINCT_PER_ID) return;
    const key = argsJson(leaf.args);
    if (group.keys.has(key)) return;
    group.keys.add(key);
    group.leaves.push(leaf);
    group.sides.push(thresholdSide(leaf));
  }

  find(leaf: HardLeaf): { other: HardLeaf; why: string } | undefined {
    const found = this.findInGroup(leaf.id, leaf);
    if (found) return found;
    for (const id of PARTNER_IDS.get(leaf.id) ?? NO_PARTNERS) {
      const partnerFound = this.findInGroup(id, leaf);
      if (partnerFound) return partnerFound;
    }
    return this.parent?.find(leaf);
  }

  private findInGroup(id: string, leaf: HardLeaf): { other: HardLeaf; why: string } | undefined {
    const group = this.byId.get(id);
    if (group === undefined) return undefined;
    const rules = rulesFor(id, leaf.id);
    if (rules.length === 0) return undefined;
    // Large groups are mostly count thresholds; when that is the only rule, skip members on the same side.
    const side = rules.length === 1 && rules[0] === thresholds ? thresholdSide(leaf) : undefined;
    if (side === 0) return undefined;
    const { leaves, sides } = group;
    for (let i = 0; i < leaves.length; i++) {
      if (side !== undefined && sides[i] !== -side) continue;
      const why = firstReason(rules, leaves[i], leaf);
      if (why) return { other: leaves[i], why };
    }
    return undefined;
  }
}

export function relationOf(leaf: HardLeaf): { relation: string; n: number } | undefined {
  const names = relationsOf(leaf.id).threshold;
  if (!names) return undefined;
  const relation = leaf.args[names.relation];
  const n = leaf.args[names.count];
  return typeof relation === "string" && typeof n === "number" ? { relation, n } : undefined;
}
