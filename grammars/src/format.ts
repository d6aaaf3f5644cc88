// The canonical formatter: headers first in their original order, then the
// body; comments kept; at most one blank line where the user had some.

import type { Comment, DefineNode, GammaNode, ItemNode, PromptNode, Range } from "./ast.js";
import { constraintText, Printer } from "./format-printer.js";
import { parse } from "./parse.js";
import { quoteString } from "./strings.js";

export interface FormatOptions {
  /** Spaces per indent level. Default 2. */
  indent?: number;
}

type TopLevel = PromptNode | GammaNode | DefineNode | ItemNode;

function isHeader(node: TopLevel): node is PromptNode | GammaNode | DefineNode {
  return node.kind === "prompt" || node.kind === "gamma" || node.kind === "define";
}

/** A top-level element with the comments it owns: those before it and one on its last line. */
interface Chunk {
  node: TopLevel;
  comments: Comment[];
  /** Where the source before this chunk ends: blank lines are judged from here. */
  after: number;
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  return text.slice(from, to).split("\n").length > 2;
}

/**
 * How many comments open the file as its own header: those before the first
 * element up to the last blank line. They stay first when headers move up.
 */
function fileHeaderLength(elements: TopLevel[], comments: Comment[], text: string): number {
  const firstStart = elements[0]?.range.start ?? Infinity;
  let length = 0;
  for (let i = 0; i < comments.length && comments[i].range.start < firstStart; i++) {
    const nextStart = Math.min(comments[i + 1]?.range.start ?? Infinity, firstStart);
    if (hasBlankLine(text, comments[i].range.end, nextStart)) length = i + 1;
  }
  return length;
}

function chunksOf(elements: TopLevel[], comments: Comment[], text: string, skip: number): { chunks: Chunk[]; footer: Comment[]; footerAfter: number } {
  const chunks: Chunk[] = [];
  let c = skip;
  let boundary = skip > 0 ? comments[skip - 1].range.end : 0;
  for (const node of elements) {
    const owned: Comment[] = [];
    const after = boundary;
    while (c < comments.length && comments[c].range.start < node.range.end) owned.push(comments[c++]);
    boundary = node.range.end;
    const trailing = comments[c];
    if (trailing !== undefined && /^[ \t]*$/.test(text.slice(node.range.end, trailing.range.start))) {
      owned.push(trailing);
      c++;
      boundary = trailing.range.end;
    }
    chunks.push({ node, comments: owned, after });
  }
  return { chunks, footer: comments.slice(c), footerAfter: boundary };
}

function headerText(node: PromptNode | GammaNode | DefineNode, text: string): string {
  if (node.kind === "prompt") return `prompt ${quoteString(node.text ?? "")}`;
  if (node.kind === "gamma") return `gamma ${node.valueRange ? text.slice(node.valueRange.start, node.valueRange.end) : ""}`;
  return `define ${node.name ?? ""} = ${node.value ? constraintText(node.value) : ""}`;
}

/** Formats a .lsr file; undefined when it has syntax errors (broken text is never rewritten). */
export function format(text: string, options: FormatOptions = {}): string | undefined {
  const { ast, errors } = parse(text);
  if (errors.length > 0) return undefined;
  const byStart = (a: { range: Range }, b: { range: Range }): number => a.range.start - b.range.start;
  const elements: TopLevel[] = [...ast.prompts, ...ast.gammas, ...ast.defines, ...ast.items].sort(byStart);
  const headerLength = fileHeaderLength(elements, ast.comments, text);
  const { chunks, footer, footerAfter } = chunksOf(elements, ast.comments, text, headerLength);
  const ordered = [...chunks.filter((c) => isHeader(c.node)), ...chunks.filter((c) => !isHeader(c.node))];

  const printer = new Printer(text, " ".repeat(Math.max(0, Math.floor(options.indent ?? 2))));
  printer.setComments(ast.comments.slice(0, headerLength));
  printer.flushComments(Infinity, 0);
  printer.blankLine();
  for (const chunk of ordered) {
    printer.setComments(chunk.comments);
    printer.lastEnd = chunk.after;
    const node = chunk.node;
    if (isHeader(node)) printer.line(0, headerText(node, text), node.range.start, node.range.end);
    else printer.item(node, 0);
    printer.flushComments(Infinity, 0);
  }
  printer.setComments(footer);
  printer.lastEnd = footerAfter;
  printer.flushComments(Infinity, 0);
  while (printer.lines[printer.lines.length - 1] === "") printer.lines.pop();
  return printer.lines.length === 0 ? "" : `${printer.lines.join("\n")}\n`;
}
