// `--against`: the change from a "before" run (the --against file) to this run, per
// constraint type, structure, depth and (for eval results) instruction id, largest
// change first. Pass rates compare passed / (passed + failed); undecided keys are left out.

import type { Comparison, DeltaRow, EvalReport, Report, ScoresReport } from "./model.js";

interface Figure {
  group: string;
  key: string;
  value: number;
  n: number;
}

function scoreFigures(r: ScoresReport): Figure[] {
  const out: Figure[] = [];
  if (r.meanLsrm !== null) out.push({ group: "overall", key: "mean R (LsRM)", value: r.meanLsrm, n: r.responses });
  if (r.meanFlat !== null) out.push({ group: "overall", key: "mean flat", value: r.meanFlat, n: r.responses });
  if (r.groups.groups > 0) out.push({ group: "overall", key: "groups with all-equal R", value: r.groups.allEqualLsrm.count / r.groups.groups, n: r.groups.groups });
  for (const s of r.byStructure) out.push({ group: "structure", key: s.key, value: s.meanLsrm, n: s.responses });
  for (const d of r.byDepth) out.push({ group: "depth", key: String(d.depth), value: d.meanLsrm, n: d.responses });
  for (const [group, rows] of [["hard", r.hard], ["soft", r.soft]] as const) {
    for (const row of rows) if (row.passRate !== null) out.push({ group, key: row.key, value: row.passRate, n: row.passed + row.failed });
  }
  return out;
}

function evalFigures(r: EvalReport): Figure[] {
  const out: Figure[] = [];
  for (const m of r.modes) {
    if (m.promptLevel.accuracy !== null) out.push({ group: `prompt-level`, key: m.mode, value: m.promptLevel.accuracy, n: m.promptLevel.total });
    if (m.instructionLevel.accuracy !== null) out.push({ group: `instruction-level`, key: m.mode, value: m.instructionLevel.accuracy, n: m.instructionLevel.total });
  }
  for (const row of r.byInstruction) {
    for (const mode of ["strict", "loose"] as const) {
      const acc = row[mode];
      if (acc && acc.accuracy !== null) out.push({ group: `instruction (${mode})`, key: row.key, value: acc.accuracy, n: acc.total });
    }
  }
  return out;
}

const figuresOf = (r: ScoresReport | EvalReport) => (r.kind === "scores" ? scoreFigures(r) : evalFigures(r));
const keyOf = (f: Figure) => `${f.group}\u0000${f.key}`;
const nameOf = (f: Figure) => `${f.group}: ${f.key}`;

/** `after` is this run, `before` the --against run; both of the same kind (checked by the caller). */
export function compareReports(after: ScoresReport | EvalReport, before: ScoresReport | EvalReport, beforeName: string): Comparison {
  const beforeFigures = new Map(figuresOf(before).map((f) => [keyOf(f), f]));
  const rows: DeltaRow[] = [];
  const onlyAfter: string[] = [];
  for (const a of figuresOf(after)) {
    const b = beforeFigures.get(keyOf(a));
    if (!b) {
      onlyAfter.push(nameOf(a));
      continue;
    }
    beforeFigures.delete(keyOf(a));
    rows.push({ group: a.group, key: a.key, before: b.value, after: a.value, delta: a.value - b.value, nBefore: b.n, nAfter: a.n });
  }
  rows.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.group.localeCompare(y.group) || x.key.localeCompare(y.key));
  return { before: beforeName, rows, onlyBefore: [...beforeFigures.values()].map(nameOf), onlyAfter };
}

export function withComparison(report: ScoresReport | EvalReport, before: ScoresReport | EvalReport | undefined, beforeName: string): Report {
  return before ? { ...report, against: compareReports(report, before, beforeName) } : report;
}
