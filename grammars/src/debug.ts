// A compact, indented dump of the AST for data-driven tests (rust-analyzer style).
// One node per line; `?` marks a part the parser could not fill.

import type { ArgValue, FileNode, ItemNode, Range } from "./ast.js";
import { scopeHeadsText } from "./format-printer.js";

export interface DebugOptions {
  /** Append `@start..end` to every node. Default false. */
  ranges?: boolean;
}

export function astToDebugString(ast: FileNode, options: DebugOptions = {}): string {
  const lines: string[] = [];
  const at = (r: Range | undefined): string => (options.ranges && r ? `@${r.start}..${r.end}` : "");
  const str = (s: string | undefined): string => (s === undefined ? "?" : JSON.stringify(s));

  const value = (v: ArgValue | undefined): string => {
    if (v === undefined) return "?";
    if (v.kind === "list") return `[${v.items.map(value).join(", ")}]${at(v.range)}`;
    const shown = v.kind === "number" ? v.raw : v.kind === "string" ? JSON.stringify(v.value) : v.value;
    return `${shown}${at(v.range)}`;
  };

  /** Writes `node` at `depth`, its first line prefixed by `label`. */
  const item = (node: ItemNode | undefined, depth: number, label = ""): void => {
    const pad = "  ".repeat(depth);
    if (node === undefined) {
      lines.push(`${pad}${label}?`);
      return;
    }
    switch (node.kind) {
      case "soft":
        lines.push(`${pad}${label}soft${at(node.range)}${node.category === undefined ? "" : ` ${node.category}`} ${str(node.text)}`);
        return;
      case "call": {
        const text = node.text === undefined ? "" : ` ${str(node.text)}`;
        lines.push(`${pad}${label}call${at(node.range)} ${node.name}${node.args ? "()" : ""}${text}`);
        for (const a of node.args ?? []) lines.push(`${pad}  arg${at(a.range)} ${a.name} ${value(a.value)}`);
        return;
      }
      case "and": {
        const name = node.keywordRange ? "and" : "block";
        lines.push(`${pad}${label}${name}${at(node.range)}${node.closed ? "" : " unclosed"}`);
        for (const i of node.items) item(i, depth + 1);
        return;
      }
      case "sequence":
        lines.push(`${pad}${label}sequence${at(node.range)}`);
        for (const s of node.steps) item(s.body, depth + 1, `${s.keyword}${at(s.range)} `);
        return;
      case "if":
        lines.push(`${pad}${label}if${at(node.range)}`);
        item(node.condition, depth + 1);
        item(node.then, depth + 1, "then ");
        if (node.elseKeywordRange !== undefined) item(node.else, depth + 1, "else ");
        return;
      case "orphan-else":
        lines.push(`${pad}${label}orphan-else${at(node.range)}`);
        item(node.body, depth + 1);
        return;
      case "scope":
        lines.push(`${pad}${label}scope${at(node.range)} ${scopeHeadsText(node.heads)}`);
        item(node.body, depth + 1);
        return;
    }
  };

  lines.push(`file${at(ast.range)}`);
  for (const p of ast.prompts) lines.push(`  prompt${at(p.range)} ${str(p.text)}`);
  for (const g of ast.gammas) lines.push(`  gamma${at(g.range)} ${Number.isNaN(g.value) ? "?" : g.value}`);
  for (const d of ast.defines) item(d.value, 1, `define${at(d.range)} ${d.name ?? "?"} = `);
  for (const i of ast.items) item(i, 1);
  for (const c of ast.comments) lines.push(`  comment${at(c.range)} ${JSON.stringify(c.text)}`);
  return lines.join("\n");
}
