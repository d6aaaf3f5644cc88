// Turns written arguments into IFEval kwargs and validates them with the
// constraint type's zod schema, reporting each problem at the argument it concerns.

import type { ArgValue, Argument, CallNode } from "../../../grammars/src/index.js";
import { excerpt } from "../../../grammars/src/index.js";
import { describeArgs, type HardConstraintType } from "../ifeval/registry.js";
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { suggest } from "./did-you-mean.js";

export function argValueToJs(value: ArgValue): unknown {
  switch (value.kind) {
    case "number":
      return value.value;
    case "string":
    case "word":
      return value.value;
    case "list":
      return value.items.map(argValueToJs);
  }
}

/** Tells apart every written value that could validate differently (numbers by their text: `-0` is not `0`). */
function valueKey(value: ArgValue): string {
  switch (value.kind) {
    case "number":
      return value.raw;
    case "string":
    case "word":
      // Length-prefixed, so no text can pass for another key; cheaper than JSON.stringify.
      return `"${value.value.length}:${value.value}`;
    case "list":
      return `[${value.items.map(valueKey).join(",")}]`;
  }
}

export interface ValidatedArgs {
  args: Record<string, unknown> | undefined;
  /** Shared and frozen when empty: do not add to it. */
  diagnostics: readonly Diagnostic[];
}

type ArgSpec = ReturnType<typeof describeArgs>[number];

interface TypeArgInfo {
  specs: ArgSpec[];
  known: Set<string>;
}

// describeArgs converts the zod schema to JSON Schema: done once per type.
const argInfoByType = new Map<HardConstraintType, TypeArgInfo>();

function argInfo(type: HardConstraintType): TypeArgInfo {
  let info = argInfoByType.get(type);
  if (info === undefined) {
    const specs = describeArgs(type);
    info = { specs, known: new Set(specs.map((s) => s.name)) };
    argInfoByType.set(type, info);
  }
  return info;
}

/**
 * Valid results by type and written arguments: the same arguments always
 * validate the same way, and large files repeat them. The results and their
 * kwargs objects are shared between leaves, so nobody may mutate them. Bounded;
 * cleared when full. A tree with one level per argument (name, then the value
 * within its kind), so a lookup builds no key string.
 */
interface CacheNode {
  result: ValidatedArgs | undefined;
  byName: Map<string, ValueBranches> | undefined;
}
type ValueBranches = Partial<Record<ArgValue["kind"], Map<string, CacheNode>>>;

const validCache = new Map<HardConstraintType, CacheNode>();
let cachedResults = 0;
const MAX_CACHED_KWARGS = 10_000;
const NO_DIAGNOSTICS: Diagnostic[] = [];
Object.freeze(NO_DIAGNOSTICS);

/** A written value's key among values of its kind: numbers by their text (`-0` is not `0`). */
function keyWithinKind(value: ArgValue): string {
  return value.kind === "number" ? value.raw : value.kind === "list" ? valueKey(value) : value.value;
}

const newCacheNode = (): CacheNode => ({ result: undefined, byName: undefined });

/**
 * The cache node of written arguments that are all known, distinct and valued
 * (undefined for others). Without `create`, also undefined when nothing is cached for them.
 */
function cacheNode(type: HardConstraintType, argNodes: Argument[], known: Set<string>, create: boolean): CacheNode | undefined {
  let node: CacheNode | undefined = validCache.get(type);
  if (node === undefined) {
    if (!create) return undefined;
    validCache.set(type, (node = newCacheNode()));
  }
  for (let i = 0; i < argNodes.length; i++) {
    const arg = argNodes[i];
    const value = arg.value;
    if (value === undefined || !known.has(arg.name)) return undefined;
    for (let j = 0; j < i; j++) if (argNodes[j].name === arg.name) return undefined;
    let branches: ValueBranches | undefined = node.byName?.get(arg.name);
    if (branches === undefined) {
      if (!create) return undefined;
      (node.byName ??= new Map()).set(arg.name, (branches = {}));
    }
    let values: Map<string, CacheNode> | undefined = branches[value.kind];
    if (values === undefined) {
      if (!create) return undefined;
      values = branches[value.kind] = new Map();
    }
    const key = keyWithinKind(value);
    let next: CacheNode | undefined = values.get(key);
    if (next === undefined) {
      if (!create) return undefined;
      values.set(key, (next = newCacheNode()));
    }
    node = next;
  }
  return node;
}

function remember(type: HardConstraintType, argNodes: Argument[], known: Set<string>, result: ValidatedArgs): void {
  if (cachedResults >= MAX_CACHED_KWARGS) {
    validCache.clear();
    cachedResults = 0;
  }
  const node = cacheNode(type, argNodes, known, true);
  if (node === undefined || node.result !== undefined) return;
  node.result = result;
  cachedResults++;
}

