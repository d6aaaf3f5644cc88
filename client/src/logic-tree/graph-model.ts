// The logic tree as boxes and labelled edges, in the style of the LsrIF paper's
// Figure 2, in the language's own words: Parallel / Sequential / Conditional over
// their constraints, each constraint titled with the name the author typed
// (`contains`, not `keywords:existence`). After a score each node carries its
// status, r and r'.

import type { LogicTreeJson } from "../../../server/src/client-api.js";
import type { NodeStatus, ScoreNode } from "../../../server/src/client-api.js";
export type GraphNodeKind = LogicTreeJson["kind"];
/** An LSP range (0-based line and character), as the server sends it. */
export type LspRange = NonNullable<LogicTreeJson["range"]>;

export interface GraphScore {
  status: NodeStatus;
  value: number | null;
  adjusted?: number | null;
  /** Hard leaves: what the verdict rests on. */
  evidence?: string;
  /** Conditions: whether the condition held. */
  conditionHolds?: boolean | null;
  /** Leaves: the offsets into the scored response of the text the verdict was checked on (the whole response when unscoped). */
  spans?: { start: number; end: number }[];
  /** Hard leaves: the offsets the evidence points at (the comma that failed no_comma), inside `spans`. */
  evidenceSpans?: { start: number; end: number }[];
}

export interface GraphNode {
  kind: GraphNodeKind;
  /** First line in the box, e.g. "Sequential" or "contains". */
  title: string;
  /** The rest: arguments, soft text, or the structure's reading. */
  detail: string;
  /** Label on the edge from the parent: "1", "if", "then", "else". */
  edgeLabel?: string;
  /** The node's response scopes as written ("in paragraph 1"), drawn above its title. */
  scope?: string;
  /** Where the node is written in the .lsr file. */
  range?: LspRange;
  score?: GraphScore;
  children: GraphNode[];
}

const STRUCTURE = {
  parallel: { title: "Parallel", detail: "mean of its parts" },
  sequential: { title: "Sequential", detail: "later steps penalised by earlier failures" },
  conditional: { title: "Conditional", detail: "the condition selects a branch" },
} as const;

function formatArg(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(formatArg).join(", ")}]` : typeof value === "string" ? JSON.stringify(value) : String(value);
}

function edgeLabelOf(parent: LogicTreeJson, child: LogicTreeJson, index: number): string | undefined {
  if (parent.kind === "sequential") return `step ${index + 1}`;
  if (parent.kind === "conditional") return child.role === "condition" ? "if" : child.role;
  return undefined;
}

/** The text of `range` in the source (lines split on "\n"), or undefined. */
export type SourceText = (range: LspRange) => string | undefined;

/** The constraint name as written: the source up to "(" or whitespace, when it names the same type. */
function writtenName(node: LogicTreeJson, source: SourceText | undefined): string | undefined {
  if (!node.range || !source) return undefined;
  const text = source(node.range)?.trimStart();
  const name = text?.match(/^[A-Za-z_][\w:]*/)?.[0];
  return name && name !== "soft" ? name : undefined;
}

export function toGraph(node: LogicTreeJson, source?: SourceText, edgeLabel?: string): GraphNode {
  const base = { kind: node.kind, edgeLabel, range: node.range, ...(node.scope ? { scope: node.scope } : {}) };
  switch (node.kind) {
    case "hard": {
      const args = Object.entries(node.args ?? {}).map(([k, v]) => `${k}: ${formatArg(v)}`).join(", ");
      const name = node.ref ?? writtenName(node, source) ?? node.id ?? "?";
      const detail = name === node.id ? args : [args, node.id].filter(Boolean).join(" · ");
      return { ...base, title: name, detail, children: [] };
    }
    case "soft":
      return { ...base, title: node.ref ?? (node.category ? `soft ${node.category}` : "soft"), detail: node.text ?? "", children: [] };
    default:
      return { ...base, ...STRUCTURE[node.kind], children: node.children.map((c, i) => toGraph(c, source, edgeLabelOf(node, c, i))) };
  }
}

/**
 * Puts a score tree's verdicts on the graph. The score tree mirrors the logic tree it
 * was computed from (same children in the same order), so they are walked together;
 * a shape that does not match (the file changed since) leaves the graph unscored.
 */
export function withScore(graph: GraphNode, score: ScoreNode): GraphNode {
  const matches = (g: GraphNode, s: ScoreNode): boolean =>
    g.kind === s.kind && g.children.length === s.children.length && g.children.every((c, i) => matches(c, s.children[i]));
  if (!matches(graph, score)) return graph;
  const attach = (g: GraphNode, s: ScoreNode): GraphNode => ({
    ...g,
    score: {
      status: s.status,
      value: s.value,
      ...(s.adjusted !== undefined ? { adjusted: s.adjusted } : {}),
      ...(s.explanation ? { evidence: s.explanation.message } : s.evidence ? { evidence: s.evidence } : s.error ? { evidence: s.error } : {}),
      ...(s.conditionHolds !== undefined ? { conditionHolds: s.conditionHolds } : {}),
      ...(s.spans ? { spans: s.spans } : {}),
      ...(s.explanation?.spans.length ? { evidenceSpans: s.explanation.spans } : {}),
    },
    children: g.children.map((c, i) => attach(c, s.children[i])),
  });
  return attach(graph, score);
}

/** Nodes in drawing order (depth first), so a click in the page can name one by index. */
export function flatten(root: GraphNode): GraphNode[] {
  const out: GraphNode[] = [];
  const visit = (n: GraphNode) => { out.push(n); n.children.forEach(visit); };
  visit(root);
  return out;
}
