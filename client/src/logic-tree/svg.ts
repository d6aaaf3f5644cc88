// Draws a laid-out logic tree as SVG. Colours come from CSS classes that use the
// editor theme's variables (see html.ts), never from inline styles, so the strict
// CSP of the webview needs no 'unsafe-inline'.

import type { GraphNode } from "./graph-model.js";
import { BOX_HEIGHT, BOX_WIDTH, layoutTree, type PlacedNode } from "./layout.js";

const MARGIN = 16;
/** Characters that fit on one line of a box at the webview's font size. */
const MAX_LINE_CHARS = 28;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function clip(text: string): string {
  return text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS - 1) + "…" : text;
}

function drawEdges(parent: PlacedNode, out: string[]): void {
  const px = parent.x + BOX_WIDTH / 2;
  const py = parent.y + BOX_HEIGHT;
  for (const child of parent.children) {
    const cx = child.x + BOX_WIDTH / 2;
    const cy = child.y;
    const midY = (py + cy) / 2;
    out.push(`<path class="edge" d="M${px},${py} C${px},${midY} ${cx},${midY} ${cx},${cy}"/>`);
    if (child.node.edgeLabel) {
      out.push(`<text class="edge-label" x="${cx + 6}" y="${cy - 8}">${escapeXml(child.node.edgeLabel)}</text>`);
    }
    drawEdges(child, out);
  }
}

/** Boxes in depth-first order; `data-index` is the node's place in that order (see flatten). */
function drawBoxes(placed: PlacedNode, out: string[], counter: { next: number }): void {
  const { node, x, y } = placed;
  const tooltip = [node.title, node.detail].filter(Boolean).join("\n");
  const index = counter.next++;
  out.push(
    `<g class="node ${node.kind}${node.range ? " linked" : ""}" data-index="${index}"><title>${escapeXml(tooltip)}</title>` +
      `<rect x="${x}" y="${y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="6"/>` +
      `<text class="title" x="${x + BOX_WIDTH / 2}" y="${y + 19}">${escapeXml(clip(node.title))}</text>` +
      (node.detail ? `<text class="detail" x="${x + BOX_WIDTH / 2}" y="${y + 36}">${escapeXml(clip(node.detail))}</text>` : "") +
      `</g>`,
  );
  for (const child of placed.children) drawBoxes(child, out, counter);
}

export function treeToSvg(root: GraphNode): string {
  const layout = layoutTree(root);
  const parts: string[] = [];
  drawEdges(layout.root, parts);
  drawBoxes(layout.root, parts, { next: 0 });
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Logic tree" width="${width}" height="${height}" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}">` +
    parts.join("") +
    `</svg>`
  );
}
