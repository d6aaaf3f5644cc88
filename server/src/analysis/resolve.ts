// From syntax to meaning: resolves names and aliases, validates arguments, and
// reports structural mistakes, producing the logic tree. Broken parts are left
// out of the tree (with a diagnostic), so the tree is always well formed.

import type {
  AndNode, CallNode, ConstraintNode, DefineNode, FileNode, IfNode, ItemNode, Range, ScopeNode, SequenceNode, SoftNode,
} from "../../../grammars/src/index.js";
import { findHardType, HARD_TYPES } from "../ifeval/registry.js";
import { excerpt } from "../../../grammars/src/index.js";
import { validateArguments } from "./arguments.js";
import { diagnostic, lazyDiagnostic, type Diagnostic } from "./diagnostic.js";
import { suggest } from "./did-you-mean.js";
import type { LeafNode, LogicNode, ParallelNode } from "./logic.js";
import { isSoftCategory, SOFT_CATEGORIES } from "./soft-categories.js";
import { meaninglessOnItems, resolveScopeHead, withScopes } from "../scopes/resolve-scope.js";
import type { Scope } from "./logic.js";

export interface ResolveOptions {
  /** Structure nesting deeper than this is reported (LSR002). */
  maxDepth: number;
}

export interface NameInfo {
  define: DefineNode;
  leaf: LeafNode | undefined;
  references: Range[];
}

export interface Resolution {
  root: ParallelNode;
  names: Map<string, NameInfo>;
  diagnostics: Diagnostic[];
}

let aliasNames: string[] | undefined;
function allConstraintNames(): string[] {
  aliasNames ??= HARD_TYPES.flatMap((t) => [t.id, ...t.aliases]);
  return aliasNames;
}

// The registry's ~250 names are fixed, so their best suggestions are kept per misspelling (bounded), and 4 MB of
// unknown names stays linear. The best three over registry + defined names are among the registry's best three
// plus the defined names.
const suggestionCache = new Map<string, string[]>();
function registrySuggestions(name: string): string[] {
  let found = suggestionCache.get(name);
  if (found === undefined) {
    found = suggest(name, allConstraintNames());
    if (suggestionCache.size >= 4096) suggestionCache.clear();
    suggestionCache.set(name, found);
  }
  return found;
}

/** A reference from a top-level item to a defined name, in document order. */
export interface ItemReference {
  name: string;
  range: Range;
}

/** Defines alone: the names table and its own diagnostics (what `resolveFile` reports before any item). */
export function resolveDefines(defines: DefineNode[], options: ResolveOptions): { names: Map<string, NameInfo>; diagnostics: Diagnostic[] } {
  const r = new Resolver(options);
  r.collectDefines(defines);
  return { names: r.names, diagnostics: r.diagnostics };
}

/**
 * One top-level item against a names table, as `resolveFile` would resolve it, except that
 * its references are returned instead of being added to the table, and a too-deep structure
 * is always reported (`resolveFile` reports only the first one in the file).
 */
export function resolveTopItem(item: ItemNode, names: Map<string, NameInfo>, options: ResolveOptions):
  { node: LogicNode | undefined; diagnostics: Diagnostic[]; references: ItemReference[] } {
  const references: ItemReference[] = [];
  const r = new Resolver(options, names, references);
  const node = r.item(item, 1);
  return { node, diagnostics: r.diagnostics, references };
}

/** A diagnostic for each define no item refers to, in definition order. */
export function unusedDefines(names: Map<string, NameInfo>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, info] of names) {
    if (info.references.length === 0 && info.define.nameRange) {
      out.push(diagnostic("unusedDefine", info.define.nameRange, `'${excerpt(name)}' is defined but never used.`, { unnecessary: true }));
    }
  }
  return out;
}

export function resolveFile(file: FileNode, options: ResolveOptions): Resolution {
  const r = new Resolver(options);
  r.collectDefines(file.defines);
  const children = r.items(file.items, 1);
  r.reportUnused();
  return { root: { kind: "parallel", children, range: file.range }, names: r.names, diagnostics: r.diagnostics };
}

