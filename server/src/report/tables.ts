// The report's tables, one list per section, shared by the Markdown output and the
// HTML page (where each sits under its chart).

import { AGAINST_SECTION, evalSections, scoreSections, type Section } from "./captions.js";
import type { Accuracy, Comparison, EvalReport, PassRow, Problems, Report, ScoresReport } from "./model.js";
import { binLabel } from "./refs.js";

export interface Table {
  head: string[];
  rows: (string | number)[][];
}

export interface TableSection {
  section: Section;
  tables: Table[];
  /** Sentences after the tables. */
  notes: string[];
}

export interface ReportTables {
  title: string;
  /** The headline table and notes before the first section. */
  summary: Table[];
  notes: string[];
  sections: TableSection[];
}

/** Four decimals at most, trailing zeros dropped; "-" for a missing value. */
export const num = (x: number | null | undefined): string => (x === null || x === undefined ? "-" : Number(x.toFixed(4)).toString());
const signed = (x: number) => (x > 0 ? "+" : "") + num(x);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function passTable(rows: PassRow[], what: string): Table {
  return { head: [what, "passed", "failed", "pass rate", "unjudged", "errors"], rows: rows.map((r) => [r.key, r.passed, r.failed, num(r.passRate), r.unjudged, r.errors]) };
}

function problemSection(p: Problems): TableSection[] {
  if (p.count === 0) return [];
  return [{
    section: { id: "problems", title: "Lines not read", caption: `${plural(p.count, "line was", "lines were")} not read and left out of every figure.` },
    tables: [{ head: ["file", "line", "problem"], rows: p.first.map((x) => [x.file, x.line, x.message]) }],
    notes: p.count > p.first.length ? [`… and ${p.count - p.first.length} more.`] : [],
  }];
}

function scoresTables(r: ScoresReport): ReportTables {
  const s = scoreSections(r);
  const g = r.groups;
  const notes: string[] = [];
  const hardest = r.hard.filter((h) => h.passRate !== null).at(-1);
  notes.push(
    `In one line: ${plural(r.responses, "response", "responses")}, mean R ${num(r.meanLsrm)} (flat ${num(r.meanFlat)}); ` +
      `${plural(g.groups, "GRPO group", "GRPO groups")}, ${g.allEqualLsrm.count} with all-equal R (no advantage signal), ${g.orderDiffers.count} ranked differently by LsRM and flat` +
      (hardest ? `; hardest hard constraint: ${hardest.key} (${num(hardest.passRate)}).` : "."),
  );
  if (r.coverage) {
    const c = r.coverage;
    const more = c.instructions - c.withResponses > c.missing.length ? ", …" : "";
    notes.push(`Instructions: ${c.withResponses} of ${c.instructions} have responses in this file${c.missing.length ? ` (missing: ${c.missing.join(", ")}${more})` : ""}; ${plural(c.unknownInFile, "instruction id", "instruction ids")} in the file not in the set.`);
  }
  if (r.aggregationInFile.flat > 0) notes.push(`${plural(r.aggregationInFile.flat, "line was", "lines were")} scored with --flat; R is derived from their trees.`);
  const binRows = (bins: ScoresReport["distribution"]) => bins.map((b) => [binLabel(b.bin), b.lsrm.count, b.flat.count]);
  return {
    title: `LsrIF report: ${r.file}`,
    summary: [{ head: ["responses", "mean R (LsRM)", "mean flat", "incomplete", "judge errors"], rows: [[r.responses, num(r.meanLsrm), num(r.meanFlat), r.incomplete.count, r.errored.count]] }],
    notes,
    sections: [
      { section: s.distribution, tables: [{ head: ["reward", "R (LsRM)", "flat"], rows: binRows(r.distribution) }], notes: [] },
      { section: s.structure, tables: [{ head: ["structure", "responses", "mean R", "mean flat"], rows: r.byStructure.map((x) => [x.key, x.responses, num(x.meanLsrm), num(x.meanFlat)]) }], notes: [] },
      { section: s.depth, tables: [{ head: ["depth", "responses", "mean R", "mean flat"], rows: r.byDepth.map((x) => [x.depth, x.responses, num(x.meanLsrm), num(x.meanFlat)]) }], notes: [] },
      { section: s.hard, tables: r.hard.length ? [passTable(r.hard, "hard constraint")] : [], notes: r.hard.length ? [] : ["No hard constraints in this file."] },
      { section: s.soft, tables: r.soft.length ? [passTable(r.soft, "soft category")] : [], notes: r.soft.length ? [] : ["No soft constraints in this file."] },
      { section: s.ablation, tables: [{ head: ["R > flat", "R = flat", "R < flat"], rows: [[r.ablation.lsrmAbove, r.ablation.equal, r.ablation.lsrmBelow]] }], notes: [] },
      { section: s.groups, tables: [{ head: ["groups", "ranked differently", "pairs", "pairs ranked differently"], rows: [[g.groups, g.orderDiffers.count, g.pairs, g.pairsDiffer]] }], notes: [] },
      {
        section: s.spread,
        tables: [
          { head: ["groups", "all-equal R", "all-equal flat"], rows: [[g.groups, g.allEqualLsrm.count, g.allEqualFlat.count]] },
          { head: ["spread", "R (LsRM)", "flat"], rows: binRows(g.spread) },
        ],
        notes: [],
      },
      ...problemSection(r.problems),
    ],
  };
}

const acc = (a: Accuracy | undefined) => (a ? `${num(a.accuracy)} (${a.correct}/${a.total})` : "-");

function evalTables(r: EvalReport): ReportTables {
  const s = evalSections(r);
  return {
    title: `LsrIF report: ${Object.values(r.files).join(", ")}`,
    summary: [],
    notes: [
      `In one line: ${r.modes.map((m) => `${m.mode} prompt-level ${num(m.promptLevel.accuracy)}, instruction-level ${num(m.instructionLevel.accuracy)}`).join("; ")} over ${plural(r.modes[0]?.prompts ?? 0, "prompt", "prompts")}.`,
    ],
    sections: [
      { section: s.accuracy, tables: [{ head: ["mode", "prompts", "prompt-level", "instruction-level"], rows: r.modes.map((m) => [m.mode, m.prompts, acc(m.promptLevel), acc(m.instructionLevel)]) }], notes: [] },
      { section: s.instructions, tables: [{ head: ["instruction id", "strict", "loose"], rows: r.byInstruction.map((x) => [x.key, acc(x.strict), acc(x.loose)]) }], notes: [] },
      ...problemSection(r.problems),
    ],
  };
}

function comparisonTables(c: Comparison): TableSection {
  return {
    section: { ...AGAINST_SECTION, caption: `${AGAINST_SECTION.caption} The other run: ${c.before}.` },
    tables: [{ head: ["figure", "before", "after", "change", "n before", "n after"], rows: c.rows.map((x) => [`${x.group}: ${x.key}`, num(x.before), num(x.after), signed(x.delta), x.nBefore, x.nAfter]) }],
    notes: [
      ...(c.onlyBefore.length ? [`Only in the other run: ${c.onlyBefore.join(", ")}.`] : []),
      ...(c.onlyAfter.length ? [`Only in this run: ${c.onlyAfter.join(", ")}.`] : []),
    ],
  };
}

export function reportTables(report: Report): ReportTables {
  const tables = report.kind === "scores" ? scoresTables(report) : evalTables(report);
  if (report.against) tables.sections.push(comparisonTables(report.against));
  return tables;
}
