// workspace/executeCommand for the editor's report view: `lsrif.report` builds the
// report of a scores or eval_results file on disk (the same code as `lsrif report`),
// `lsrif.reportLine` reads one line of such a file back for its score tree.

import { fileURLToPath } from "node:url";
import { z } from "zod";
import { drillDown, type DrillDownMap } from "../report/drill-down.js";
import { REPORT_CSS } from "../report/html.js";
import { ReportInputError } from "../report/read-report.js";
import { buildReport, renderReportBody } from "../report/render.js";
import { streamJsonl } from "../util/jsonl-stream.js";
import { SERVER_COMMANDS } from "../command-ids.js";

const REPORT_COMMANDS: readonly string[] = [SERVER_COMMANDS.report, SERVER_COMMANDS.reportLine];

export interface ReportViewJson {
  title: string;
  /** The page body: inline SVG charts, captions, tables (escaped HTML). */
  body: string;
  /** The report's style; colours are CSS variables the host page sets. */
  css: string;
  drillDown: DrillDownMap;
  /** Lines left out, as file:line: message. */
  problems: string[];
}

const FilePath = z.string().min(1).transform((value, ctx) => {
  if (!value.startsWith("file:")) return value;
  try {
    return fileURLToPath(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `not a file URI: ${value}` });
    return z.NEVER;
  }
});
const ReportArgs = z.tuple([z.array(FilePath).min(1).max(2), z.object({ against: z.array(FilePath).max(2).optional() }).strict().optional()]).rest(z.unknown());
const LineArgs = z.tuple([FilePath, z.number().int().min(1)]).rest(z.unknown());

/** Makes the error the protocol layer answers with (commands.ts's CommandError). */
type Fail = (message: string) => Error;

export function isReportCommand(command: string): boolean {
  return REPORT_COMMANDS.includes(command);
}

function parse<T>(schema: z.ZodType<T>, command: string, args: unknown[] | undefined, fail: Fail): T {
  const parsed = schema.safeParse(args ?? []);
  if (!parsed.success) throw fail(`${command}: invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function executeReportCommand(command: string, args: unknown[] | undefined, fail: Fail): Promise<unknown> {
  if (command === SERVER_COMMANDS.report) {
    const [files, options = {}] = parse(ReportArgs, command, args, fail);
    try {
      const report = await buildReport(files, options.against ?? []);
      const view: ReportViewJson = {
        title: report.kind === "scores" ? report.file : Object.values(report.files).join(", "),
        body: await renderReportBody(report),
        css: REPORT_CSS,
        drillDown: drillDown(report),
        problems: report.problems.first.map((p) => `${p.file}:${p.line}: ${p.message}`),
      };
      return view;
    } catch (error) {
      if (error instanceof ReportInputError) throw fail(`${command}: ${error.message}`);
      throw error;
    }
  }
  const [file, wanted] = parse(LineArgs, command, args, fail);
  try {
    for await (const item of streamJsonl(file)) {
      if (item.line === wanted) return item.ok ? { line: wanted, value: item.value } : { line: wanted, error: item.message };
      if (item.line > wanted) break;
    }
  } catch (error) {
    throw fail(`${command}: ${file}: cannot read: ${(error as Error).message}`);
  }
  return { line: wanted, error: `${file} has no line ${wanted}` };
}