class Resolver {
  readonly diagnostics: Diagnostic[] = [];
  private depthReported = false;

  constructor(
    private readonly options: ResolveOptions,
    readonly names = new Map<string, NameInfo>(),
    /** When set, references are collected here instead of in `names`. */
    private readonly referenceSink?: ItemReference[],
  ) {}

  collectDefines(defines: DefineNode[]): void {
    for (const define of defines) {
      if (define.name === undefined || define.nameRange === undefined) continue;
      if (this.names.has(define.name)) {
        this.diagnostics.push(diagnostic("duplicateDefine", define.nameRange, `'${excerpt(define.name)}' is already defined.`,
          { related: [{ range: this.names.get(define.name)!.define.nameRange!, message: "first definition" }] }));
        continue;
      }
      if (findHardType(define.name)) {
        this.diagnostics.push(diagnostic("defineShadowsAlias", define.nameRange,
          `'${excerpt(define.name)}' is also a constraint name; in this file it refers to this definition.`));
      }
      this.names.set(define.name, { define, leaf: undefined, references: [] });
    }
    for (const info of this.names.values()) {
      const value = info.define.value;
      if (value === undefined) continue;
      if (value.kind === "call" && this.names.has(value.name) && !value.name.includes(":")) {
        this.diagnostics.push(diagnostic("defineRefersToDefine", value.nameRange,
          `A definition must be a constraint, not another name ('${excerpt(value.name)}').`));
        continue;
      }
      info.leaf = this.constraint(value, false);
    }
  }

  reportUnused(): void {
    for (const d of unusedDefines(this.names)) this.diagnostics.push(d);
  }

  items(items: ItemNode[], depth: number): LogicNode[] {
    // One item (most blocks): an array of one, where a push into [] would reserve 17 slots that
    // stay in the logic tree.
    if (items.length === 1) {
      const node = this.item(items[0], depth);
      return node ? [node] : [];
    }
    const out: LogicNode[] = [];
    for (const item of items) {
      const node = this.item(item, depth);
      if (node) out.push(node);
    }
    return out;
  }

  private checkDepth(range: Range, depth: number): void {
    if (depth > this.options.maxDepth && !this.depthReported) {
      this.depthReported = true;
      this.diagnostics.push(diagnostic("nestingTooDeep", range,
        `Structures nest ${depth} levels deep here; the limit is ${this.options.maxDepth} (setting lsrif.maxNestingDepth).`));
    }
  }

  item(item: ItemNode, depth: number): LogicNode | undefined {
    switch (item.kind) {
      case "call":
      case "soft":
        return this.constraint(item, true);
      case "and":
        this.checkDepth(item.keywordRange ?? item.range, depth);
        return this.block(item, depth, "block");
      case "sequence":
        this.checkDepth(item.range, depth);
        return this.sequence(item, depth);
      case "if":
        this.checkDepth(item.keywordRange, depth);
        return this.conditional(item, depth);
      case "orphan-else":
        this.diagnostics.push(diagnostic("elseWithoutIf", item.keywordRange, "'else' without a preceding 'if' block."));
        return undefined;
      case "scope":
        return this.scoped(item, depth);
    }
  }

  /** A scoped item: its heads resolved (a broken one is reported and left out) in front of the body's own scopes. */
  private scoped(node: ScopeNode, depth: number): LogicNode | undefined {
    const scopes: Scope[] = [];
    for (const head of node.heads) {
      const { scope, diagnostics } = resolveScopeHead(head);
      for (const d of diagnostics) this.diagnostics.push(d);
      if (scope) scopes.push(scope);
    }
    if (node.body === undefined) return undefined;
    const body = node.body.kind === "and" ? this.block(node.body, depth, "scope") : this.item(node.body, depth);
    // A broken scope (reported above) leaves the body out: unscoped it would clash with its neighbours.
    if (body === undefined || scopes.length < node.heads.length) return undefined;
    if (scopes.some((s) => s.selector.kind === "items")) meaninglessOnItems(body, this.diagnostics);
    return withScopes(body, scopes);
  }

