// Pairs of hard constraints that no response can satisfy together.
// Each rule returns a short reason, or undefined when the pair is compatible.

import type { HardLeaf } from "./logic.js";
import { excerpt } from "../../../grammars/src/excerpt.js";

type Rule = (a: HardLeaf, b: HardLeaf) => string | undefined;

const lower = (v: unknown): string => String(v).toLowerCase();
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(lower) : []);

const thresholdSubject = (l: HardLeaf): string => lower(l.args.letter ?? l.args.keyword ?? "");

/** Same id, one "less than A" and one "at least B" with B >= A (and the same subject, if any). */
const thresholds: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  // Relations first: two of the same relation never clash, and comparing them allocates nothing.
  const ra = relationOf(a);
  const rb = relationOf(b);
  if (!ra || !rb || ra.relation === rb.relation) return undefined;
  if (thresholdSubject(a) !== thresholdSubject(b)) return undefined;
  const below = ra.relation === "less than" ? ra : rb.relation === "less than" ? rb : undefined;
  const atLeast = ra.relation === "at least" ? ra : rb.relation === "at least" ? rb : undefined;
  if (below && atLeast && atLeast.n >= below.n) {
    return `fewer than ${below.n} and at least ${atLeast.n} cannot both hold`;
  }
  return undefined;
};

const caseRule: Rule = (a, b) => {
  const lowerAndCapital = (a.id === "change_case:english_lowercase" && b.id === "change_case:english_capital")
    || (a.id === "change_case:english_capital" && b.id === "change_case:english_lowercase");
  return lowerAndCapital ? "a response cannot be all lowercase and all capitals" : undefined;
};

/** A word both required and forbidden. */
const requiredWords = (l: HardLeaf): string[] => {
  if (l.id === "keywords:existence") return strings(l.args.keywords);
  if (l.id === "keywords:frequency" && l.args.relation === "at least" && Number(l.args.frequency) >= 1) return [lower(l.args.keyword)];
  return [];
};
const forbiddenWords = (l: HardLeaf): string[] => (l.id === "keywords:forbidden_words" ? strings(l.args.forbidden_words) : []);

const requiredAndForbidden: Rule = (a, b) => {
  // Only a forbidden-words constraint can clash here; most pairs have none.
  if (a.id !== "keywords:forbidden_words" && b.id !== "keywords:forbidden_words") return undefined;
  const clash = requiredWords(a).find((w) => forbiddenWords(b).includes(w)) ?? requiredWords(b).find((w) => forbiddenWords(a).includes(w));
  return clash !== undefined ? `the word '${excerpt(clash)}' is both required and forbidden` : undefined;
};

const EXACT_COUNT_ARGS: Record<string, string | undefined> = {
  "detectable_format:number_bullet_lists": "num_bullets",
  "length_constraints:number_paragraphs": "num_paragraphs",
};

/** Exact counts that differ. */
const exactCounts: Rule = (a, b) => {
  if (a.id !== b.id) return undefined;
  const key = EXACT_COUNT_ARGS[a.id];
  if (!key || a.args[key] === b.args[key]) return undefined;
  return `exactly ${a.args[key]} and exactly ${b.args[key]} ${key === "num_bullets" ? "bullet points" : "paragraphs"} cannot both hold`;
};

const oneLanguage: Rule = (a, b) =>
  a.id === "language:response_language" && b.id === "language:response_language" && a.args.language !== b.args.language
    ? `the whole response cannot be in both '${excerpt(String(a.args.language))}' and '${excerpt(String(b.args.language))}'` : undefined;

/** The whole response must parse as JSON, so nothing may stand beside it. */
const jsonOnly: Rule = (a, b) => {
  const other = a.id === "detectable_format:json_format" ? b : b.id === "detectable_format:json_format" ? a : undefined;
  if (!other) return undefined;
  const what: Record<string, string> = {
    "detectable_format:title": "a <<title>>",
    "detectable_content:postscript": "a postscript",
    "detectable_format:multiple_sections": "numbered sections",
    "combination:two_responses": "two responses separated by asterisks",
  };
  return what[other.id] ? `a response that is only JSON cannot also have ${what[other.id]}` : undefined;
};

