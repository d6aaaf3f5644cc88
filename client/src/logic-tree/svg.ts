// Draws a laid-out logic tree as SVG. Colours come from CSS classes that use the
// editor theme's variables (see html.ts), never from inline styles, so the strict
// CSP of the webview needs no 'unsafe-inline'. After a score each box gets a status
// class (pass, fail, partial, ...) and a verdict line with r and r'.

import type { GraphNode } from "./graph-model.js";
import { layoutTree, type Layout, type PlacedNode, type TextMetrics } from "./layout.js";

const MARGIN = 16;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function drawEdges(parent: PlacedNode, out: string[]): void {
  const px = parent.x + parent.width / 2;
  const py = parent.y + parent.height;
  for (const child of parent.children) {
    const cx = child.x + child.width / 2;
    const cy = child.y;
    const midY = (py + cy) / 2;
    const selected = child.node.score && child.node.score.status !== "not-applicable" ? "" : child.node.score ? " skipped" : "";
    out.push(`<path class="edge${selected}" d="M${px},${py} C${px},${midY} ${cx},${midY} ${cx},${cy}"/>`);
    if (child.node.edgeLabel) {
      out.push(`<text class="edge-label" x="${(px + cx) / 2 + 6}" y="${midY - 4}">${escapeXml(child.node.edgeLabel)}</text>`);
    }
    drawEdges(child, out);
  }
}

/** The full text of a node for its tooltip: nothing is cut there. */
function tooltipOf(node: GraphNode): string {
  return [node.scope ?? "", node.title, node.detail, node.score?.evidence ? `Evidence: ${node.score.evidence}` : ""].filter(Boolean).join("\n");
}

/** Boxes in depth-first order; `data-index` is the node's place in that order (see flatten). */
function drawBoxes(placed: PlacedNode, layout: Layout, out: string[], counter: { next: number }): void {
  const { node, x, y, width, height, text } = placed;
  const index = counter.next++;
  const status = node.score ? ` status-${node.score.status}` : "";
  const lines: string[] = [];
  let baseline = y + layout.padding + layout.lineHeight * 0.78;
  const cx = x + width / 2;
  for (const s of text.scope) { lines.push(`<text class="scope" x="${cx}" y="${baseline}">${escapeXml(s)}</text>`); baseline += layout.lineHeight; }
  for (const t of text.title) { lines.push(`<text class="title" x="${cx}" y="${baseline}">${escapeXml(t)}</text>`); baseline += layout.lineHeight; }
  for (const d of text.detail) { lines.push(`<text class="detail" x="${cx}" y="${baseline}">${escapeXml(d)}</text>`); baseline += layout.lineHeight; }
  if (text.verdict) lines.push(`<text class="verdict" x="${cx}" y="${baseline}">${escapeXml(text.verdict)}</text>`);
  out.push(
    `<g class="node ${node.kind}${status}${node.range ? " linked" : ""}" data-index="${index}" tabindex="0"><title>${escapeXml(tooltipOf(node))}</title>` +
      `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6"/>` + lines.join("") + `</g>`,
  );
  for (const child of placed.children) drawBoxes(child, layout, out, counter);
}

export function treeToSvg(root: GraphNode, metrics: TextMetrics): string {
  const layout = layoutTree(root, metrics);
  const parts: string[] = [];
  drawEdges(layout.root, parts);
  drawBoxes(layout.root, layout, parts, { next: 0 });
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Logic tree" data-width="${width}" data-height="${height}" data-root-x="${Math.round(MARGIN + layout.root.x + layout.root.width / 2)}">` +
    `<g class="viewport" font-size="${metrics.fontSize}" transform="translate(${MARGIN},${MARGIN})">${parts.join("")}</g>` +
    `</svg>`
  );
}
