// Folding ranges: blocks, multi-line strings and runs of comment lines.

import type { FileNode } from "../../../../grammars/src/index.js";
import type { LineIndex } from "../../../../grammars/src/index.js";
import { walkSyntax } from "./syntax-path.js";

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind: "region" | "comment";
}

export function foldingRanges(ast: FileNode, lines: LineIndex): FoldRange[] {
  const out: FoldRange[] = [];
  const add = (start: number, end: number, kind: FoldRange["kind"]): void => {
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind });
  };
  walkSyntax(ast, (node) => {
    if ("kind" in node && (node.kind === "and" || node.kind === "sequence" || node.kind === "if")) {
      // End the fold on the line before a closing brace so the brace stays visible.
      const closeLine = lines.positionAt(node.range.end).line;
      const startLine = lines.positionAt(node.range.start).line;
      if (closeLine - 1 > startLine) out.push({ startLine, endLine: node.kind === "sequence" ? closeLine : closeLine - 1, kind: "region" });
    }
    if ("kind" in node && (node.kind === "soft" || node.kind === "call") && node.textRange) add(node.textRange.start, node.textRange.end, "region");
    if ("kind" in node && node.kind === "prompt" && node.textRange) add(node.textRange.start, node.textRange.end, "region");
  });
  let runStart = -1;
  let runEnd = -1;
  for (const c of ast.comments) {
    const line = lines.positionAt(c.range.start).line;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: "comment" });
      runStart = line;
      runEnd = line;
    }
  }
  if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: "comment" });
  return out;
}