  private block(node: AndNode, depth: number, what: string): LogicNode | undefined {
    if (node.items.length === 0) {
      this.diagnostics.push(diagnostic("emptyBlock", node.keywordRange ?? node.range, `Empty ${what}: it has no constraints.`));
      return undefined;
    }
    const children = this.items(node.items, depth + 1);
    if (children.length === 0) return undefined;
    return { kind: "parallel", children, range: node.range };
  }

  private sequence(node: SequenceNode, depth: number): LogicNode | undefined {
    const steps: LogicNode[] = [];
    node.steps.forEach((step, i) => {
      const last = i === node.steps.length - 1;
      if (i === 0 && step.keyword !== "first") {
        this.diagnostics.push(diagnostic("stepWithoutFirst", step.keywordRange,
          `'${step.keyword}' without 'first': a sequence starts with 'first'.`, { replacements: ["first"] }));
      }
      if (step.keyword === "finally" && !last) {
        this.diagnostics.push(diagnostic("finallyNotLast", step.keywordRange, "'finally' must be the last step of its sequence.", { replacements: ["then"] }));
      }
      if (step.body === undefined) {
        this.diagnostics.push(diagnostic("emptyStep", step.keywordRange, `'${step.keyword}' has no step after it.`));
        return;
      }
      const body = step.body.kind === "and" ? this.block(step.body, depth, "step") : this.item(step.body, depth + 1);
      if (body) steps.push(body);
    });
    if (node.steps.length === 1) {
      this.diagnostics.push(diagnostic("oneStepSequence", node.steps[0].keywordRange,
        "A sequence with one step has no order to enforce; add a 'then' step or drop the keyword."));
    }
    if (steps.length === 0) return undefined;
    return { kind: "sequential", steps, range: node.range };
  }

  private conditional(node: IfNode, depth: number): LogicNode | undefined {
    let condition: LogicNode | undefined;
    if (node.condition === undefined) {
      this.diagnostics.push(diagnostic("missingCondition", node.keywordRange, "'if' needs a condition: a constraint checked on the response."));
    } else {
      condition = node.condition.kind === "and" ? this.block(node.condition, depth, "condition") : this.item(node.condition, depth + 1);
    }
    let then: LogicNode | undefined;
    if (node.then === undefined) {
      this.diagnostics.push(diagnostic("missingBranch", node.keywordRange, "'if' needs a branch in braces after its condition."));
    } else {
      then = this.block(node.then, depth, "branch");
    }
    let otherwise: LogicNode | undefined;
    if (node.else === undefined) {
      if (node.elseKeywordRange) {
        this.diagnostics.push(diagnostic("missingBranch", node.elseKeywordRange, "'else' needs a branch in braces."));
      } else if (node.then !== undefined) {
        this.diagnostics.push(diagnostic("ifWithoutElse", node.keywordRange,
          "'if' without 'else': when the condition fails, this block is not applicable and is left out of the score. Add an 'else' branch if something should hold then."));
      }
    } else {
      otherwise = node.else.kind === "if" ? this.conditional(node.else, depth + 1) : this.block(node.else, depth, "branch");
    }
    if (condition === undefined || then === undefined) return undefined;
    return otherwise
      ? { kind: "conditional", condition, then, else: otherwise, range: node.range }
      : { kind: "conditional", condition, then, range: node.range };
  }

  constraint(node: ConstraintNode, allowNames: boolean): LeafNode | undefined {
    return node.kind === "soft" ? this.soft(node) : this.call(node, allowNames);
  }

