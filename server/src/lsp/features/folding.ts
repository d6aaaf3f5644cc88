// Folding ranges: blocks, multi-line strings and runs of comment lines, at most
// `lsrif.maxItemsComputed` of them.

import type { FileNode } from "../../../../grammars/src/index.js";
import type { LineIndex } from "../../../../grammars/src/index.js";
import { childrenOf, topLevelNodes, type SyntaxNode } from "./syntax-path.js";

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind: "region" | "comment";
}

/** Folding ranges cut to a number of them. */
export interface CappedFolds {
  folds: FoldRange[];
  /** Every fold of the document (known exactly: counting them is the first pass anyway). */
  total: number;
  cut: boolean;
}

/** Every fold (tests). */
export function foldingRanges(ast: FileNode, lines: LineIndex): FoldRange[] {
  return cappedFoldingRanges(ast, lines, Infinity).folds;
}

/**
 * At most `limit` folds, the outermost first, as VS Code's JSON language service chooses:
 * all folds at syntax depth 0, then depth 1, and so on; at the depth where the limit falls,
 * the first ones in document order. An outer fold hides what is inside it, so it is worth
 * more than any fold inside. Comment runs count as depth 0. The order of the answer is the
 * order of the full answer, only with folds left out. The first pass keeps folds until
 * the limit is passed and counts folds per depth; only then does a second pass pick by
 * depth, so memory stays bounded by the limit on any document.
 */
export function cappedFoldingRanges(ast: FileNode, lines: LineIndex, limit: number): CappedFolds {
  const firstPass: FoldRange[] = [];
  const perDepth: number[] = [];
  let total = 0;
  visitFolds(ast, lines, (fold, depth) => {
    perDepth[depth] = (perDepth[depth] ?? 0) + 1;
    total++;
    if (firstPass.length < limit) firstPass.push(fold);
  });
  if (total <= limit) return { folds: firstPass, total, cut: false };
  // The deepest depth kept whole, and how many of the next depth fit after it.
  let cutDepth = 0;
  let room = limit;
  while (cutDepth < perDepth.length && (perDepth[cutDepth] ?? 0) <= room) room -= perDepth[cutDepth++] ?? 0;
  const folds: FoldRange[] = [];
  visitFolds(ast, lines, (fold, depth) => {
    if (depth < cutDepth) folds.push(fold);
    else if (depth === cutDepth && room > 0) {
      folds.push(fold);
      room--;
    }
  });
  return { folds, total, cut: true };
}

/** Every fold with its syntax depth, in the order of the answer: syntax folds parents first, then comment runs. */
function visitFolds(ast: FileNode, lines: LineIndex, emit: (fold: FoldRange, depth: number) => void): void {
  const add = (start: number, end: number, depth: number): void => {
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(end).line;
    if (endLine > startLine) emit({ startLine, endLine, kind: "region" }, depth);
  };
  const stack: { node: SyntaxNode; depth: number }[] = [];
  const top = topLevelNodes(ast);
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i], depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.kind === "and" || node.kind === "sequence" || node.kind === "if") {
      // End the fold on the line before a closing brace so the brace stays visible.
      const closeLine = lines.positionAt(node.range.end).line;
      const startLine = lines.positionAt(node.range.start).line;
      if (closeLine - 1 > startLine) emit({ startLine, endLine: node.kind === "sequence" ? closeLine : closeLine - 1, kind: "region" }, depth);
    }
    if ((node.kind === "soft" || node.kind === "call" || node.kind === "prompt") && node.textRange) add(node.textRange.start, node.textRange.end, depth);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  let runStart = -1;
  let runEnd = -1;
  for (const c of ast.comments) {
    const line = lines.positionAt(c.range.start).line;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      if (runEnd > runStart) emit({ startLine: runStart, endLine: runEnd, kind: "comment" }, 0);
      runStart = line;
      runEnd = line;
    }
  }
  if (runEnd > runStart) emit({ startLine: runStart, endLine: runEnd, kind: "comment" }, 0);
}