const endings: Rule = (a, b) => {
  if (a.id !== "startend:end_checker" || b.id !== "startend:end_checker") return undefined;
  const x = lower(a.args.end_phrase).trim();
  const y = lower(b.args.end_phrase).trim();
  return x.endsWith(y) || y.endsWith(x) ? undefined : `the response cannot end with both '${excerpt(String(a.args.end_phrase))}' and '${excerpt(String(b.args.end_phrase))}'`;
};

const RULES: Rule[] = [caseRule, thresholds, requiredAndForbidden, exactCounts, oneLanguage, jsonOnly, endings];

const isRequiredWordsId = (id: string): boolean => id === "keywords:existence" || id === "keywords:frequency";
const JSON_EXCLUDED = new Set(["detectable_format:title", "detectable_content:postscript", "detectable_format:multiple_sections", "combination:two_responses"]);

/**
 * Whether `rule` can fire for some pair with these ids: a necessary condition read
 * off each rule above, so skipping a rule that cannot fire changes no result.
 */
function canFire(rule: Rule, a: string, b: string): boolean {
  switch (rule) {
    case caseRule:
      return (a === "change_case:english_lowercase" && b === "change_case:english_capital")
        || (a === "change_case:english_capital" && b === "change_case:english_lowercase");
    case thresholds:
      return a === b && RELATION_ARGS[a] !== undefined;
    case requiredAndForbidden:
      return (isRequiredWordsId(a) && b === "keywords:forbidden_words") || (isRequiredWordsId(b) && a === "keywords:forbidden_words");
    case exactCounts:
      return a === b && EXACT_COUNT_ARGS[a] !== undefined;
    case oneLanguage:
      return a === "language:response_language" && b === "language:response_language";
    case jsonOnly:
      return (a === "detectable_format:json_format" && JSON_EXCLUDED.has(b)) || (b === "detectable_format:json_format" && JSON_EXCLUDED.has(a));
    case endings:
      return a === "startend:end_checker" && b === "startend:end_checker";
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

/** Ids that can contradict each id (besides itself); every rule above is covered. */
const PARTNER_IDS: Record<string, string[]> = {
  "change_case:english_lowercase": ["change_case:english_capital"],
  "change_case:english_capital": ["change_case:english_lowercase"],
  "keywords:existence": ["keywords:forbidden_words"],
  "keywords:frequency": ["keywords:forbidden_words"],
  "keywords:forbidden_words": ["keywords:existence", "keywords:frequency"],
  "detectable_format:json_format": ["detectable_format:title", "detectable_content:postscript", "detectable_format:multiple_sections", "combination:two_responses"],
  "detectable_format:title": ["detectable_format:json_format"],
  "detectable_content:postscript": ["detectable_format:json_format"],
  "detectable_format:multiple_sections": ["detectable_format:json_format"],
  "combination:two_responses": ["detectable_format:json_format"],
};

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
    for (const id of PARTNER_IDS[leaf.id] ?? NO_PARTNERS) {
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

const RELATION_ARGS: Record<string, [relation: string, count: string]> = {
  "length_constraints:number_words": ["relation", "num_words"],
  "length_constraints:number_sentences": ["relation", "num_sentences"],
  "change_case:capital_word_frequency": ["capital_relation", "capital_frequency"],
  "keywords:letter_frequency": ["let_relation", "let_frequency"],
  "keywords:frequency": ["relation", "frequency"],
};

export function relationOf(leaf: HardLeaf): { relation: string; n: number } | undefined {
  const names = RELATION_ARGS[leaf.id];
  if (!names) return undefined;
  const relation = leaf.args[names[0]];
  const n = leaf.args[names[1]];
  return typeof relation === "string" && typeof n === "number" ? { relation, n } : undefined;
}
