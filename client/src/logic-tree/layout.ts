// Box sizes from wrapped labels, positions from dagre (a maintained layered-graph
// layout, @dagrejs/dagre), top to bottom, children in their source order.

import dagre from "@dagrejs/dagre";
import type { GraphNode } from "./graph-model.js";

export interface TextMetrics {
  /** Label font size in px (the editor's font size, so labels read like the code). */
  fontSize: number;
}

/** Box lines: the node's scope ("in paragraph 1"), the title, then the detail wrapped, then the verdict line after a score. */
export interface BoxText {
  scope: string[];
  title: string[];
  detail: string[];
  verdict?: string;
}

export interface PlacedNode {
  node: GraphNode;
  text: BoxText;
  /** Top-left corner and size of the box. */
  x: number;
  y: number;
  width: number;
  height: number;
  children: PlacedNode[];
}

export interface Layout {
  root: PlacedNode;
  width: number;
  height: number;
  lineHeight: number;
  padding: number;
}

const MAX_CHARS = 34;
const MAX_DETAIL_LINES = 4;
/** Average advance of the editor's monospace font, as a share of its size. */
const CHAR_WIDTH = 0.62;

/** Greedy word wrap at `max` characters; words longer than a line are cut. The last line ends in "…" if more was left. */
export function wrap(text: string, max = MAX_CHARS, maxLines = MAX_DETAIL_LINES): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let word of words) {
    while (word.length > max) {
      if (line) { lines.push(line); line = ""; }
      lines.push(word.slice(0, max));
      word = word.slice(max);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, max - 1)}…`;
  return kept;
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? "–" : Number.isInteger(v) ? String(v) : v.toFixed(2));

export function verdictLine(node: GraphNode): string | undefined {
  const s = node.score;
  if (!s) return undefined;
  if (s.conditionHolds !== undefined) return s.conditionHolds === null ? "condition undecided" : `condition ${s.conditionHolds ? "held" : "did not hold"} · r ${fmt(s.value)}`;
  const status = s.status === "not-applicable" ? "not applicable" : s.status;
  return `${status} · r ${fmt(s.value)}${s.adjusted !== undefined ? ` · r' ${fmt(s.adjusted)}` : ""}`;
}

export function layoutTree(root: GraphNode, metrics: TextMetrics): Layout {
  const lineHeight = Math.round(metrics.fontSize * 1.35);
  const padding = Math.round(metrics.fontSize * 0.6);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: metrics.fontSize * 1.5, ranksep: metrics.fontSize * 3, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const placed: PlacedNode[] = [];
  const add = (node: GraphNode): PlacedNode => {
    const text: BoxText = { scope: node.scope ? wrap(node.scope, MAX_CHARS, 2) : [], title: wrap(node.title, MAX_CHARS, 2), detail: node.detail ? wrap(node.detail) : [] };
    const verdict = verdictLine(node);
    if (verdict) text.verdict = verdict;
    const lines = [...text.scope, ...text.title, ...text.detail, ...(verdict ? [verdict] : [])];
    const chars = lines.reduce((max, l) => Math.max(max, l.length), 12);
    const width = Math.ceil(chars * metrics.fontSize * CHAR_WIDTH + 2 * padding);
    const height = lines.length * lineHeight + 2 * padding;
    const id = String(placed.length);
    const p: PlacedNode = { node, text, x: 0, y: 0, width, height, children: [] };
    placed.push(p);
    g.setNode(id, { width, height });
    p.children = node.children.map((child) => {
      const childId = String(placed.length);
      const c = add(child);
      g.setEdge(id, childId);
      return c;
    });
    return p;
  };
  const top = add(root);
  dagre.layout(g);
  let width = 0;
  let height = 0;
  placed.forEach((p, i) => {
    const n = g.node(String(i));
    p.x = n.x - p.width / 2;
    p.y = n.y - p.height / 2;
    width = Math.max(width, p.x + p.width);
    height = Math.max(height, p.y + p.height);
  });
  // dagre keeps no child order of its own (it minimises crossings, and a tree has none), and
  // on trees it places siblings right to left. Steps must read left to right, so when most
  // sibling pairs came out reversed the drawing is mirrored; the layout is otherwise dagre's.
  let inOrder = 0;
  let reversed = 0;
  for (const p of placed) {
    for (let i = 1; i < p.children.length; i++) {
      if (p.children[i].x > p.children[i - 1].x) inOrder++;
      else reversed++;
    }
  }
  if (reversed > inOrder) for (const p of placed) p.x = width - p.x - p.width;
  return { root: top, width, height, lineHeight, padding };
}
