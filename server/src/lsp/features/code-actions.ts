// Quick fixes, chosen by diagnostic code (never by message).

import type { CallNode, IfNode, Range } from "../../../../grammars/src/ast.js";
import type { Analysis } from "../../analysis/analyze.js";
import type { Diagnostic } from "../../analysis/diagnostic.js";
import { walkSyntax } from "./syntax-path.js";

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  diagnostic: Diagnostic;
  edits: TextEdit[];
  preferred: boolean;
}

const overlaps = (a: Range, b: Range): boolean => a.start <= b.end && b.start <= a.end;
const same = (a: Range | undefined, b: Range): boolean => a !== undefined && a.start === b.start && a.end === b.end;

export function quickFixes(analysis: Analysis, text: string, range: Range): QuickFix[] {
  const out: QuickFix[] = [];
  const missing = missingByCall(analysis);
  for (const d of analysis.diagnostics) {
    if (!overlaps(d.range, range)) continue;
    for (const fix of fixesFor(d, analysis, text, missing)) out.push({ diagnostic: d, ...fix });
  }
  return out;
}

const rangeKey = (r: Range): string => `${r.start}:${r.end}`;

/** Each call's missing arguments (one LSR012 each, all on the call's range), in one pass. */
function missingByCall(analysis: Analysis): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of analysis.diagnostics) {
    const first = d.code === "LSR012" ? d.data?.replacements?.[0] : undefined;
    if (first === undefined) continue;
    const list = out.get(rangeKey(d.range));
    if (list) list.push(first);
    else out.set(rangeKey(d.range), [first]);
  }
  return out;
}

type Fix = Omit<QuickFix, "diagnostic">;

function replacementFixes(d: Diagnostic, verb: string): Fix[] {
  return (d.data?.replacements ?? []).map((r, i) => ({ title: `${verb} '${r}'`, edits: [{ range: d.range, newText: r }], preferred: i === 0 }));
}

function fixesFor(d: Diagnostic, analysis: Analysis, text: string, missing: Map<string, string[]>): Fix[] {
  switch (d.code) {
    case "LSR010":
      return replacementFixes(d, "Change to").map((f) => (f.edits[0].newText.startsWith("soft ") ? { ...f, title: `Add the missing 'soft': ${f.edits[0].newText}` } : f));
    case "LSR011":
      return replacementFixes(d, "Use");
    case "LSR013":
      return replacementFixes(d, "Rename argument to");
    case "LSR015":
      return replacementFixes(d, "Change category to");
    case "LSR020":
    case "LSR021":
      return replacementFixes(d, "Replace keyword with");
    case "LSR050":
      return replacementFixes(d, "Clamp gamma to");
    case "LSR012":
      return [...missingArgumentFixes(d, analysis), ...allMissingArgumentsFix(d, analysis, missing.get(rangeKey(d.range)) ?? [])];
    case "LSR031":
      return addElseFix(d, analysis, text);
    case "LSR040":
      return [{ title: "Remove duplicate constraint", edits: [{ range: lineAwareDeletion(text, d.range), newText: "" }], preferred: true }];
    case "LSR061": {
      const define = analysis.ast.defines.find((def) => same(def.nameRange, d.range));
      return define ? [{ title: `Remove unused definition '${define.name}'`, edits: [{ range: lineAwareDeletion(text, define.range), newText: "" }], preferred: true }] : [];
    }
    default:
      return [];
  }
}

function findSyntax<T>(analysis: Analysis, match: (node: unknown) => node is T): T | undefined {
  let found: T | undefined;
  walkSyntax(analysis.ast, (node) => {
    if (found === undefined && match(node)) found = node;
  });
  return found;
}

function missingArgumentFixes(d: Diagnostic, analysis: Analysis): Fix[] {
  const call = findSyntax(analysis, (n): n is CallNode =>
    (n as CallNode).kind === "call" && (same((n as CallNode).argsRange, d.range) || same((n as CallNode).nameRange, d.range)));
  if (!call) return [];
  return (d.data?.replacements ?? []).map((arg, i) => {
    let edit: TextEdit;
    if (call.argsRange) {
      const at = call.argsRange.end - 1;
      edit = { range: { start: at, end: at }, newText: call.args && call.args.length > 0 ? `, ${arg}` : arg };
    } else {
      edit = { range: { start: call.nameRange.end, end: call.nameRange.end }, newText: `(${arg})` };
    }
    return { title: `Add argument ${arg}`, edits: [edit], preferred: i === 0 };
  });
}

/**
 * One fix for every missing argument of the call at once (each LSR012 names one). Offered
 * on each of them when two or more are missing; the placeholders are the same as above.
 */
function allMissingArgumentsFix(d: Diagnostic, analysis: Analysis, missing: string[]): Fix[] {
  if (missing.length < 2) return [];
  const call = findSyntax(analysis, (n): n is CallNode =>
    (n as CallNode).kind === "call" && (same((n as CallNode).argsRange, d.range) || same((n as CallNode).nameRange, d.range)));
  if (!call) return [];
  const list = missing.join(", ");
  const edit: TextEdit = call.argsRange
    ? { range: { start: call.argsRange.end - 1, end: call.argsRange.end - 1 }, newText: call.args && call.args.length > 0 ? `, ${list}` : list }
    : { range: { start: call.nameRange.end, end: call.nameRange.end }, newText: `(${list})` };
  return [{ title: `Add all ${missing.length} missing arguments`, edits: [edit], preferred: false }];
}

function addElseFix(d: Diagnostic, analysis: Analysis, text: string): Fix[] {
  const node = findSyntax(analysis, (n): n is IfNode => (n as IfNode).kind === "if" && same((n as IfNode).keywordRange, d.range));
  if (!node?.then) return [];
  const indent = lineIndent(text, node.keywordRange.start);
  const at = node.then.range.end;
  return [{ title: "Add an 'else' branch", edits: [{ range: { start: at, end: at }, newText: ` else {\n${indent}  \n${indent}}` }], preferred: true }];
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Deletes `range`, and its whole line when nothing else is on it. */
export function lineAwareDeletion(text: string, range: Range): Range {
  const start = lineStart(text, range.start);
  let end = range.end;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  const aloneBefore = /^[ \t]*$/.test(text.slice(start, range.start));
  const atLineEnd = end === text.length || text[end] === "\n" || text[end] === "\r";
  if (aloneBefore && atLineEnd) {
    if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
    else if (end < text.length) end += 1;
    return { start, end };
  }
  return { start: range.start, end };
}
