// Checks across constraints that must hold together: duplicates, contradictions,
// and conditions that are decided before any response is seen.
//
// A scope is everything reached through Parallel and Sequential nodes (all of it
// must hold). A conditional branch opens a new scope that also inherits the
// enclosing one; the two branches of one If never meet.

import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { ContradictionIndex, relationOf } from "./contradictions.js";
import type { Range } from "../../../grammars/src/index.js";
import type { ConditionalNode, LeafNode, LogicNode, Scope } from "./logic.js";

export function checkScopes(root: LogicNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkScope(root, new ContradictionIndex(), [], out);
  return out;
}

// Response scopes (`in paragraph 1 { ... }`, docs/language.md) check their constraints on
// other text, so they never meet the enclosing constraints: each distinct chain of scopes
// is a check scope of its own, shared by every node with the same chain.

/** Identity of a chain of response scopes, e.g. `in paragraphs(1,1)/each items(any,1,-1)`. */
export function responseScopesKey(scopes: readonly Scope[] | undefined): string {
  if (!scopes || scopes.length === 0) return "";
  return scopes.map((s) => `${s.quantifier} ${stableJson(s.selector)}`).join("/");
}

function checkResponseScopes(scoped: LogicNode[], prefix: string, out: Diagnostic[]): void {
  if (scoped.length === 0) return;
  const groups = new Map<string, LogicNode[]>();
  for (const node of scoped) {
    const key = `${prefix}/${responseScopesKey(node.scopes)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(node);
  }
  for (const [key, nodes] of groups) {
    const inside: LogicNode = { kind: "parallel", children: nodes.map((n) => ({ ...n, scopes: undefined }) as LogicNode) };
    checkScope(inside, new ContradictionIndex(), [], out, key);
  }
}

export interface KnownCondition {
  key: string;
  holds: boolean;
}

function checkScope(node: LogicNode, inherited: ContradictionIndex, conditions: KnownCondition[], out: Diagnostic[], prefix = ""): void {
  const leaves: LeafNode[] = [];
  const conditionals: ConditionalNode[] = [];
  const scoped: LogicNode[] = [];
  collect(node.scopes ? { ...node, scopes: undefined } as LogicNode : node, leaves, conditionals, scoped);

  const seen = new Map<string, LeafNode>();
  for (const leaf of leaves) {
    const key = leafKey(leaf);
    const first = seen.get(key);
    if (first && leaf.range) {
      out.push(duplicateDiagnostic(leaf.range, first));
    } else {
      seen.set(key, leaf);
    }
  }

  const partners = new ContradictionIndex(inherited);
  for (const leaf of leaves) {
    if (leaf.kind !== "hard") continue;
    const found = partners.find(leaf);
    if (found && leaf.range) out.push(contradictionDiagnostic(leaf.range, found));
    partners.add(leaf);
  }

  for (const c of conditionals) checkConditional(c, partners, conditions, out, prefix);
  checkResponseScopes(scoped, prefix, out);
}

/** A conditional in a scope whose constraints are in `partners`: whether its condition is decided, then its branches. */
export function checkConditional(c: ConditionalNode, partners: ContradictionIndex, conditions: KnownCondition[], out: Diagnostic[], prefix = ""): void {
  const key = nodeKey(c.condition);
  const known = conditions.find((k) => k.key === key);
  const decided = known?.holds ?? decideCondition(c.condition);
  if (decided !== undefined && c.condition.range) {
    const why = known ? "an enclosing 'if' already decided the same condition" : "its threshold is met or missed by every response";
    out.push(decided
      ? diagnostic("conditionAlwaysHolds", c.condition.range, `This condition always holds (${why}), so the 'else' branch never applies.`)
      : diagnostic("conditionNeverHolds", c.condition.range, `This condition never holds (${why}), so its branch never applies.`));
  }
  checkScope(c.then, partners, [...conditions, { key, holds: true }], out, prefix);
  if (c.else) checkScope(c.else, partners, [...conditions, { key, holds: false }], out, prefix);
}

/**
 * The leaves of `node`'s scope and the conditionals that open scopes of their own, in order.
 * With `scoped`, nodes with response scopes are gathered there instead of being entered.
 */
export function collect(node: LogicNode, leaves: LeafNode[], conditionals: ConditionalNode[], scoped?: LogicNode[]): void {
  if (scoped && node.scopes && node.scopes.length > 0) {
    scoped.push(node);
    return;
  }
  switch (node.kind) {
    case "hard":
    case "soft":
      leaves.push(node);
      return;
    // Loops, not forEach: a closure per node was a sixteenth of what checking deep blocks allocated.
    case "parallel":
      for (const c of node.children) collect(c, leaves, conditionals, scoped);
      return;
    case "sequential":
      for (const c of node.steps) collect(c, leaves, conditionals, scoped);
      return;
    case "conditional":
      conditionals.push(node);
      return;
  }
}

/** Identity of a constraint's meaning: canonical id with sorted arguments, or normalised soft text. */
export function leafKey(leaf: LeafNode): string {
  if (leaf.kind === "soft") return `soft:${collapseWhitespace(leaf.text.trim().toLowerCase())}`;
  return hardKey(leaf.id, leaf.args);
}

/** Whitespace other than single plain spaces: only then does collapsing change the text. */
const UNCOLLAPSED = /[^\S ]| {2}/;

function collapseWhitespace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, " ") : text;
}

// Validated kwargs objects are shared by every leaf with the same arguments
// (see arguments.ts) and never mutated, so their key is computed once.
const hardKeys = new WeakMap<Record<string, unknown>, { id: string; key: string }>();

function hardKey(id: string, args: Record<string, unknown>): string {
  const cached = hardKeys.get(args);
  if (cached !== undefined && cached.id === id) return cached.key;
  const key = `hard:${id}:${stableJson(args)}`;
  hardKeys.set(args, { id, key });
  return key;
}

function nodeKey(node: LogicNode): string {
  const scopes = responseScopesKey(node.scopes);
  return scopes === "" ? unscopedNodeKey(node) : `${scopes}:${unscopedNodeKey(node)}`;
}

function unscopedNodeKey(node: LogicNode): string {
  switch (node.kind) {
    case "hard":
    case "soft":
      return leafKey(node);
    case "parallel":
      return `and(${node.children.map(nodeKey).join(",")})`;
    case "sequential":
      return `seq(${node.steps.map(nodeKey).join(",")})`;
    case "conditional":
      return `if(${nodeKey(node.condition)},${nodeKey(node.then)},${node.else ? nodeKey(node.else) : ""})`;
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Count thresholds that every non-empty response meets ("at least 0") or misses ("less than 0"). */
function decideCondition(node: LogicNode): boolean | undefined {
  // On a scope the selected text may be missing, and then even "at least 0" fails.
  if (node.kind !== "hard" || node.scopes) return undefined;
  const rel = relationOf(node);
  if (!rel) return undefined;
  if (rel.relation === "at least" && rel.n <= 0) return true;
  if (rel.relation === "less than" && rel.n <= 0) return false;
  return undefined;
}

/** LSR040 on a repeated constraint, pointing at its first occurrence. */
export function duplicateDiagnostic(range: Range, first: LeafNode): Diagnostic {
  return diagnostic("duplicateConstraint", range, "This constraint is already required in the same scope; the duplicate only doubles its weight.",
    first.range ? { related: [{ range: first.range, message: "first occurrence" }] } : undefined);
}

/** LSR041 on a constraint that cannot hold together with `found.other`. */
export function contradictionDiagnostic(range: Range, found: { other: LeafNode; why: string }): Diagnostic {
  return diagnostic("contradiction", range, `Contradicts another constraint that must hold at the same time: ${found.why}.`,
    found.other.range ? { related: [{ range: found.other.range, message: "the other constraint" }] } : undefined);
}
