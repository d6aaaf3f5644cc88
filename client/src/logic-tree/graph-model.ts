// The logic tree as boxes and labelled edges, in the style of the LsrIF paper's
// Figure 2: structure nodes (And / Chain / Selection) above their constraints.

import type { LogicTreeJson } from "../../../server/src/lsp/commands.js";

export type GraphNodeKind = LogicTreeJson["kind"];
/** An LSP range (0-based line and character), as the server sends it. */
export type LspRange = NonNullable<LogicTreeJson["range"]>;

export interface GraphNode {
  kind: GraphNodeKind;
  /** First line in the box, e.g. "Chain" or "punctuation:no_comma". */
  title: string;
  /** Second line: arguments, soft text, or the structure's reading. */
  detail: string;
  /** Label on the edge from the parent: "1", "if", "then", "else". */
  edgeLabel?: string;
  /** Where the node is written in the .lsr file. */
  range?: LspRange;
  children: GraphNode[];
}

const STRUCTURE = {
  parallel: { title: "And", detail: "Parallel: mean" },
  sequential: { title: "Chain", detail: "Sequential: penalised" },
  conditional: { title: "Selection", detail: "Conditional" },
} as const;

function formatArg(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(formatArg).join(", ")}]` : typeof value === "string" ? JSON.stringify(value) : String(value);
}

function edgeLabelOf(parent: LogicTreeJson, child: LogicTreeJson, index: number): string | undefined {
  if (parent.kind === "sequential") return String(index + 1);
  if (parent.kind === "conditional") return child.role === "condition" ? "if" : child.role;
  return undefined;
}

export function toGraph(node: LogicTreeJson, edgeLabel?: string): GraphNode {
  const base = { kind: node.kind, edgeLabel, range: node.range };
  switch (node.kind) {
    case "hard": {
      const args = Object.entries(node.args ?? {}).map(([k, v]) => `${k}: ${formatArg(v)}`).join(", ");
      return { ...base, title: node.ref ? `${node.ref} = ${node.id}` : (node.id ?? "?"), detail: args, children: [] };
    }
    case "soft":
      return { ...base, title: node.ref ?? (node.category ? `soft ${node.category}` : "soft"), detail: node.text ?? "", children: [] };
    default:
      return { ...base, ...STRUCTURE[node.kind], children: node.children.map((c, i) => toGraph(c, edgeLabelOf(node, c, i))) };
  }
}

/** Nodes in drawing order (depth first), so a click in the page can name one by index. */
export function flatten(root: GraphNode): GraphNode[] {
  const out: GraphNode[] = [];
  const visit = (n: GraphNode) => { out.push(n); n.children.forEach(visit); };
  visit(root);
  return out;
}
