// `lsrif report --format md`: the report as Markdown tables (for terminals and CI logs).

import { AGAINST_SECTION, evalSections, scoreSections, type Section } from "./captions.js";
import type { Accuracy, Comparison, EvalReport, PassRow, Problems, Report, ScoresReport } from "./model.js";
import { binLabel } from "./refs.js";

/** Four decimals at most, trailing zeros dropped; "-" for a missing value. */
export const num = (x: number | null | undefined): string => (x === null || x === undefined ? "-" : Number(x.toFixed(4)).toString());
const signed = (x: number) => (x > 0 ? "+" : "") + num(x);
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map((c) => cell(String(c))).join(" | ")} |`),
  ];
}

const section = (s: Section, body: string[]) => [`## ${s.title}`, "", s.caption, "", ...body, ""];

function passTable(rows: PassRow[], what: string): string[] {
  if (rows.length === 0) return [`No ${what} in this file.`];
  return table([what, "passed", "failed", "pass rate", "unjudged", "errors"], rows.map((r) => [r.key, r.passed, r.failed, num(r.passRate), r.unjudged, r.errors]));
}

function problemLines(p: Problems): string[] {
  if (p.count === 0) return [];
  return [`## Lines not read`, "", `${p.count} lines were not read:`, "", ...p.first.map((x) => `- ${x.file}:${x.line}: ${x.message}`), ...(p.count > p.first.length ? [`- … and ${p.count - p.first.length} more`] : []), ""];
}

function scoresMarkdown(r: ScoresReport): string[] {
  const s = scoreSections(r);
  const g = r.groups;
  return [
    `# LsrIF report: ${r.file}`,
    "",
    ...table(["responses", "mean R (LsRM)", "mean flat", "incomplete", "judge errors"], [[r.responses, num(r.meanLsrm), num(r.meanFlat), r.incomplete.count, r.errored.count]]),
    "",
    ...(r.coverage
      ? [`Instructions: ${r.coverage.withResponses} of ${r.coverage.instructions} have responses in this file${r.coverage.missing.length ? ` (missing: ${r.coverage.missing.join(", ")}${r.coverage.instructions - r.coverage.withResponses > r.coverage.missing.length ? ", …" : ""})` : ""}; ${r.coverage.unknownInFile} instruction ids in the file are not in the set.`, ""]
      : []),
    ...section(s.distribution, table(["reward", "R (LsRM)", "flat"], r.distribution.map((b) => [binLabel(b.bin), b.lsrm.count, b.flat.count]))),
    ...section(s.structure, table(["structure", "responses", "mean R", "mean flat"], r.byStructure.map((x) => [x.key, x.responses, num(x.meanLsrm), num(x.meanFlat)]))),
    ...section(s.depth, table(["depth", "responses", "mean R", "mean flat"], r.byDepth.map((x) => [x.depth, x.responses, num(x.meanLsrm), num(x.meanFlat)]))),
    ...section(s.hard, passTable(r.hard, "hard constraint")),
    ...section(s.soft, passTable(r.soft, "soft category")),
    ...section(s.ablation, table(["R > flat", "R = flat", "R < flat"], [[r.ablation.lsrmAbove, r.ablation.equal, r.ablation.lsrmBelow]])),
    ...section(s.groups, table(
      ["groups", "ranked differently", "pairs", "pairs ranked differently"],
      [[g.groups, g.orderDiffers.count, g.pairs, g.pairsDiffer]],
    )),
    ...section(s.spread, [
      ...table(["groups", "all-equal R", "all-equal flat"], [[g.groups, g.allEqualLsrm.count, g.allEqualFlat.count]]),
      "",
      ...table(["spread", "R (LsRM)", "flat"], g.spread.map((b) => [binLabel(b.bin), b.lsrm.count, b.flat.count])),
    ]),
    ...problemLines(r.problems),
  ];
}

const acc = (a: Accuracy | undefined) => (a ? `${num(a.accuracy)} (${a.correct}/${a.total})` : "-");

function evalMarkdown(r: EvalReport): string[] {
  const s = evalSections(r);
  return [
    `# LsrIF report: ${Object.values(r.files).join(", ")}`,
    "",
    ...section(s.accuracy, table(["mode", "prompts", "prompt-level", "instruction-level"], r.modes.map((m) => [m.mode, m.prompts, acc(m.promptLevel), acc(m.instructionLevel)]))),
    ...section(s.instructions, table(["instruction id", "strict", "loose"], r.byInstruction.map((x) => [x.key, acc(x.strict), acc(x.loose)]))),
    ...problemLines(r.problems),
  ];
}

function comparisonMarkdown(c: Comparison): string[] {
  return section({ ...AGAINST_SECTION, caption: `${AGAINST_SECTION.caption} The other run: ${c.before}.` }, [
    ...table(["figure", "before", "after", "change", "n before", "n after"], c.rows.map((x) => [`${x.group}: ${x.key}`, num(x.before), num(x.after), signed(x.delta), x.nBefore, x.nAfter])),
    ...(c.onlyBefore.length ? ["", `Only in the other run: ${c.onlyBefore.join(", ")}.`] : []),
    ...(c.onlyAfter.length ? ["", `Only in this run: ${c.onlyAfter.join(", ")}.`] : []),
  ]);
}

export function reportMarkdown(report: Report): string {
  const lines = report.kind === "scores" ? scoresMarkdown(report) : evalMarkdown(report);
  if (report.against) lines.push(...comparisonMarkdown(report.against));
  while (lines.at(-1) === "") lines.pop();
  return lines.join("\n") + "\n";
}
