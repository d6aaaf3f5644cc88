// A simple tidy top-down tree layout: leaves take consecutive slots left to right,
// each parent sits centred over its children.

import type { GraphNode } from "./graph-model.js";

export const BOX_WIDTH = 190;
export const BOX_HEIGHT = 46;
const H_GAP = 24;
const V_GAP = 56;

export interface PlacedNode {
  node: GraphNode;
  /** Top-left corner of the box. */
  x: number;
  y: number;
  children: PlacedNode[];
}

export interface Layout {
  root: PlacedNode;
  width: number;
  height: number;
}

export function layoutTree(root: GraphNode): Layout {
  let nextSlot = 0;
  let maxDepth = 0;
  const place = (node: GraphNode, depth: number): PlacedNode => {
    maxDepth = Math.max(maxDepth, depth);
    const y = depth * (BOX_HEIGHT + V_GAP);
    if (node.children.length === 0) {
      const x = nextSlot * (BOX_WIDTH + H_GAP);
      nextSlot += 1;
      return { node, x, y, children: [] };
    }
    const children = node.children.map((c) => place(c, depth + 1));
    const x = (children[0].x + children[children.length - 1].x) / 2;
    return { node, x, y, children };
  };
  const placed = place(root, 0);
  return {
    root: placed,
    width: Math.max(1, nextSlot) * (BOX_WIDTH + H_GAP) - H_GAP,
    height: (maxDepth + 1) * (BOX_HEIGHT + V_GAP) - V_GAP,
  };
}
