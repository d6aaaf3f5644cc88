// Writes AST nodes in the canonical style, line by line, re-emitting comments
// from a queue as their source position is passed.

import type { AndNode, ArgValue, Comment, ConstraintNode, IfNode, ItemNode, ScopeHeadNode, SelectorNode } from "./ast.js";
import { quoteString } from "./strings.js";

export function constraintText(node: ConstraintNode): string {
  if (node.kind === "soft") {
    const category = node.category === undefined ? "" : ` ${node.category}`;
    return `soft${category} ${quoteString(node.text ?? "")}`;
  }
  const args = node.args === undefined ? "" : `(${node.args.map((a) => `${a.name}: ${valueText(a.value)}`).join(", ")})`;
  const text = node.text === undefined ? "" : ` ${quoteString(node.text)}`;
  return `${node.name}${args}${text}`;
}

/** A selector in the canonical style: words lowercased, one space between parts. */
export function selectorText(node: SelectorNode): string {
  const parts: string[] = [];
  if (node.position !== undefined) parts.push(node.position);
  if (node.count !== undefined) parts.push(node.count.raw);
  if (node.unit !== undefined) parts.push(node.unit.toLowerCase());
  if (node.unitSecond !== undefined) parts.push(node.unitSecond.toLowerCase());
  if (node.from !== undefined) parts.push(node.hasRange ? `${node.from.raw}..${node.to?.raw ?? ""}` : node.from.raw);
  if (node.matching) parts.push("matching");
  if (node.text !== undefined) parts.push(quoteString(node.text.value));
  if (node.andRange !== undefined) parts.push("and");
  if (node.text2 !== undefined) parts.push(quoteString(node.text2.value));
  return parts.join(" ");
}

export function scopeHeadsText(heads: readonly ScopeHeadNode[]): string {
  return heads.map((h) => (h.selector ? `${h.quantifier} ${selectorText(h.selector)}` : h.quantifier)).join(" ");
}

function valueText(value: ArgValue | undefined): string {
  if (value === undefined) return "";
  switch (value.kind) {
    case "number":
      return value.raw;
    case "string":
      return quoteString(value.value);
    case "word":
      return value.value;
    case "list":
      return `[${value.items.map(valueText).join(", ")}]`;
  }
}

/** A one-line condition: a constraint, possibly scoped. */
function conditionText(condition: ItemNode | undefined): string {
  if (condition === undefined) return "";
  if (condition.kind === "soft" || condition.kind === "call") return constraintText(condition);
  if (condition.kind === "scope" && (condition.body?.kind === "soft" || condition.body?.kind === "call")) {
    return `${scopeHeadsText(condition.heads)} ${constraintText(condition.body)}`;
  }
  return "";
}

export class Printer {
  readonly lines: string[] = [];
  /** Source offset of the end of the last thing written; blank lines are judged from it. */
  lastEnd = 0;
  private queue: Comment[] = [];
  private next = 0;
  /** True right after a line ending in `{`: no blank line goes there. */
  private atBlockStart = false;

  constructor(
    private readonly text: string,
    private readonly indentUnit: string,
  ) {}

  /** Comments the printer will emit as it passes their position. */
  setComments(comments: Comment[]): void {
    this.queue = comments;
    this.next = 0;
  }

  /** Writes every queued comment starting before `upTo`, each on its own line. */
  flushComments(upTo: number, depth: number): void {
    while (this.next < this.queue.length && this.queue[this.next].range.start < upTo) {
      const comment = this.queue[this.next++];
      this.push(depth, comment.text, comment.range.start, comment.range.end, true);
    }
  }

  /** Writes one line for source `[start, end)`: comments before it first, then a same-line comment after it. */
  line(depth: number, content: string, start: number, end: number, blankAllowed = true): void {
    const closing = content.startsWith("}");
    // A comment before a closing brace sits inside the block in the output, so indent it as such.
    this.flushComments(end, closing ? depth + 1 : depth);
    this.push(depth, content, start, end, blankAllowed && !closing);
    this.atBlockStart = content.endsWith("{");
    const comment = this.queue[this.next];
    if (comment !== undefined && /^[ \t]*$/.test(this.text.slice(end, comment.range.start))) {
      this.lines[this.lines.length - 1] += ` ${comment.text}`;
      this.lastEnd = comment.range.end;
      this.next++;
    }
  }

