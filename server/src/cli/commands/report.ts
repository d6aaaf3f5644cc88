// `lsrif report`: a scores file (score-batch) or eval_results (ifeval/ifbench) as a
// self-contained HTML page with charts, Markdown tables or JSON.

import { writeFileSync } from "node:fs";
import { loadBatchInstructions } from "../batch/instructions.js";
import { CliError, EXIT_OK, EXIT_UNUSABLE, type Io } from "../io.js";
import type { Report } from "../../report/model.js";
import { ReportInputError } from "../../report/read-report.js";
import { buildReport, renderReport, type ReportFormat } from "../../report/render.js";

export interface ReportOptions {
  files: string[];
  against: string[];
  instructions?: string;
  out?: string;
  format?: string;
}

const FORMATS: readonly ReportFormat[] = ["html", "md", "json"];

/** --format, else from the -o extension (.md, .json), else html. */
function formatOf(options: ReportOptions): ReportFormat {
  if (options.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(options.format)) throw new CliError(`--format must be one of ${FORMATS.join(", ")} (got '${options.format}')`);
    return options.format as ReportFormat;
  }
  if (options.out?.endsWith(".md")) return "md";
  if (options.out?.endsWith(".json")) return "json";
  return "html";
}

function printProblems(report: Report, io: Io): number {
  const p = report.problems;
  for (const x of p.first) io.stderr(`${x.file}:${x.line}: ${x.message}\n`);
  if (p.count > p.first.length) io.stderr(`… and ${p.count - p.first.length} more lines not read\n`);
  return p.count;
}

/** Exit 0; 2 when the input is unusable, or when some lines were not read (the report is still written). */
export async function runReport(options: ReportOptions, io: Io): Promise<number> {
  const format = formatOf(options);
  let instructionIds: Set<string> | undefined;
  if (options.instructions !== undefined) {
    const set = loadBatchInstructions(options.instructions, io);
    instructionIds = new Set([...set.usable.keys(), ...set.broken.keys()]);
  }
  let report: Report;
  try {
    report = await buildReport(options.files, options.against, instructionIds ? { instructionIds } : {});
  } catch (error) {
    if (error instanceof ReportInputError) throw new CliError(error.message);
    throw error;
  }
  const text = await renderReport(report, format);
  if (options.out === undefined || options.out === "-") {
    io.stdout(text);
  } else {
    try {
      writeFileSync(options.out, text);
    } catch (error) {
      throw new CliError(`${options.out}: cannot write: ${(error as Error).message}`);
    }
    const what = report.kind === "scores" ? `${report.responses} responses` : report.modes.map((m) => `${m.prompts} prompts (${m.mode})`).join(", ");
    io.stderr(`report of ${what} written to ${options.out}\n`);
  }
  return printProblems(report, io) > 0 ? EXIT_UNUSABLE : EXIT_OK;
}
