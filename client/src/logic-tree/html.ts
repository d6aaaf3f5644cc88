// The logic-tree webview page: a strict CSP with a per-page nonce, no remote
// resources, colours from the editor theme's CSS variables, labels at the editor's
// font size. The script (client/webview/logic-tree.ts, bundled) zooms and pans with
// d3-zoom; the extension posts `{ type: "tree", svg, caption }` messages; the page
// says `{ type: "ready" }` once it listens and `{ type: "reveal", index }` when a box
// is clicked.

import { escapeXml } from "./svg.js";

const STYLE = `
  html, body { height: 100%; margin: 0; }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); overflow: hidden; }
  header { display: flex; align-items: center; gap: 6px; padding: 6px 8px; }
  #caption { color: var(--vscode-descriptionForeground); margin: 0; flex: 1; }
  #error { color: var(--vscode-errorForeground); margin: 0 8px; }
  button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; font: inherit; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  #graph { position: absolute; top: 40px; bottom: 0; left: 0; right: 0; }
  #graph svg { width: 100%; height: 100%; cursor: grab; }
  svg text { font-family: var(--vscode-editor-font-family); text-anchor: middle; fill: var(--vscode-foreground); }
  svg text.detail { fill: var(--vscode-descriptionForeground); }
  svg text.title { font-weight: 600; }
  svg text.verdict { font-weight: 600; }
  svg text.scope { font-style: italic; fill: var(--vscode-textLink-foreground); }
  .node.parallel text.scope, .node.sequential text.scope, .node.conditional text.scope { fill: var(--vscode-badge-foreground); }
  svg text.edge-label { text-anchor: start; fill: var(--vscode-textLink-foreground); }
  .edge { fill: none; stroke: var(--vscode-editorIndentGuide-activeBackground, var(--vscode-foreground)); stroke-width: 1.5; }
  .edge.skipped { stroke-dasharray: 4 4; opacity: 0.5; }
  .node rect { stroke-width: 1.5; fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-foreground)); }
  .node.parallel rect, .node.sequential rect, .node.conditional rect { fill: var(--vscode-badge-background); stroke: var(--vscode-focusBorder); }
  .node.parallel text.title, .node.sequential text.title, .node.conditional text.title { fill: var(--vscode-badge-foreground); }
  .node.parallel text.detail, .node.sequential text.detail, .node.conditional text.detail { fill: var(--vscode-badge-foreground); opacity: 0.85; }
  .node.soft rect { stroke: var(--vscode-charts-purple, var(--vscode-focusBorder)); stroke-dasharray: 5 3; }
  .node.hard rect { stroke: var(--vscode-charts-blue, var(--vscode-focusBorder)); }
  .node.linked { cursor: pointer; }
  .node:focus rect { stroke-width: 3; }
  .node.status-pass rect { stroke: var(--vscode-testing-iconPassed, green); stroke-width: 3; stroke-dasharray: none; }
  .node.status-pass text.verdict { fill: var(--vscode-testing-iconPassed, green); }
  .node.status-fail rect { stroke: var(--vscode-testing-iconFailed, red); stroke-width: 3; stroke-dasharray: none; }
  .node.status-fail text.verdict { fill: var(--vscode-testing-iconFailed, red); }
  .node.status-partial rect { stroke: var(--vscode-charts-yellow, orange); stroke-width: 3; stroke-dasharray: none; }
  .node.status-partial text.verdict { fill: var(--vscode-charts-yellow, orange); }
  .node.status-error rect, .node.status-unjudged rect { stroke: var(--vscode-problemsWarningIcon-foreground, orange); stroke-width: 3; }
  .node.status-not-applicable { opacity: 0.55; }
`;

export function logicTreePage(cspSource: string, nonce: string, title: string, scriptUri: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}' ${cspSource}`,
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
<header>
<p id="caption">Loading the logic tree…</p>
<button id="zoom-out" title="Zoom out">−</button><button id="actual" title="Labels at the editor's font size">100%</button><button id="zoom-in" title="Zoom in">+</button><button id="fit" title="Show the whole tree">Fit</button>
</header>
<p id="error" role="alert"></p>
<div id="graph"></div>
<script nonce="${nonce}" src="${escapeXml(scriptUri)}"></script>
</body></html>`;
}
