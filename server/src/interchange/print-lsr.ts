// Logic tree -> .lsr source in the canonical style of docs/language.md.
//
// Analysis reads every branch and braced step as a Parallel, so printing then
// re-analysing may add one-child Parallel wrappers, which keep the score and which
// JSON export removes. A one-step sequence is printed as `first X` (a warning, LSR022)
// so that a one-step Chain stays a Chain through export, import and export again.

import { DEFAULT_GAMMA, type Instruction, type LeafNode, type LogicNode } from "../analysis/logic.js";
import { scopesSource } from "../scopes/describe.js";

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["prompt", "gamma", "define", "first", "then", "finally", "if", "else", "and", "soft", "in", "each"]);

export function printLsr(instruction: Instruction): string {
  const printer = new Printer(collectDefines(instruction.root));
  const header: string[] = [];
  if (instruction.prompt !== undefined) header.push(`prompt ${promptLiteral(instruction.prompt)}`);
  if (instruction.gamma !== DEFAULT_GAMMA) header.push(`gamma ${formatNumber(instruction.gamma)}`);
  const defines = [...printer.defines].map(([name, text]) => `define ${name} = ${text}`);
  const body = printer.items(instruction.root.children, 0);
  const sections = [header, defines, body].filter((s) => s.length > 0);
  return sections.map((s) => s.join("\n")).join("\n\n") + "\n";
}

/** A `"""` string is verbatim, so it cannot hold `"""` or end in a quote. */
function promptLiteral(prompt: string): string {
  const tripleQuotable = prompt.includes("\n") && !prompt.includes('"""') && !prompt.endsWith('"');
  return tripleQuotable ? `"""${prompt}"""` : JSON.stringify(prompt);
}

function formatNumber(n: number): string {
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  return n.toFixed(20).replace(/\.?0+$/, "");
}

function formatValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  return JSON.stringify(typeof value === "string" ? value : String(value));
}

function printConstraint(leaf: LeafNode): string {
  if (leaf.kind === "soft") return `soft ${leaf.category !== undefined ? `${leaf.category} ` : ""}${JSON.stringify(leaf.text)}`;
  const args = Object.entries(leaf.args).filter(([, v]) => v !== undefined && v !== null);
  const argList = args.length > 0 ? `(${args.map(([name, v]) => `${name}: ${formatValue(v)}`).join(", ")})` : "";
  return `${leaf.id}${argList}${leaf.text !== undefined ? ` ${JSON.stringify(leaf.text)}` : ""}`;
}

/**
 * `define` lines for the names leaves were written with (`ref`), when every use of a
 * name prints the same constraint and the name cannot be mistaken for a keyword.
 */
