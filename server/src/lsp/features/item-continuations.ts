// Which structure keywords can continue the item before the cursor: `then`/`finally`
// only right after a step of a sequence that has not had its `finally`, `else` only
// right after the block of an `if` that has no `else` yet. Decided on the syntax tree,
// so it follows the same parse the diagnostics come from.

import type { FileNode, IfNode, SequenceNode } from "../../../../grammars/src/index.js";
import { isStep, pathAt, topLevelIndexBefore, topLevelNodes } from "./syntax-path.js";

export interface Continuations {
  /** `then` and `finally` may start the next step. */
  step: boolean;
  /** `else` may follow. */
  else: boolean;
}

/**
 * `previousEnd`: the end of the last token before the word at the cursor; `wordStart`: where that word starts.
 * A keyword already typed at the cursor (`then`, `else`) is part of the tree, so it counts as continuing too.
 */
export function continuationsAt(ast: FileNode, previousEnd: number | undefined, wordStart: number): Continuations {
  const out: Continuations = { step: false, else: false };
  const end = previousEnd ?? previousItemEnd(ast, wordStart);
  if (end === undefined) return out;
  for (const node of pathAt(ast, end)) {
    if (isStep(node)) continue;
    if (node.kind === "sequence") out.step ||= continuesSequence(node, end, wordStart);
    else if (node.kind === "if") out.else ||= continuesIf(node, end, wordStart);
  }
  return out;
}

/**
 * A word typed at the top level is an item of its own in the tree, and the cursor's token window starts at it:
 * what it may continue is the top-level node before it.
 */
function previousItemEnd(ast: FileNode, wordStart: number): number | undefined {
  const index = topLevelIndexBefore(ast, wordStart);
  if (index < 1) return undefined;
  const all = topLevelNodes(ast);
  return all[index].range.start === wordStart ? all[index - 1].range.end : undefined;
}

function continuesSequence(node: SequenceNode, previousEnd: number, wordStart: number): boolean {
  const last = node.steps[node.steps.length - 1];
  if (!last) return false;
  if (last.keywordRange.start === wordStart) return node.steps.length >= 2 && node.steps[node.steps.length - 2].keyword !== "finally";
  return last.keyword !== "finally" && last.range.end === previousEnd;
}

function continuesIf(node: IfNode, previousEnd: number, wordStart: number): boolean {
  if (node.elseKeywordRange) return node.elseKeywordRange.start === wordStart;
  return node.then !== undefined && node.then.range.end === previousEnd;
}
