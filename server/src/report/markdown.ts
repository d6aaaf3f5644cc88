// `lsrif report --format md`: the report's tables as Markdown (for terminals and CI logs).

import type { Report } from "./model.js";
import { reportTables, type Table } from "./tables.js";

const cell = (text: string | number) => String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function table(t: Table): string[] {
  return [
    `| ${t.head.map(cell).join(" | ")} |`,
    `| ${t.head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...t.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

const paragraphs = (blocks: string[][]) => blocks.filter((b) => b.length > 0).map((b) => b.join("\n")).join("\n\n");

export function reportMarkdown(report: Report): string {
  const t = reportTables(report);
  const blocks: string[][] = [[`# ${cell(t.title)}`], ...t.summary.map(table), ...t.notes.map((n) => [n])];
  for (const s of t.sections) {
    blocks.push([`## ${s.section.title}`], [s.section.caption]);
    for (const t of s.tables) blocks.push(table(t));
    for (const n of s.notes) blocks.push([n]);
  }
  return paragraphs(blocks) + "\n";
}