export function validateArguments(call: CallNode, type: HardConstraintType): ValidatedArgs {
  const { specs, known } = argInfo(type);
  const argNodes = call.args ?? [];
  // Only successes are cached: failures carry ranges of this call.
  const cached = cacheNode(type, argNodes, known, false)?.result;
  if (cached !== undefined) return cached;

  const diagnostics: Diagnostic[] = [];
  const raw: Record<string, unknown> = {};
  for (const arg of argNodes) {
    if (!known.has(arg.name)) {
      const replacements = suggest(arg.name, known);
      const hint = replacements.length ? ` Did you mean ${replacements.map((r) => `'${excerpt(r)}'`).join(" or ")}?` : "";
      const expected = specs.length ? ` It takes: ${specs.map((s) => s.name).join(", ")}.` : " It takes no arguments.";
      diagnostics.push(diagnostic("unknownArgument", arg.nameRange, `Unknown argument '${excerpt(arg.name)}' for ${type.id}.${hint}${expected}`, { replacements }));
      continue;
    }
    if (arg.name in raw) {
      diagnostics.push(diagnostic("invalidArgument", arg.range, `Argument '${excerpt(arg.name)}' is given twice.`));
      continue;
    }
    if (arg.value === undefined) {
      diagnostics.push(diagnostic("invalidArgument", arg.range, `Argument '${excerpt(arg.name)}' has no value.`));
      continue;
    }
    raw[arg.name] = argValueToJs(arg.value);
  }
  if (diagnostics.length > 0) return { args: undefined, diagnostics };

  const parsed = type.schema.safeParse(raw);
  if (parsed.success) {
    const result: ValidatedArgs = { args: parsed.data as Record<string, unknown>, diagnostics: NO_DIAGNOSTICS };
    remember(type, argNodes, known, result);
    return result;
  }

  for (const issue of parsed.error.issues) {
    const name = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const spec = specs.find((s) => s.name === name);
    const node = argNodes.find((a) => a.name === name);
    const form = spec ? describeExpected(spec) : "";
    if (name !== undefined && node === undefined) {
      diagnostics.push(diagnostic("missingArgument", call.argsRange ?? call.nameRange,
        `${type.id} needs argument '${name}'${form ? ` (${form})` : ""}.`, { replacements: [`${name}: ${placeholderFor(spec)}`] }));
    } else if (node !== undefined) {
      const got = node.value ? ` (got ${excerpt(JSON.stringify(argValueToJs(node.value)))})` : "";
      const fix = spec && node.value ? shapeFix(spec, node.value) : undefined;
      const message = spec?.values?.length
        ? `'${node.name}' must be one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}${got}.`
        : fix ? `'${node.name}' ${fix.why}.`
          : `'${node.name}' ${plainIssue(issue, spec)}${got}${form ? `; expected ${form}` : ""}.`;
      diagnostics.push(diagnostic("invalidArgument", node.value?.range ?? node.range, message,
        spec?.values ? { replacements: spec.values.map((v) => JSON.stringify(v)) } : fix ? { replacements: [fix.replacement] } : undefined));
    } else {
      diagnostics.push(diagnostic("invalidArgument", call.argsRange ?? call.nameRange, `Invalid arguments for ${type.id}: ${issue.message}.`));
    }
  }
  return { args: undefined, diagnostics };
}

/**
 * The two common slips in argument values, with the text that fixes them: a number
 * written as a string (`num_words: "120"`) and a single string where a list is expected
 * (`keywords: "beta"`).
 */
function shapeFix(spec: ArgSpec, value: NonNullable<Argument["value"]>): { why: string; replacement: string } | undefined {
  if ((spec.type === "integer" || spec.type === "number") && value.kind === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value)) {
    const number = value.value.trim();
    return { why: `is a number, written without quotes: ${number}, not "${number}"`, replacement: number };
  }
  if (spec.type.endsWith("[]") && value.kind === "string") {
    const list = `[${JSON.stringify(value.value)}]`;
    return { why: `takes a list, even of one: ${list}`, replacement: list };
  }
  return undefined;
}

/** A zod issue in plain words ("must be a whole number"), not schema text ("invalid input: expected number"). */
function plainIssue(issue: { code: string; message: string; minimum?: unknown; maximum?: unknown }, spec: ArgSpec | undefined): string {
  const expected: Record<string, string> = {
    integer: "must be a whole number", number: "must be a number", string: "must be text in quotes", boolean: "must be true or false",
    "string[]": "must be a list of texts in quotes, like [\"a\", \"b\"]",
  };
  if (issue.code === "invalid_type") return expected[spec?.type ?? ""] ?? `must be ${spec?.type ?? "a different kind of value"}`;
  if (issue.code === "too_small" && issue.minimum !== undefined) return spec?.type.endsWith("[]") ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}` : `must be at least ${String(issue.minimum)}`;
  if (issue.code === "too_big" && issue.maximum !== undefined) return `must be at most ${String(issue.maximum)}`;
  return `is not valid: ${lowerFirst(issue.message)}`;
}

function describeExpected(spec: ArgSpec): string {
  if (spec.values?.length) return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
  const description = spec.description?.replace(/\.$/, "");
  return description ? `${spec.type}, ${lowerFirst(description)}` : spec.type;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function placeholderFor(spec: ArgSpec | undefined): string {
  if (!spec) return '""';
  if (spec.values?.length) return JSON.stringify(spec.values[0]);
  if (spec.type === "integer" || spec.type === "number") return "1";
  if (spec.type === "array") return '[""]';
  return '""';
}
