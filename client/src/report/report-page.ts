// The report view's webview page: the report body the server drew (inline SVG charts,
// captions, tables) under a strict CSP with a per-page nonce, coloured by the editor
// theme (the report's CSS variables mapped to VS Code's). A small script lists the
// responses behind a clicked mark (its aria-label is the drill-down key) and asks the
// extension for a clicked response's line, whose score tree it then shows.

import type { ReportViewJson } from "../../../server/src/client-api.js";
const THEME = `
:root {
  --fg: var(--vscode-foreground); --bg: var(--vscode-editor-background); --muted: var(--vscode-descriptionForeground);
  --rule: var(--vscode-panel-border, var(--vscode-widget-border, #8884)); --link: var(--vscode-textLink-foreground);
  --axis: var(--vscode-editorLineNumber-foreground, #888); --grid: var(--vscode-editorIndentGuide-background1, var(--vscode-editorIndentGuide-background, #8883));
  --font: var(--vscode-font-family);
}
body { display: flex; align-items: flex-start; }
main { flex: 1 1 auto; min-width: 0; margin: 0; }
#details { flex: 0 0 320px; position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: 1rem; border-left: 1px solid var(--rule); font-size: .9rem; }
#details h3 { font-size: 1rem; margin: .2rem 0 .5rem; }
#details button { all: unset; cursor: pointer; color: var(--link); display: block; padding: .1rem 0; word-break: break-all; }
#details ul.tree { padding-left: 1rem; margin: .2rem 0; overflow-wrap: anywhere; }
#details .pass { color: var(--vscode-testing-iconPassed, #3fb950); }
#details .fail { color: var(--vscode-testing-iconFailed, #f85149); }
#details .other { color: var(--muted); }
svg [role="graphics-symbol"][aria-label] { cursor: pointer; }
svg [role="graphics-symbol"].selected { stroke: var(--vscode-focusBorder); stroke-width: 2px; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const drill = JSON.parse(document.getElementById("drill-data").textContent);
const details = document.getElementById("details");
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
function showList(key, mark) {
  const d = drill[key];
  if (!d) return;
  document.querySelectorAll("svg .selected").forEach((e) => e.classList.remove("selected"));
  mark.classList.add("selected");
  details.replaceChildren(el("h3", d.title), el("p", d.refs.count + (d.refs.count === 1 ? " line" : " lines") + (d.refs.count > d.refs.examples.length ? ", the first " + d.refs.examples.length + " listed" : ""), "other"));
  const list = el("div");
  list.id = "drill-list";
  for (const ref of d.refs.examples) {
    const b = el("button", ref.label + "  (line " + ref.line + ")");
    b.dataset.file = d.file;
    b.dataset.line = String(ref.line);
    list.append(b);
  }
  details.append(list, el("div"));
  vscode.postMessage({ type: "listed", key, count: d.refs.examples.length });
}
function statusClass(s) { return s === "pass" ? "pass" : s === "fail" ? "fail" : "other"; }
function treeItem(node) {
  const li = el("li");
  const value = typeof node.value === "number" ? " r=" + Number(node.value.toFixed(4)) : "";
  li.append(el("span", (node.label || node.kind) + (node.role && node.role !== "item" ? " [" + node.role + "]" : "") + " "), el("span", node.status + value, statusClass(node.status)));
  if (node.children && node.children.length) { const ul = el("ul", undefined, "tree"); node.children.forEach((c) => ul.append(treeItem(c))); li.append(ul); }
  return li;
}
function showLine(m) {
  const box = el("div");
  box.id = "line-view";
  if (m.error) box.append(el("p", m.error, "fail"));
  const v = m.value || {};
  if (v.tree) {
    box.append(el("h3", v.id + ": R = " + Number(Number(v.score).toFixed(4)) + (v.complete ? "" : " (incomplete)")));
    const ul = el("ul", undefined, "tree");
    ul.append(treeItem(v.tree));
    box.append(ul);
  } else if (Array.isArray(v.instruction_id_list)) {
    box.append(el("h3", v.follow_all_instructions ? "all instructions followed" : "not all followed"));
    const ul = el("ul", undefined, "tree");
    v.instruction_id_list.forEach((id, i) => { const li = el("li"); li.append(el("span", id + " "), el("span", v.follow_instruction_list[i] ? "pass" : "fail", v.follow_instruction_list[i] ? "pass" : "fail")); ul.append(li); });
    box.append(ul, el("p", String(v.prompt || "").slice(0, 400), "other"), el("pre", String(v.response || "").slice(0, 2000)));
  }
  const old = document.getElementById("line-view");
  if (old) old.replaceWith(box); else details.append(box);
  const heading = box.querySelector("h3");
  vscode.postMessage({ type: "shown", text: heading ? heading.textContent : m.error || "" });
}
document.addEventListener("click", (event) => {
  const mark = event.target.closest('[role="graphics-symbol"][aria-label]');
  if (mark) return showList(mark.getAttribute("aria-label"), mark);
  const item = event.target.closest("button[data-line]");
  if (item) vscode.postMessage({ type: "line", file: item.dataset.file, line: Number(item.dataset.line) });
});
window.addEventListener("message", (event) => { if (event.data && event.data.type === "line") showLine(event.data); });
// Tests drive the page with the same messages a click would make.
window.addEventListener("message", (event) => {
  const m = event.data;
  if (m && m.type === "click") { const mark = [...document.querySelectorAll('[role="graphics-symbol"][aria-label]')].find((e) => e.getAttribute("aria-label") === m.key); if (mark) mark.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
  if (m && m.type === "clickLine") { const b = document.querySelectorAll("#drill-list button")[m.index]; if (b) b.click(); }
});
vscode.postMessage({ type: "ready", marks: document.querySelectorAll('[role="graphics-symbol"][aria-label]').length });
`;

/** JSON inside a <script type="application/json">: no "</script" can close it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function reportViewPage(view: ReportViewJson, cspSource: string, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src-elem 'nonce-${nonce}'`,
    // Vega's SVG carries no style attributes today; allowed so a later version cannot blank the charts.
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${view.css}${THEME}</style>
</head>
<body>
<main>${view.body}</main>
<aside id="details"><p class="other">Click a bar or a point to list the responses behind it; click a response to see its score tree.</p></aside>
<script type="application/json" id="drill-data" nonce="${nonce}">${scriptJson(view.drillDown)}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
