// LsrInstruct JSON -> logic tree. Every problem becomes an error with the JSON path
// and the line/column of the offending value; nothing throws.

import type { z } from "zod";
import { excerpt, oneLine } from "../../../grammars/src/index.js";
import { LineIndex } from "../../../grammars/src/index.js";
import { MAX_DIAGNOSTICS } from "../analysis/diagnostic-cap.js";
import { DEFAULT_GAMMA, type Instruction, type LeafNode, type LogicNode, type Scope } from "../analysis/logic.js";
import { isSoftCategory, SOFT_CATEGORIES } from "../analysis/soft-categories.js";
import { findHardType } from "../ifeval/registry.js";
import { lineColumnAt, parseJsonLazyPositions, pathKey, type JsonPath, type PositionedJson } from "./json-positions.js";
import { AtomicConstraintSchema, ShallowCompositeSchema, ShallowDocumentSchema } from "./lsrinstruct-schema.js";
import { importBenchmarkRow, isBenchmarkRow } from "./benchmark-rows.js";

export interface ImportError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface ImportResult {
  instruction: Instruction | undefined;
  errors: ImportError[];
}

/** An import plus the document's `id` field (used by JSONL). */
export interface DocumentImport extends ImportResult {
  id: string | undefined;
}

/** Imports one JSON document; `text` is the whole document. */
export function importDocument(text: string): DocumentImport {
  try {
    const parsed = parseJsonLazyPositions(text);
    if (!parsed.ok) {
      return { id: undefined, instruction: undefined, errors: [{ message: oneLine(`JSON syntax error: ${parsed.message}`), ...lineColumnAt(text, parsed.offset) }] };
    }
    // IFEval / IFBench / IF-RLVR dataset rows are instructions too (an And of their constraints).
    if (isBenchmarkRow(parsed.json.value)) return importBenchmarkRow(text, parsed.json);
    return new Converter(text, parsed.json).document();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: undefined, instruction: undefined, errors: [{ message: `Internal error while importing: ${message}`, line: 1, column: 1 }] };
  }
}

type Path = (string | number)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `composite_constraints[0].composite_constraint.sub_constraints.c1` */
function describePath(path: JsonPath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out === "" ? "(top level)" : out;
}

class Converter {
  private readonly errors: ImportError[] = [];
  /** Built on the first error: one index for all of them (a scan from offset 0 per error was quadratic). */
  private lines: LineIndex | undefined;
  private omitted = 0;

  constructor(private readonly text: string, private readonly json: PositionedJson) {}

  document(): DocumentImport {
    const doc = this.validate(ShallowDocumentSchema, this.json.value, []);
    if (!doc) return { id: undefined, instruction: undefined, errors: this.reported() };
    const id = doc.id === undefined ? undefined : String(doc.id);
    if (doc.composite_constraints.length === 0) {
      this.error(["composite_constraints"], "there are no constraints");
    }
    const children: LogicNode[] = [];
    doc.composite_constraints.forEach((item, i) => {
      const node = this.topLevelItem(item, ["composite_constraints", i]);
      if (node) children.push(node);
    });
    if (this.errors.length > 0) return { id, instruction: undefined, errors: this.reported() };
    const instruction: Instruction = { gamma: doc.gamma ?? DEFAULT_GAMMA, root: { kind: "parallel", children } };
    if (doc.prompt !== undefined) instruction.prompt = doc.prompt;
    return { id, instruction, errors: [] };
  }

  private topLevelItem(item: unknown, path: Path): LogicNode | undefined {
    if (isPlainObject(item) && "composite_constraint" in item) {
      const node = this.subConstraint(item.composite_constraint, [...path, "composite_constraint"]);
      // Export wraps a top-level leaf in a one-child And; unwrapping keeps round trips stable (its scopes go to the child).
      if (node?.kind !== "parallel" || node.children.length !== 1) return node;
      const child = node.children[0];
      return node.scopes ? { ...child, scopes: [...node.scopes, ...(child.scopes ?? [])] } : child;
    }
    if (isPlainObject(item) && "constraint" in item) return this.atomic(item, path);
    this.error(path, 'expected {"composite_constraint": {...}} or an atomic {"constraint": "..."}');
    return undefined;
  }

  private subConstraint(value: unknown, path: Path): LogicNode | undefined {
    if (!isPlainObject(value)) {
      this.error(path, "expected an object: a constraint or a {type, sub_constraints} node");
      return undefined;
    }
    return "type" in value || "sub_constraints" in value ? this.composite(value, path) : this.atomic(value, path);
  }

  private composite(value: unknown, path: Path): LogicNode | undefined {
    const node = this.validate(ShallowCompositeSchema, value, path);
    if (!node) return undefined;
    const subPath = [...path, "sub_constraints"];
    const entries = Object.entries(node.sub_constraints)
      .map(([key, child]) => ({ key, number: Number(key.slice(1)), child }))
      .sort((a, b) => a.number - b.number);
    if (entries.length === 0) {
      this.error(subPath, `a${node.type === "And" ? "n" : ""} ${node.type} needs at least one sub-constraint`);
      return undefined;
    }
    if (node.type === "Selection") return this.selection(entries, subPath, node.scope);

    let complete = true;
    const children: LogicNode[] = [];
    for (const { key, child } of entries) {
      const converted = this.subConstraint(child, [...subPath, key]);
      if (converted) children.push(converted);
      else complete = false;
    }
    if (!complete) return undefined;
    const converted: LogicNode = node.type === "And" ? { kind: "parallel", children } : { kind: "sequential", steps: children };
    if (node.scope) converted.scopes = node.scope;
    return converted;
  }

