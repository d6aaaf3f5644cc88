// A report from its files (with --against), and its output in each format. Shared by
// `lsrif report` and the language server's report command.

import { reportCharts } from "./charts.js";
import { withComparison } from "./compare.js";
import { reportBodyHtml, reportPageHtml } from "./html.js";
import { reportMarkdown } from "./markdown.js";
import { PROBLEMS_SHOWN, type Report } from "./model.js";
import { readReport, ReportInputError, type ReadOptions } from "./read-report.js";
import { renderSvg } from "./svg.js";

export type ReportFormat = "html" | "md" | "json";

export async function buildReport(files: readonly string[], against: readonly string[], options: ReadOptions = {}): Promise<Report> {
  const report = await readReport(files, options);
  if (against.length === 0) return report;
  const before = await readReport(against, options.instructionIds ? { instructionIds: options.instructionIds } : {});
  if (before.kind !== report.kind) {
    throw new ReportInputError(`--against ${against.join(", ")} holds ${before.kind === "scores" ? "score lines" : "eval_results rows"}, but the report is of ${report.kind === "scores" ? "score lines" : "eval_results rows"}`);
  }
  // The other run's unreadable lines are reported with this run's (each names its file).
  const problems = { count: report.problems.count + before.problems.count, first: [...report.problems.first, ...before.problems.first].slice(0, PROBLEMS_SHOWN) };
  return withComparison({ ...report, problems }, before, against.join(", "));
}

/** Every chart drawn to SVG, in order. */
export async function chartSvgs(report: Report) {
  const charts = reportCharts(report);
  const svgs: string[] = [];
  for (const chart of charts) svgs.push(await renderSvg(chart.spec));
  return { charts, svgs };
}

export async function renderReport(report: Report, format: ReportFormat): Promise<string> {
  if (format === "md") return reportMarkdown(report);
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  const { charts, svgs } = await chartSvgs(report);
  return reportPageHtml(report, charts, svgs);
}

/** The page body (charts, captions, tables) for a host page such as the editor's view. */
export async function renderReportBody(report: Report): Promise<string> {
  const { charts, svgs } = await chartSvgs(report);
  return reportBodyHtml(report, charts, svgs);
}
