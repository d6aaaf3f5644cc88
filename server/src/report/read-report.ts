// Reads the files of a report as streams and aggregates them: one score-batch
// output, or one or two eval_results files (strict and loose). A bad line is counted
// and reported by position, never fatal; a file that cannot be read at all, or holds
// no usable line, is a ReportInputError.

import { basename } from "node:path";
import { streamJsonl } from "../util/jsonl-stream.js";
import { EvalAggregator } from "./eval-aggregator.js";
import { EvalResultLine, issueText, kindOf, ReportScoreLine, type LineKind } from "./lines.js";
import { PROBLEMS_SHOWN, type EvalMode, type EvalReport, type Problems, type ScoresReport } from "./model.js";
import { ScoreAggregator } from "./score-aggregator.js";

export class ReportInputError extends Error {}

export interface ReadOptions {
  /** With --instructions: the ids of the instruction set, for the coverage figures. */
  instructionIds?: ReadonlySet<string>;
}

class ProblemList {
  readonly problems: Problems = { count: 0, first: [] };

  add(file: string, line: number, message: string): void {
    this.problems.count++;
    if (this.problems.first.length < PROBLEMS_SHOWN) this.problems.first.push({ file, line, message });
  }
}

function whyUnreadable(file: string, error: unknown): ReportInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
  return new ReportInputError(`${file}: cannot read: ${why}`);
}

/** Calls `each` for every JSON value of the file; JSON errors go to `problems`. */
async function eachValue(file: string, problems: ProblemList, each: (value: unknown, line: number) => void): Promise<void> {
  try {
    for await (const item of streamJsonl(file)) {
      if (item.ok) each(item.value, item.line);
      else problems.add(file, item.line, item.message);
    }
  } catch (error) {
    throw whyUnreadable(file, error);
  }
}

/** The kind of the file: that of its first JSON line that looks like either. */
async function detectKind(file: string): Promise<LineKind | undefined> {
  try {
    for await (const item of streamJsonl(file)) {
      const kind = item.ok ? kindOf(item.value) : undefined;
      if (kind) return kind;
    }
  } catch (error) {
    throw whyUnreadable(file, error);
  }
  return undefined;
}

async function readScores(file: string, options: ReadOptions): Promise<ScoresReport> {
  const problems = new ProblemList();
  const aggregator = new ScoreAggregator();
  await eachValue(file, problems, (value, line) => {
    const parsed = ReportScoreLine.safeParse(value);
    if (parsed.success) aggregator.add(parsed.data, line);
    else problems.add(file, line, `not a score line (${issueText(parsed.error)})`);
  });
  const report = aggregator.build(file, problems.problems);
  if (report.responses === 0) throw new ReportInputError(`${file}: no score lines in it`);
  if (options.instructionIds) {
    const seen = new Set(aggregator.groups.instructions());
    const missing = [...options.instructionIds].filter((id) => !seen.has(id));
    let unknownInFile = 0;
    for (const id of seen) if (!options.instructionIds.has(id)) unknownInFile++;
    report.coverage = { instructions: options.instructionIds.size, withResponses: options.instructionIds.size - missing.length, missing: missing.slice(0, PROBLEMS_SHOWN), unknownInFile };
  }
  return report;
}

/** strict or loose, from the file name (`eval_results_loose.jsonl` is loose; anything else strict). */
export function modeOfFile(file: string): EvalMode {
  return /loose/i.test(basename(file)) ? "loose" : "strict";
}

async function readEval(files: string[]): Promise<EvalReport> {
  const byMode: EvalReport["files"] = {};
  for (const file of files) {
    const mode = modeOfFile(file);
    if (byMode[mode]) throw new ReportInputError(`${byMode[mode]} and ${file} are both ${mode} results (a file whose name contains "loose" is the loose one)`);
    byMode[mode] = file;
  }
  const problems = new ProblemList();
  const aggregator = new EvalAggregator();
  for (const [mode, file] of Object.entries(byMode) as [EvalMode, string][]) {
    await eachValue(file, problems, (value, line) => {
      const parsed = EvalResultLine.safeParse(value);
      if (parsed.success) aggregator.add(mode, parsed.data, line);
      else problems.add(file, line, `not an eval_results row (${issueText(parsed.error)})`);
    });
  }
  const report = aggregator.build(byMode, problems.problems);
  if (report.modes.length === 0) throw new ReportInputError(`${files.join(", ")}: no eval_results rows in them`);
  return report;
}

/** One scores file, or one or two eval_results files (strict and loose). */
export async function readReport(files: readonly string[], options: ReadOptions = {}): Promise<ScoresReport | EvalReport> {
  if (files.length === 0) throw new ReportInputError("no input file");
  const kinds = await Promise.all(files.map(async (file) => ({ file, kind: await detectKind(file) })));
  const unknown = kinds.find((k) => k.kind === undefined);
  if (unknown) throw new ReportInputError(`${unknown.file}: neither score lines (lsrif score-batch) nor eval_results rows (lsrif ifeval/ifbench)`);
  if (kinds.every((k) => k.kind === "eval")) {
    if (files.length > 2) throw new ReportInputError("at most two eval_results files (strict and loose)");
    return readEval([...files]);
  }
  if (files.length > 1) throw new ReportInputError(`one scores file at a time (got ${files.length} files${kinds.some((k) => k.kind === "eval") ? ", some of them eval_results" : ""})`);
  return readScores(files[0], options);
}