  private selection(entries: { key: string; number: number; child: unknown }[], subPath: Path, scope: readonly Scope[] | undefined): LogicNode | undefined {
    for (const { key, number } of entries) {
      if (number > 3) this.error([...subPath, key], `a Selection has c1 (condition), c2 (if true) and c3 (if false); '${key}' is not allowed`);
    }
    const byKey = new Map(entries.map((e) => [e.key, e.child]));
    for (const key of ["c1", "c2"]) {
      if (!byKey.has(key)) this.error(subPath, `a Selection needs ${key} (${key === "c1" ? "the condition" : "the branch taken when it holds"})`);
    }
    const convert = (key: string): LogicNode | undefined => (byKey.has(key) ? this.subConstraint(byKey.get(key), [...subPath, key]) : undefined);
    const condition = convert("c1");
    const then = convert("c2");
    const otherwise = convert("c3");
    if (!condition || !then || (byKey.has("c3") && !otherwise) || entries.some((e) => e.number > 3)) return undefined;
    const node: LogicNode = otherwise ? { kind: "conditional", condition, then, else: otherwise } : { kind: "conditional", condition, then };
    if (scope) node.scopes = scope;
    return node;
  }

  private atomic(value: unknown, path: Path): LeafNode | undefined {
    const atom = this.validate(AtomicConstraintSchema, value, path);
    if (!atom) return undefined;
    const kwargs = Object.fromEntries(Object.entries(atom.kwargs ?? {}).filter(([, v]) => v !== null));
    const errorsBefore = this.errors.length;
    if (atom.instruction_id === undefined) {
      if (Object.keys(kwargs).length > 0) this.error([...path, "kwargs"], "kwargs without an instruction_id: a soft constraint takes no arguments");
      if (atom.constraint.trim() === "") this.error([...path, "constraint"], "the constraint text is empty");
      const category = atom.category;
      if (category !== undefined && !isSoftCategory(category)) {
        this.error([...path, "category"], `unknown soft category '${excerpt(category)}'; categories: ${SOFT_CATEGORIES.join(", ")}`);
      }
      if (this.errors.length > errorsBefore) return undefined;
      const leaf: LeafNode = { kind: "soft", text: atom.constraint };
      if (category !== undefined) leaf.category = category.toLowerCase();
      if (atom.scope) leaf.scopes = atom.scope;
      return leaf;
    }

    const type = findHardType(atom.instruction_id);
    if (!type) {
      this.error([...path, "instruction_id"], `unknown instruction_id '${excerpt(atom.instruction_id)}': not a known instruction id (IFEval, IFBench, IF-RLVR) or alias`);
      return undefined;
    }
    if (atom.category !== undefined) this.error([...path, "category"], "category applies to soft constraints only");
    const args = this.validate(type.schema, kwargs, [...path, "kwargs"], `${type.id}: `);
    if (args === undefined || atom.category !== undefined) return undefined;
    const leaf: LeafNode = { kind: "hard", id: type.id, args: args as Record<string, unknown> };
    if (atom.constraint.trim() !== "") leaf.text = atom.constraint;
    if (atom.scope) leaf.scopes = atom.scope;
    return leaf;
  }

  /** Parses with a schema, reporting each issue at the deepest value that exists on its path. */
  private validate<T extends z.ZodType>(schema: T, value: unknown, path: Path, prefix = ""): z.infer<T> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const full: Path = [...path, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
      const present = this.json.offsets.has(pathKey(full)) || full.length === path.length;
      const message = issue.code === "invalid_key" ? `'${String(issue.path.at(-1))}' is not a sub-constraint key (c1, c2, c3, ...)` : issue.message;
      this.error(full, `${prefix}${present ? message : `required but missing (${message})`}`);
    }
    return undefined;
  }

  /** The errors, at most MAX_DIAGNOSTICS of them, then one "… and N more" (as for .lsr diagnostics). */
  private reported(): ImportError[] {
    if (this.omitted === 0) return this.errors;
    const last = this.errors[this.errors.length - 1];
    const more = `… and ${this.omitted} more error${this.omitted === 1 ? "" : "s"} not shown: only the first ${MAX_DIAGNOSTICS} are listed`;
    return [...this.errors, { message: more, line: last.line, column: last.column }];
  }

  private error(path: Path, message: string): void {
    if (this.errors.length >= MAX_DIAGNOSTICS) {
      this.omitted++;
      return;
    }
    let probe: Path = path;
    while (probe.length > 0 && !this.json.offsets.has(pathKey(probe))) probe = probe.slice(0, -1);
    const offset = this.json.offsets.get(pathKey(probe)) ?? 0;
    this.lines ??= new LineIndex(this.text);
    const position = this.lines.positionAt(offset);
    this.errors.push({ message: oneLine(`${describePath(path)}: ${message}`), line: position.line + 1, column: position.character + 1 });
  }
}