  private soft(node: SoftNode): LeafNode | undefined {
    if (node.category !== undefined && node.categoryRange && !isSoftCategory(node.category)) {
      const replacements = suggest(node.category, SOFT_CATEGORIES);
      this.diagnostics.push(diagnostic("unknownSoftCategory", node.categoryRange,
        `Unknown soft category '${excerpt(node.category)}'.${replacements.length ? ` Did you mean '${replacements[0]}'?` : ""} Categories: ${SOFT_CATEGORIES.join(", ")}.`,
        { replacements }));
    }
    if (node.text === undefined) {
      this.diagnostics.push(diagnostic("missingSoftText", node.range, "'soft' needs the constraint as text in quotes."));
      return undefined;
    }
    // One literal per shape (fields in the same order as before): adding a field later costs an extra allocation.
    return node.category !== undefined && isSoftCategory(node.category)
      ? { kind: "soft", text: node.text, range: node.range, category: node.category.toLowerCase() }
      : { kind: "soft", text: node.text, range: node.range };
  }

  private call(node: CallNode, allowNames: boolean): LeafNode | undefined {
    const named = allowNames && !node.name.includes(":") ? this.names.get(node.name) : undefined;
    if (named) {
      if (this.referenceSink) this.referenceSink.push({ name: node.name, range: node.nameRange });
      else named.references.push(node.nameRange);
      if (node.args !== undefined) {
        this.diagnostics.push(diagnostic("argumentsOnReference", node.argsRange ?? node.nameRange,
          `'${excerpt(node.name)}' is a defined name; arguments belong in its definition.`));
      }
      return named.leaf ? referenceLeaf(named.leaf, node.name, node.range) : undefined;
    }
    const type = findHardType(node.name);
    if (!type) {
      // `tone "friendly"`: a soft category with its text, the `soft` keyword forgotten.
      const softSlip = isSoftCategory(node.name) && node.args === undefined;
      // Suggestions are worked out when the message is read: only for the diagnostics shown.
      const names = allowNames ? [...this.names.keys()] : [];
      const { name } = node;
      this.diagnostics.push(lazyDiagnostic("unknownConstraint", node.nameRange, () => {
        const fromRegistry = registrySuggestions(name);
        const replacements = softSlip ? [`soft ${name.toLowerCase()}`]
          : allowNames ? suggest(name, [...fromRegistry, ...names]) : [...fromRegistry];
        const hint = softSlip
          ? ` '${excerpt(name)}' is a soft category: write 'soft ${excerpt(name.toLowerCase())} "…"'.`
          : replacements.length ? ` Did you mean ${replacements.map((r) => `'${excerpt(r)}'`).join(", ")}?` : "";
        return {
          message: `Unknown constraint '${excerpt(name)}': not a known instruction id (IFEval, IFBench, IF-RLVR), alias${allowNames ? " or defined name" : ""}.${hint}`,
          data: { replacements },
        };
      }));
      return undefined;
    }
    const { args, diagnostics } = validateArguments(node, type);
    for (const d of diagnostics) this.diagnostics.push(d);
    if (type.approximate !== undefined) {
      this.diagnostics.push(diagnostic("approximateConstraint", node.nameRange,
        `'${type.id}' is checked approximately: ${type.approximate}`));
    }
    if (!args) return undefined;
    return node.text === undefined
      ? { kind: "hard", id: type.id, args, range: node.range }
      : { kind: "hard", id: type.id, args, range: node.range, text: node.text };
  }
}

/**
 * A defined leaf as used at a reference: its fields in the same order a spread
 * would give, with `ref` last. One literal per shape is much cheaper than a spread.
 */
function referenceLeaf(leaf: LeafNode, ref: string, range: Range): LeafNode {
  if (leaf.kind === "soft") {
    return leaf.category === undefined
      ? { kind: "soft", text: leaf.text, range, ref }
      : { kind: "soft", text: leaf.text, range, category: leaf.category, ref };
  }
  return leaf.text === undefined
    ? { kind: "hard", id: leaf.id, args: leaf.args, range, ref }
    : { kind: "hard", id: leaf.id, args: leaf.args, range, text: leaf.text, ref };
}
