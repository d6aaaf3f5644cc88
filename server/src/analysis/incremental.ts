// Re-analysis after an edit: only the top-level items the edit touches are parsed
// and resolved again; the rest is reused with its ranges moved. The result is
// always what `analyze(text)` gives; whenever that is not certain (syntax errors,
// an edit touching a header, a continuation that could attach differently, ...)
// the whole file is analysed instead.
//
// Ownership: the previous analysis is reused in place (its AST, ranges and names
// table become the new analysis's), so it must not be used after this call.

import type { Comment } from "../../../grammars/src/ast.js";
import { analyze, DEFAULT_MAX_DEPTH, type Analysis, type AnalyzeOptions } from "./analyze.js";
import { CODES } from "./codes.js";
import type { Diagnostic } from "./diagnostic.js";
import { buildState, itemEntry, type IncrementalState } from "./incremental-state.js";
import { findChange, parseWindow } from "./incremental-window.js";
import type { Instruction, LogicNode } from "./logic.js";
import { unusedDefines } from "./resolve.js";
import { checkRootScope, itemScope, type ItemScope } from "./incremental-scopes.js";
import { hasResponseScopes } from "./scope-presence.js";

export interface PreviousVersion {
  text: string;
  analysis: Analysis;
}

export interface Reanalysis {
  analysis: Analysis;
  /** Which path produced it: for tests and measurements. */
  mode: "incremental" | "full";
}

const states = new WeakMap<Analysis, IncrementalState>();

/** `analyze(text, options)`, reusing the analysis of the previous version where the edit left it unchanged. */
export function reanalyze(previous: PreviousVersion, text: string, options: AnalyzeOptions = {}): Analysis {
  return reanalyzeWithMode(previous, text, options).analysis;
}

export function reanalyzeWithMode(previous: PreviousVersion, text: string, options: AnalyzeOptions = {}): Reanalysis {
  try {
    const analysis = incremental(previous, text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
    if (analysis) return { analysis, mode: "incremental" };
  } catch {
    // Never throws: anything unexpected is left to the full analysis below.
  }
  return { analysis: analyze(text, options), mode: "full" };
}

const SYNTAX = CODES.syntax.code;
const INTERNAL = CODES.internalError.code;
const NESTING = CODES.nestingTooDeep.code;

function incremental(previous: PreviousVersion, text: string, maxDepth: number): Analysis | undefined {
  const prev = previous.analysis;
  if (prev.diagnostics.some((d) => d.code === SYNTAX || d.code === INTERNAL)) return undefined;
  const change = findChange(previous.text, text);
  if (change === undefined) return undefined;
  let state = states.get(prev);
  if (state === undefined || state.maxDepth !== maxDepth) state = buildState(prev.ast, maxDepth);
  const window = parseWindow(previous.text, text, change, state.entries);
  if (window === undefined) return undefined;
  const itemsBefore = state.entries.reduce((n, e) => n + (e.isItem ? 1 : 0), 0);
  if (itemsBefore - window.count + window.items.length === 0) return undefined; // "no constraints" is the full path's

  const fresh = window.items.map((item) => itemEntry(item, state.names, maxDepth, new Set<object>()));
  // Response scopes are checked per scope by the full analysis only.
  if (hasResponseScopes(prev.instruction.root) || fresh.some((e) => hasResponseScopes(e.logic))) return undefined;

  // Nothing has been changed so far; from here on the previous analysis is reused in place.
  const delta = text.length - previous.text.length;
  const { entries } = state;
  for (let i = window.first + window.count; i < entries.length; i++) {
    for (const r of entries[i].ranges) {
      r.start += delta;
      r.end += delta;
    }
  }
  entries.splice(window.first, window.count, ...fresh);
  const ast = prev.ast;
  spliceComments(ast.comments, window.oldStart, window.oldEnd, delta, window.comments);
  ast.range = { start: 0, end: text.length };

  const analysis = assemble(state, prev, text.length);
  states.delete(prev);
  states.set(analysis, state);
  return analysis;
}

/** Replaces the comments in the old window with the window's, and moves the later ones. */
function spliceComments(comments: Comment[], oldStart: number, oldEnd: number, delta: number, replacement: Comment[]): void {
  const from = firstStartingAtOrAfter(comments, oldStart);
  const to = firstStartingAtOrAfter(comments, oldEnd);
  for (let i = to; i < comments.length; i++) {
    comments[i].range.start += delta;
    comments[i].range.end += delta;
  }
  comments.splice(from, to - from, ...replacement);
}

function firstStartingAtOrAfter(comments: Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].range.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The analysis from the state's entries, in the same order and shape `analyze` builds it. */
function assemble(state: IncrementalState, prev: Analysis, textLength: number): Analysis {
  const ast = prev.ast;
  const items = [];
  const children: LogicNode[] = [];
  const scopes: ItemScope[] = [];
  for (const info of state.names.values()) info.references = [];
  const diagnostics: Diagnostic[] = [...state.headerDiagnostics];
  let depthReported = false;
  for (const entry of state.entries) {
    if (!entry.isItem) continue;
    items.push(entry.node as (typeof ast.items)[number]);
    if (entry.logic) children.push(entry.logic);
    scopes.push((entry.scope ??= itemScope(entry.logic)));
    for (const ref of entry.references) state.names.get(ref.name)?.references.push(ref.range);
    for (const d of entry.diagnostics) {
      if (d.code === NESTING) {
        if (depthReported) continue;
        depthReported = true;
      }
      diagnostics.push(d);
    }
  }
  ast.items = items;
  for (const d of unusedDefines(state.names)) diagnostics.push(d);
  const instruction: Instruction = { gamma: state.gamma, root: { kind: "parallel", children, range: { start: 0, end: textLength } } };
  const prompt = ast.prompts[0]?.text;
  if (prompt !== undefined) instruction.prompt = prompt;
  for (const d of checkRootScope(scopes)) diagnostics.push(d);
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { ast, instruction, names: state.names, diagnostics, hasErrors: diagnostics.some((d) => d.severity === "error") };
}
