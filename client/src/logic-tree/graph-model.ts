// The logic tree as boxes and labelled edges, in the style of the LsrIF paper's
// Figure 2: structure nodes (And / Chain / Selection) above their constraints.

import type { LogicNode } from "../../../server/src/analysis/logic.js";
import type { LogicTreeAnswer } from "../server-api.js";

export type GraphNodeKind = "parallel" | "sequential" | "conditional" | "hard" | "soft";

export interface GraphNode {
  kind: GraphNodeKind;
  /** First line in the box, e.g. "Chain" or "punctuation:no_comma". */
  title: string;
  /** Second line: arguments, soft text, or the structure's reading. */
  detail: string;
  /** Label on the edge from the parent: "1", "if", "then", "else". */
  edgeLabel?: string;
  children: GraphNode[];
}

const STRUCTURE_TITLES = { parallel: "And", sequential: "Chain", conditional: "Selection" } as const;

function formatArg(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? `[${value.map(formatArg).join(", ")}]` : String(value);
}

function toGraph(node: LogicNode, edgeLabel?: string): GraphNode {
  switch (node.kind) {
    case "hard": {
      const args = Object.entries(node.args ?? {}).map(([k, v]) => `${k}: ${formatArg(v)}`).join(", ");
      return { kind: "hard", title: node.ref ? `${node.ref} = ${node.id}` : node.id, detail: args, edgeLabel, children: [] };
    }
    case "soft":
      return { kind: "soft", title: node.ref ?? (node.category ? `soft ${node.category}` : "soft"), detail: node.text, edgeLabel, children: [] };
    case "parallel":
      return { kind: "parallel", title: STRUCTURE_TITLES.parallel, detail: "Parallel: mean", edgeLabel, children: node.children.map((c) => toGraph(c)) };
    case "sequential":
      return {
        kind: "sequential", title: STRUCTURE_TITLES.sequential, detail: "Sequential: penalised", edgeLabel,
        children: node.steps.map((s, i) => toGraph(s, String(i + 1))),
      };
    case "conditional": {
      const children = [toGraph(node.condition, "if"), toGraph(node.then, "then")];
      if (node.else) children.push(toGraph(node.else, "else"));
      return { kind: "conditional", title: STRUCTURE_TITLES.conditional, detail: "Conditional", edgeLabel, children };
    }
  }
}

/** Accepts the server's answer in either shape; undefined when it is not a tree. */
export function graphFromAnswer(answer: LogicTreeAnswer | null | undefined): { root: GraphNode; gamma?: number; prompt?: string } | undefined {
  if (!answer || typeof answer !== "object") return undefined;
  if ("root" in answer) return { root: toGraph(answer.root), gamma: answer.gamma, prompt: answer.prompt };
  if ("kind" in answer) return { root: toGraph(answer) };
  return undefined;
}