  private push(depth: number, content: string, start: number, end: number, blankAllowed: boolean): void {
    const gap = this.text.slice(Math.min(this.lastEnd, start), start);
    const blank = blankAllowed && !this.atBlockStart && this.lines.length > 0 && this.lines[this.lines.length - 1] !== "" && gap.split("\n").length > 2;
    if (blank) this.lines.push("");
    this.lines.push(this.indentUnit.repeat(depth) + content);
    this.lastEnd = Math.max(this.lastEnd, end);
    this.atBlockStart = false;
  }

  /** Ends the file's header comments, which by definition a blank line follows. */
  blankLine(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  /** Writes `node` at `depth`; `prefix` (a step keyword) goes on its first line. */
  item(node: ItemNode | undefined, depth: number, prefix = "", start = node?.range.start ?? 0): void {
    if (node === undefined) return;
    switch (node.kind) {
      case "soft":
      case "call":
        this.line(depth, prefix + constraintText(node), start, node.range.end);
        return;
      case "and":
        this.block(node, depth, prefix + (node.keywordRange ? "and " : ""), start);
        return;
      case "sequence":
        node.steps.forEach((step) => this.item(step.body, depth, `${step.keyword} `, step.range.start));
        return;
      case "if":
        this.ifChain(node, depth, prefix, start);
        return;
      case "orphan-else":
        this.item(node.body, depth, `${prefix}else `, start);
        return;
      case "scope":
        this.item(node.body, depth, `${prefix}${scopeHeadsText(node.heads)} `, start);
        return;
    }
  }

  private openBrace(node: AndNode): number {
    const at = this.text.indexOf("{", node.keywordRange?.end ?? node.range.start);
    return at < 0 ? node.range.start + 1 : at + 1;
  }

  /** `{` items `}`; an empty block without comments stays on one line as `{}`. */
  private block(node: AndNode, depth: number, prefix: string, start: number): void {
    const hasComments = this.queue[this.next] !== undefined && this.queue[this.next].range.start < node.range.end;
    if (node.items.length === 0 && !hasComments) {
      this.line(depth, `${prefix}{}`, start, node.range.end);
      return;
    }
    this.line(depth, `${prefix}{`, start, this.openBrace(node));
    this.blockBody(node, depth);
    this.line(depth, "}", node.range.end - 1, node.range.end);
  }

  private blockBody(node: AndNode, depth: number): void {
    for (const item of node.items) this.item(item, depth + 1);
    this.flushComments(node.range.end - 1, depth + 1);
  }

  private ifChain(node: IfNode, depth: number, prefix: string, start: number): void {
    const condition = node.condition;
    const thenBlock = node.then as AndNode;
    if (condition?.kind === "and") {
      this.line(depth, `${prefix}if and {`, start, this.openBrace(condition));
      this.blockBody(condition, depth);
      this.line(depth, "} {", condition.range.end - 1, thenBlock.range.start + 1);
    } else if (condition?.kind === "scope" && condition.body?.kind === "and") {
      const body = condition.body;
      this.line(depth, `${prefix}if ${scopeHeadsText(condition.heads)} ${body.keywordRange ? "and " : ""}{`, start, this.openBrace(body));
      this.blockBody(body, depth);
      this.line(depth, "} {", body.range.end - 1, thenBlock.range.start + 1);
    } else {
      const text = conditionText(condition);
      this.line(depth, `${prefix}if ${text} {`, start, thenBlock.range.start + 1);
    }
    this.blockBody(thenBlock, depth);
    const elsePart = node.else;
    if (elsePart === undefined) {
      this.line(depth, "}", thenBlock.range.end - 1, thenBlock.range.end);
    } else if (elsePart.kind === "if") {
      this.ifChain(elsePart, depth, "} else ", thenBlock.range.end - 1);
    } else {
      this.line(depth, "} else {", thenBlock.range.end - 1, elsePart.range.start + 1);
      this.blockBody(elsePart, depth);
      this.line(depth, "}", elsePart.range.end - 1, elsePart.range.end);
    }
  }
}
