// Re-analysis after an edit: only the top-level items the edit touches are parsed
// and resolved again; the entries before the edit are shared with the previous
// version and the ones after it are moved copies (incremental-shift.ts). The result
// is always what `analyze(text)` gives; whenever that is not certain (syntax errors,
// an edit touching a header, a continuation that could attach differently, ...)
// the whole file is analysed instead.
//
// Ownership: nothing of the previous analysis is written to. It stays a valid value
// for whoever still holds it (a hover, a scoring run, a cache).

import type { Comment, FileNode, ItemNode } from "../../../grammars/src/index.js";
import { partitionPoint } from "../../../grammars/src/index.js";
import { analyze, DEFAULT_MAX_DEPTH, type Analysis, type AnalyzeOptions } from "./analyze.js";
import { CODES } from "./codes.js";
import type { Diagnostic } from "./diagnostic.js";
import { capDiagnostics, omitsSyntaxErrors } from "./diagnostic-cap.js";
import { buildState, itemEntry, type Entry, type IncrementalState } from "./incremental-state.js";
import { shifted } from "./incremental-shift.js";
import { findChange, parseWindow } from "./incremental-window.js";
import type { Instruction, LogicNode } from "./logic.js";
import { unusedDefines, type NameInfo } from "./resolve.js";
import { checkRootScope, itemScope, movedScope, type ItemScope } from "./incremental-scopes.js";
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
  if (omitsSyntaxErrors(prev.diagnostics) || prev.diagnostics.some((d) => d.code === SYNTAX || d.code === INTERNAL)) return undefined;
  const change = findChange(previous.text, text);
  if (change === undefined) return undefined;
  let state = states.get(prev);
  if (state === undefined || state.maxDepth !== maxDepth) state = buildState(prev.ast, maxDepth);
  const window = parseWindow(previous.text, text, change, state.entries);
  if (window === undefined) return undefined;
  const itemsBefore = state.entries.reduce((n, e) => n + (e.isItem ? 1 : 0), 0);
  if (itemsBefore - window.count + window.items.length === 0) return undefined; // "no constraints" is the full path's

  const fresh = window.items.map((item) => itemEntry(item, state.names, maxDepth));
  // Response scopes are checked per scope by the full analysis only.
  if (hasResponseScopes(prev.instruction.root) || fresh.some((e) => hasResponseScopes(e.logic))) return undefined;
  const delta = text.length - previous.text.length;
  // Everything at or after the old window's end moves; the window's start is the same in both texts.
  const at = window.oldEnd;
  const entries: Entry[] = state.entries.slice(0, window.first);
  for (const entry of fresh) entries.push(entry);
  const movedDefines = new Map<object, object>();
  for (let i = window.first + window.count; i < state.entries.length; i++) {
    const moved = moveEntry(state.entries[i], at, delta);
    if (moved.node.kind === "define") movedDefines.set(state.entries[i].node, moved.node);
    entries.push(moved);
  }
  const names = new Map<string, NameInfo>();
  for (const [name, info] of state.names) {
    const define = (movedDefines.get(info.define) ?? info.define) as NameInfo["define"];
    names.set(name, { define, leaf: shifted(info.leaf, at, delta), references: [] });
  }
  const next: IncrementalState = {
    maxDepth,
    entries,
    names,
    headerDiagnostics: shifted(state.headerDiagnostics, at, delta),
    gamma: state.gamma,
  };
  const comments = spliceComments(prev.ast.comments, window.oldStart, window.oldEnd, delta, window.comments);
  const analysis = assemble(next, comments, text.length);
  states.set(analysis, next);
  return analysis;
}

/** A copy of an entry after the edit, moved by `delta`; its scope keeps its keys, its branches are checked again. */
function moveEntry(entry: Entry, at: number, delta: number): Entry {
  const node = shifted(entry.node, at, delta);
  const logic = shifted(entry.logic, at, delta);
  return {
    node,
    range: node.range,
    isItem: entry.isItem,
    continues: entry.continues,
    logic,
    diagnostics: shifted(entry.diagnostics, at, delta),
    references: shifted(entry.references, at, delta),
    scope: movedScope(entry.scope, logic),
  };
}

/** The comments before the window, the window's own, and the later ones moved: a new array. */
function spliceComments(comments: Comment[], oldStart: number, oldEnd: number, delta: number, replacement: Comment[]): Comment[] {
  const from = firstStartingAtOrAfter(comments, oldStart);
  const to = firstStartingAtOrAfter(comments, oldEnd);
  return [...comments.slice(0, from), ...replacement, ...shifted(comments.slice(to), oldEnd, delta)];
}

function firstStartingAtOrAfter(comments: Comment[], offset: number): number {
  return partitionPoint(comments.length, (i) => comments[i].range.start >= offset);
}

/** The analysis from the state's entries, in the same order and shape `analyze` builds it. */
function assemble(state: IncrementalState, comments: Comment[], textLength: number): Analysis {
  const ast: FileNode = { kind: "file", prompts: [], gammas: [], defines: [], items: [], comments, range: { start: 0, end: textLength } };
  const children: LogicNode[] = [];
  const scopes: ItemScope[] = [];
  const diagnostics: Diagnostic[] = [...state.headerDiagnostics];
  let depthReported = false;
  for (const entry of state.entries) {
    const node = entry.node;
    if (node.kind === "prompt") ast.prompts.push(node);
    else if (node.kind === "gamma") ast.gammas.push(node);
    else if (node.kind === "define") ast.defines.push(node);
    if (!entry.isItem) continue;
    ast.items.push(node as ItemNode);
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
  for (const d of unusedDefines(state.names)) diagnostics.push(d);
  const instruction: Instruction = { gamma: state.gamma, root: { kind: "parallel", children, range: { start: 0, end: textLength } } };
  const prompt = ast.prompts[0]?.text;
  if (prompt !== undefined) instruction.prompt = prompt;
  for (const d of checkRootScope(scopes)) diagnostics.push(d);
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { ast, instruction, names: state.names, ...capDiagnostics(diagnostics) };
}
