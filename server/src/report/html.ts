// The report as one self-contained HTML page: inline SVG charts (drawn in Node, so
// the page needs no script and no network), each with its caption and its table.
// The editor view wraps the same body in its own page (client/src/report/).

import type { Chart } from "./charts.js";
import type { Report } from "./model.js";
import { reportTables, type Table, type TableSection } from "./tables.js";

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tableHtml(t: Table): string {
  const head = t.head.map((h, i) => `<th${i ? ' class="n"' : ""}>${escapeHtml(h)}</th>`).join("");
  const rows = t.rows.map((row) => `<tr>${row.map((c, i) => `<td${i ? ' class="n"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function sectionHtml(s: TableSection, svg: string | undefined): string {
  const tables = s.tables.map(tableHtml).join("\n");
  const notes = s.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("\n");
  const figure = svg
    ? `<figure class="chart" data-section="${escapeHtml(s.section.id)}">${svg}<figcaption>${escapeHtml(s.section.caption)}</figcaption></figure>\n<details><summary>Table</summary>\n${tables}\n</details>`
    : `<p class="caption">${escapeHtml(s.section.caption)}</p>\n${tables}`;
  return `<section id="${escapeHtml(s.section.id)}">\n<h2>${escapeHtml(s.section.title)}</h2>\n${figure}\n${notes}\n</section>`;
}

/** The page body: title, headline figures, then every section (chart or table). */
export function reportBodyHtml(report: Report, charts: readonly Chart[], svgs: readonly string[]): string {
  const t = reportTables(report);
  const svgOf = new Map(charts.map((c, i) => [c.section.id, svgs[i]]));
  return [
    `<h1>${escapeHtml(t.title)}</h1>`,
    ...t.summary.map(tableHtml),
    ...t.notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    `<nav><ul>${t.sections.map((s) => `<li><a href="#${escapeHtml(s.section.id)}">${escapeHtml(s.section.title)}</a></li>`).join("")}</ul></nav>`,
    ...t.sections.map((s) => sectionHtml(s, svgOf.get(s.section.id))),
  ].join("\n");
}

/**
 * The style of the page and of the editor view. Colours are variables: the page sets
 * them for light and dark schemes, the editor view maps them to the theme's. CSS
 * rules win over SVG presentation attributes, so chart text and axes follow too.
 */
export const REPORT_CSS = `
body { font-family: var(--font, system-ui, sans-serif); color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 960px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.4rem; word-break: break-all; }
h2 { font-size: 1.1rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
figure { margin: .5rem 0; }
figcaption, .caption { color: var(--muted); font-size: .9rem; max-width: 760px; margin-top: .3rem; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .6rem; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
nav ul { columns: 2; font-size: .9rem; padding-left: 1.2rem; }
a { color: var(--link); }
details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
svg text { fill: var(--fg); }
svg .role-axis-domain line, svg .role-axis-tick line, svg .role-axis-domain path { stroke: var(--axis); }
svg .role-axis-grid line { stroke: var(--grid); }
svg .role-frame > path, svg rect.background { fill: none; }
`;

const PAGE_COLOURS = `
:root { --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --rule: #d0d7de; --link: #0969da; --axis: #888; --grid: #e5e5e5; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --rule: #30363d; --link: #4493f8; --axis: #8b949e; --grid: #30363d; } }
`;

/** The standalone file: no script, nothing loaded from anywhere (the CSP says so too). */
export function reportPageHtml(report: Report, charts: readonly Chart[], svgs: readonly string[]): string {
  const t = reportTables(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(t.title)}</title>
<style>${PAGE_COLOURS}${REPORT_CSS}</style>
</head>
<body>
<main>
${reportBodyHtml(report, charts, svgs)}
<footer><p class="caption">Made by <code>lsrif report</code>. Charts: Vega-Lite, drawn to SVG by Vega when the report was made.</p></footer>
</main>
</body>
</html>
`;
}
