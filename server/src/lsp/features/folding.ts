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
 * all folds that no other fold contains, then those inside one, and so on; at the depth
 * where the limit falls, the first ones in document order. An outer fold hides what is
 * inside it, so it is worth more than any fold inside. The answer is the full answer (in
 * the order of first lines) with folds left out. The first pass keeps folds until
 * the limit is passed and counts folds per depth; only then does a second pass pick by
 * depth, so memory stays bounded by the limit on any document (a fold becomes an object
 * only when it is kept).
 */
export function cappedFoldingRanges(ast: FileNode, lines: LineIndex, limit: number): CappedFolds {
  const firstPass: FoldRange[] = [];
  const perDepth: number[] = [];
  let total = 0;
  visitFolds(ast, lines, (startLine, endLine, kind, depth) => {
    perDepth[depth] = (perDepth[depth] ?? 0) + 1;
    total++;
    if (firstPass.length < limit) firstPass.push({ startLine, endLine, kind });
  });
  if (total <= limit) return { folds: firstPass, total, cut: false };
  // The deepest depth kept whole, and how many of the next depth fit after it.
  let cutDepth = 0;
  let room = limit;
  while (cutDepth < perDepth.length && (perDepth[cutDepth] ?? 0) <= room) room -= perDepth[cutDepth++] ?? 0;
  const folds: FoldRange[] = [];
  visitFolds(ast, lines, (startLine, endLine, kind, depth) => {
    if (depth < cutDepth || (depth === cutDepth && room-- > 0)) folds.push({ startLine, endLine, kind });
  });
  return { folds, total, cut: true };
}

/**
 * Every fold in the order of its first line, with its depth: how many folds before it
 * contain it (a stack of the open folds' last lines). So a fold inside another is always
 * deeper than it, comment runs included, and keeping every fold up to a depth never keeps
 * a fold whose container was dropped.
 */
function visitFolds(ast: FileNode, lines: LineIndex, emit: (startLine: number, endLine: number, kind: FoldRange["kind"], depth: number) => void): void {
  const open: number[] = [];
  const fold = (startLine: number, endLine: number, kind: FoldRange["kind"]): void => {
    while (open.length > 0 && open[open.length - 1] < startLine) open.pop();
    emit(startLine, endLine, kind, open.length);
    open.push(endLine);
  };
  // Runs of comments on consecutive lines, each flushed before the first syntax fold that starts after it.
  const comments = ast.comments;
  let next = 0;
  const flushCommentsBefore = (offset: number): void => {
    while (next < comments.length && comments[next].range.start < offset) {
      const runStart = lines.positionAt(comments[next].range.start).line;
      let runEnd = runStart;
      for (next++; next < comments.length; next++) {
        const line = lines.positionAt(comments[next].range.start).line;
        if (line !== runEnd + 1) break;
        runEnd = line;
      }
      if (runEnd > runStart) fold(runStart, runEnd, "comment");
    }
  };
  const stack: SyntaxNode[] = [];
  const top = topLevelNodes(ast);
  for (let i = top.length - 1; i >= 0; i--) stack.push(top[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "and" || node.kind === "sequence" || node.kind === "if") {
      // End the fold on the line before a closing brace so the brace stays visible.
      const closeLine = lines.positionAt(node.range.end).line;
      const startLine = lines.positionAt(node.range.start).line;
      if (closeLine - 1 > startLine) {
        flushCommentsBefore(node.range.start);
        fold(startLine, node.kind === "sequence" ? closeLine : closeLine - 1, "region");
      }
    }
    if ((node.kind === "soft" || node.kind === "call" || node.kind === "prompt") && node.textRange) {
      const startLine = lines.positionAt(node.textRange.start).line;
      const endLine = lines.positionAt(node.textRange.end).line;
      if (endLine > startLine) {
        flushCommentsBefore(node.textRange.start);
        fold(startLine, endLine, "region");
      }
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flushCommentsBefore(Infinity);
}