function collectDefines(root: LogicNode): Map<string, string> {
  const byName = new Map<string, string | null>();
  const visit = (node: LogicNode): void => {
    switch (node.kind) {
      case "hard":
      case "soft": {
        if (node.ref === undefined) return;
        const text = printConstraint(node);
        const known = byName.get(node.ref);
        const usable = IDENTIFIER.test(node.ref) && !KEYWORDS.has(node.ref.toLowerCase());
        byName.set(node.ref, usable && (known === undefined || known === text) ? text : null);
        return;
      }
      case "parallel":
        return node.children.forEach(visit);
      case "sequential":
        return node.steps.forEach(visit);
      case "conditional":
        [node.condition, node.then, node.else].forEach((n) => n && visit(n));
    }
  };
  visit(root);
  return new Map([...byName].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** Appends without a spread: a spread of a long array overflows the call stack. */
function append(lines: string[], more: string[]): void {
  for (const line of more) lines.push(line);
}

/** `in paragraph 1 ` before a scoped node, "" before others. */
function scopePrefix(node: LogicNode): string {
  return node.scopes && node.scopes.length > 0 ? `${scopesSource(node.scopes)} ` : "";
}

class Printer {
  constructor(readonly defines: Map<string, string>) {}

  /** Lines of items in one block (a printed sequence starts with `first`, which always starts a new one). */
  items(nodes: LogicNode[], depth: number): string[] {
    return nodes.flatMap((node) => this.item(node, depth));
  }

  private leaf(leaf: LeafNode): string {
    return leaf.ref !== undefined && this.defines.has(leaf.ref) ? leaf.ref : printConstraint(leaf);
  }

  private item(node: LogicNode, depth: number): string[] {
    const pad = INDENT.repeat(depth);
    const scope = scopePrefix(node);
    switch (node.kind) {
      case "hard":
      case "soft":
        return [pad + scope + this.leaf(node)];
      case "parallel":
        return this.braced(scope === "" ? "and " : scope, node.children, depth);
      case "sequential": {
        const lines = node.steps.flatMap((step, i) => {
          const keyword = i === 0 ? "first" : i === node.steps.length - 1 && node.steps.length >= 3 ? "finally" : "then";
          return this.step(keyword, step, depth);
        });
        // `in S first a then b`: the scope takes the whole sequence.
        if (scope !== "") lines[0] = pad + scope + lines[0].slice(pad.length);
        return lines;
      }
      case "conditional":
        return this.conditional(node, depth, `${scope}if `);
    }
  }

  /** `prefix{`, the items one level in, `}`: the opening line starts at `depth`. */
  private braced(prefix: string, nodes: LogicNode[], depth: number, suffix = ""): string[] {
    const pad = INDENT.repeat(depth);
    if (nodes.length === 0) return [`${pad}${prefix}{}${suffix}`];
    return [`${pad}${prefix}{`, ...this.items(nodes, depth + 1), `${pad}}${suffix}`];
  }

  private step(keyword: string, node: LogicNode, depth: number): string[] {
    const pad = INDENT.repeat(depth);
    const scope = scopePrefix(node);
    switch (node.kind) {
      case "hard":
      case "soft":
        return [`${pad}${keyword} ${scope}${this.leaf(node)}`];
      case "parallel":
        return this.braced(`${keyword} ${scope}`, node.children, depth);
      case "sequential":
        // A scoped step cannot be a bare sequence: the scope goes on the braces, the sequence inside.
        return this.braced(`${keyword} ${scope}`, [{ ...node, scopes: undefined }], depth);
      case "conditional":
        return this.conditional(node, depth, `${keyword} ${scope}if `);
    }
  }

  private conditional(node: Extract<LogicNode, { kind: "conditional" }>, depth: number, opening: string): string[] {
    const pad = INDENT.repeat(depth);
    const lines = this.condition(node.condition, depth, `${pad}${opening}`);
    append(lines, this.branch(node.then, depth));
    let rest = node.else;
    while (rest !== undefined) {
      const otherwise = rest;
      if (otherwise.kind === "conditional" && !otherwise.scopes?.length) {
        append(lines, this.condition(otherwise.condition, depth, `${pad}} else if `));
        append(lines, this.branch(otherwise.then, depth));
        rest = otherwise.else;
      } else {
        lines.push(`${pad}} else {`);
        append(lines, this.branch(otherwise, depth));
        rest = undefined;
      }
    }
    lines.push(`${pad}}`);
    return lines;
  }

  /** The lines up to and including the branch's opening `{`. */
  private condition(node: LogicNode, depth: number, opening: string): string[] {
    const scope = scopePrefix(node);
    if (node.kind === "hard" || node.kind === "soft") return [`${opening}${scope}${this.leaf(node)} {`];
    const pad = INDENT.repeat(depth);
    // The grammar allows a constraint or `and { ... }` here; any other structure goes in the and-block.
    const inside = node.kind === "parallel" ? node.children : [{ ...node, scopes: undefined }];
    return [`${opening}${scope}and {`, ...this.items(inside, depth + 1), `${pad}} {`];
  }

  private branch(node: LogicNode, depth: number): string[] {
    const inside = node.kind === "parallel" && !node.scopes?.length ? node.children : [node];
    return this.items(inside, depth + 1);
  }
}
