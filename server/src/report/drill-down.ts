// What lies behind each mark of the charts: the `ref` key charts.ts puts on every datum,
// mapped to the file and the lines (at most EXAMPLES_PER_BUCKET each) it counts. The
// editor's report view lists these when a mark is clicked.

import type { EvalMode, EvalReport, Refs, Report, ScoresReport } from "./model.js";
import { binLabel } from "./refs.js";

export interface DrillDown {
  /** What the list is, e.g. "R in [0.3, 0.4)". */
  title: string;
  /** The file the line numbers are in. */
  file: string;
  refs: Refs;
}

export type DrillDownMap = Record<string, DrillDown>;

function scoresDrillDown(r: ScoresReport): DrillDownMap {
  const file = r.file;
  const map: DrillDownMap = {};
  const put = (key: string, title: string, refs: Refs) => (map[key] = { title, file, refs });
  for (const b of r.distribution) {
    put(`distribution:lsrm:${b.bin}`, `R (LsRM) in ${binLabel(b.bin)}`, b.lsrm);
    put(`distribution:flat:${b.bin}`, `flat mean in ${binLabel(b.bin)}`, b.flat);
  }
  for (const s of r.byStructure) put(`structure:${s.key}`, `${s.key} instructions`, s.refs);
  for (const d of r.byDepth) put(`depth:${d.depth}`, `nesting depth ${d.depth}`, d.refs);
  for (const h of r.hard) put(`hard:${h.key}`, `failed ${h.key}`, h.failedRefs);
  for (const s of r.soft) put(`soft:${s.key}`, `failed a ${s.key} soft constraint`, s.failedRefs);
  r.ablation.points.forEach((p, i) => put(`ablation:${i}`, `flat ${Number(p.flat.toFixed(4))}, R ${Number(p.lsrm.toFixed(4))}`, p.refs));
  const g = r.groups;
  put("groups:differ", "groups ranked differently (first response of each)", g.orderDiffers);
  put("groups:same", "groups ranked alike (not listed)", { count: g.groups - g.orderDiffers.count, examples: [] });
  put("groups:equal-lsrm", "groups with all-equal R (first response of each)", g.allEqualLsrm);
  put("groups:equal-flat", "groups with all-equal flat mean (first response of each)", g.allEqualFlat);
  for (const b of g.spread) {
    put(`spread:lsrm:${b.bin}`, `groups with an R spread in ${binLabel(b.bin)}`, b.lsrm);
    put(`spread:flat:${b.bin}`, `groups with a flat spread in ${binLabel(b.bin)}`, b.flat);
  }
  return map;
}

function evalDrillDown(r: EvalReport): DrillDownMap {
  const map: DrillDownMap = {};
  for (const m of r.modes) {
    const file = r.files[m.mode] as string;
    map[`accuracy:${m.mode}`] = { title: `${m.mode} results`, file, refs: { count: m.prompts, examples: [] } };
  }
  for (const row of r.byInstruction) {
    for (const [mode, refs] of Object.entries(row.failedRefs) as [EvalMode, Refs][]) {
      map[`instruction:${mode}:${row.key}`] = { title: `${row.key} not followed (${mode})`, file: r.files[mode] as string, refs };
    }
  }
  return map;
}

export function drillDown(report: Report): DrillDownMap {
  const map = report.kind === "scores" ? scoresDrillDown(report) : evalDrillDown(report);
  // Comparison bars name a figure, not lines: they have nothing to list.
  for (const row of report.against?.rows ?? []) {
    map[`against:${row.group}:${row.key}`] = { title: `${row.group}: ${row.key} (${row.before.toFixed(3)} → ${row.after.toFixed(3)})`, file: "", refs: { count: 0, examples: [] } };
  }
  return map;
}
