// The logic-tree webview page: a strict CSP with a per-page nonce, no remote
// resources, colours from the editor theme's CSS variables. The extension posts
// `{ type: "tree", svg, caption }` messages; the page swaps the drawing in place
// so the scroll position survives edits. The page says `{ type: "ready" }` once it
// listens, since messages posted before that are lost, and `{ type: "reveal", index }`
// when a box is clicked.

import { escapeXml } from "./svg.js";

const STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px; }
  #caption { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
  #error { color: var(--vscode-errorForeground); }
  #graph svg { max-width: 100%; height: auto; } /* the whole tree fits the panel's width */
  svg text { font-family: var(--vscode-editor-font-family); text-anchor: middle; fill: var(--vscode-foreground); }
  svg text.detail { font-size: 11px; fill: var(--vscode-descriptionForeground); }
  svg text.title { font-size: 12px; font-weight: 600; }
  svg text.edge-label { text-anchor: start; font-size: 11px; fill: var(--vscode-textLink-foreground); }
  .edge { fill: none; stroke: var(--vscode-editorIndentGuide-activeBackground, var(--vscode-foreground)); stroke-width: 1.5; }
  .node rect { stroke-width: 1.5; fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-foreground)); }
  .node.parallel rect, .node.sequential rect, .node.conditional rect { fill: var(--vscode-badge-background); stroke: var(--vscode-focusBorder); }
  .node.parallel text.title, .node.sequential text.title, .node.conditional text.title { fill: var(--vscode-badge-foreground); }
  .node.soft rect { stroke: var(--vscode-charts-purple, var(--vscode-focusBorder)); stroke-dasharray: 5 3; }
  .node.linked { cursor: pointer; }
  .node.hard rect { stroke: var(--vscode-charts-blue, var(--vscode-focusBorder)); }
`;

const SCRIPT = `
  const graph = document.getElementById("graph");
  const caption = document.getElementById("caption");
  const error = document.getElementById("error");
  window.addEventListener("message", (event) => {
    const m = event.data;
    if (!m || m.type !== "tree") return;
    graph.innerHTML = m.svg;
    caption.textContent = m.caption;
    error.textContent = m.error || "";
  });
  const vscode = acquireVsCodeApi();
  graph.addEventListener("click", (event) => {
    const box = event.target.closest("g.node.linked");
    if (box) vscode.postMessage({ type: "reveal", index: Number(box.dataset.index) });
  });
  vscode.postMessage({ type: "ready" });
`;

export function logicTreePage(cspSource: string, nonce: string, title: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head><body>
<p id="caption">Loading the logic tree…</p>
<p id="error" role="alert"></p>
<div id="graph"></div>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}
