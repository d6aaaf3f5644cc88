// `lsrif`: the command line. Parses arguments, dispatches, and turns every
// failure into a one-line message and an exit code (never a stack trace).

import { parseArgs, type ParseArgsConfig } from "node:util";
import { runIfevalCommand } from "./ifeval-command.js";
import { runCheck } from "./commands/check.js";
import { GENERATE_OPTIONS, runGenerateCommand } from "./commands/generate.js";
import { runExport, runFormat, runImport, runRender } from "./commands/convert.js";
import { runScore } from "./commands/score.js";
import { runScoreBatch } from "./commands/score-batch.js";
import { runReport } from "./commands/report.js";
import { runExportDataset } from "./commands/export-dataset.js";
import { runServe, softValueOption } from "./commands/serve.js";
import { CliError, EXIT_OK, EXIT_UNUSABLE, exitQuietlyOnBrokenPipe, processIo, type Io } from "./io.js";
import { JUDGE_OPTIONS, openJudgeFromFlags } from "./judge-options.js";
import { commandHelp, isCommand, USAGE } from "./usage.js";

export { USAGE };
import { maxResponseBytesFromFlags, RESPONSE_LIMIT_OPTIONS } from "./response-limit-options.js";
import { boundHeapGrowth } from "../util/heap-growth.js";


type Options = NonNullable<ParseArgsConfig["options"]>;

/** What part of a response is scored, and how soft verdicts count (score, score-batch; serve has them too). */
const RESPONSE_TEXT_OPTIONS = {
  "strip-thinking": { type: "boolean" }, "strip-suffix": { type: "boolean" }, "soft-value": { type: "string" },
} as const;

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

function positionals(list: string[], min: number, max: number, what: string): string[] {
  if (list.length < min || list.length > max) throw new CliError(`expected ${what}\n\n${USAGE}`);
  return list;
}

function numberOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || value.trim() === "" || !Number.isFinite(n)) throw new CliError(`--${name} must be a number (got '${String(value)}')`);
  return n;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (isCommand(command) && (rest.includes("--help") || rest.includes("-h"))) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  switch (command) {
    case "check": {
      const { values, positionals: files } = parse(rest, { json: { type: "boolean" } });
      return runCheck(positionals(files, 1, Infinity, "at least one FILE"), values.json === true, io);
    }
    case "score": {
      const { values, positionals: pos } = parse(rest, {
        gamma: { type: "string" }, flat: { type: "boolean" }, loose: { type: "boolean" }, json: { type: "boolean" }, ...JUDGE_OPTIONS, ...RESPONSE_TEXT_OPTIONS,
        ...RESPONSE_LIMIT_OPTIONS,
      });
      const [instruction, response] = positionals(pos, 2, 2, "INSTRUCTION and RESPONSE");
      const gamma = numberOption(values.gamma, "gamma");
      const maxResponseBytes = maxResponseBytesFromFlags(values);
      const judge = openJudgeFromFlags(values, process.env, io);
      try {
        return await runScore({
          instruction, response, gamma, maxResponseBytes,
          flat: values.flat === true, loose: values.loose === true, json: values.json === true, judge,
          stripThinking: values["strip-thinking"] === true, stripSuffix: values["strip-suffix"] === true, softValue: softValueOption(values["soft-value"]),
        }, io);
      } finally {
        judge?.dispose();
      }
    }
    case "score-batch": {
      const { values, positionals: pos } = parse(rest, {
        instructions: { type: "string" }, in: { type: "string" }, out: { type: "string" }, "summary-json": { type: "string" }, "no-retry-errors": { type: "boolean" },
        gamma: { type: "string" }, flat: { type: "boolean" }, loose: { type: "boolean" }, ...JUDGE_OPTIONS, ...RESPONSE_TEXT_OPTIONS,
        ...RESPONSE_LIMIT_OPTIONS,
      });
      positionals(pos, 0, 0, "no positional arguments");
      for (const name of ["instructions", "in", "out"] as const) {
        if (typeof values[name] !== "string") throw new CliError(`lsrif score-batch needs --${name}\n\n${USAGE}`);
      }
      const gamma = numberOption(values.gamma, "gamma");
      const maxResponseBytes = maxResponseBytesFromFlags(values);
      const judge = openJudgeFromFlags(values, process.env, io);
      try {
        return await runScoreBatch({
          maxResponseBytes,
          instructions: values.instructions as string, responses: values.in as string, out: values.out as string,
          summaryJson: typeof values["summary-json"] === "string" ? values["summary-json"] : undefined,
          gamma, flat: values.flat === true, loose: values.loose === true, judge,
          // Enough responses in flight to keep the judge's own limiter busy.
          parallelResponses: Math.min(512, 2 * (numberOption(values.concurrency, "concurrency") ?? 8)),
          stderrIsTty: process.stderr.isTTY === true,
          stripThinking: values["strip-thinking"] === true, stripSuffix: values["strip-suffix"] === true, softValue: softValueOption(values["soft-value"]),
          retryErrors: values["no-retry-errors"] !== true,
        }, io);
      } finally {
        judge?.dispose();
      }
    }
    case "export-dataset": {
      const { values, positionals: pos } = parse(rest, {
        instructions: { type: "string" }, format: { type: "string" }, out: { type: "string" }, "data-source": { type: "string" },
      });
      positionals(pos, 0, 0, "no positional arguments");
      for (const name of ["instructions", "format", "out"] as const) {
        if (typeof values[name] !== "string") throw new CliError(`lsrif export-dataset needs --${name}\n\n${USAGE}`);
      }
      return runExportDataset({
        instructions: values.instructions as string, format: values.format as string, out: values.out as string,
        dataSource: values["data-source"] as string | undefined,
      }, io);
    }
    case "serve":
      return runServe(rest, io);
    case "import":
    case "export": {
      const { values, positionals: pos } = parse(rest, { output: { type: "string", short: "o" }, ...(command === "export" ? { paper: { type: "boolean" as const } } : {}) });
      const [file] = positionals(pos, 1, 1, "one FILE");
      const out = typeof values.output === "string" ? values.output : undefined;
      return command === "import" ? runImport(file, out, io) : runExport(file, out, io, (values as { paper?: boolean }).paper === true);
    }
    case "render": {
      const { positionals: pos } = parse(rest, {});
      return runRender(positionals(pos, 1, 1, "one FILE")[0], io);
    }
    case "format": {
      const { values, positionals: files } = parse(rest, { write: { type: "boolean" }, check: { type: "boolean" } });
      if (values.write && values.check) throw new CliError("use either --write or --check");
      return runFormat(positionals(files, 1, Infinity, "at least one FILE"), values.write ? "write" : values.check ? "check" : "print", io);
    }
    case "ifeval":
    case "ifbench": {
      const { values, positionals: pos } = parse(rest, {
        input: { type: "string" }, responses: { type: "string" }, out: { type: "string" }, loose: { type: "boolean" },
      });
      positionals(pos, 0, 0, "no positional arguments");
      for (const name of ["input", "responses", "out"] as const) {
        if (typeof values[name] !== "string") throw new CliError(`lsrif ${command} needs --${name}\n\n${USAGE}`);
      }
      return runIfevalCommand({ input: values.input as string, responses: values.responses as string, out: values.out as string, loose: values.loose === true }, io);
    }
    case "report": {
      const { values, positionals: files } = parse(rest, {
        against: { type: "string", multiple: true }, instructions: { type: "string" }, format: { type: "string" }, output: { type: "string", short: "o" },
      });
      return runReport({
        files: positionals(files, 1, 2, "SCORES.jsonl, or one or two eval_results files (strict and loose)"), against: Array.isArray(values.against) ? values.against.map(String) : [],
        instructions: str(values.instructions), out: str(values.output), format: str(values.format),
      }, io);
    }
    case "generate": {
      const { values, positionals: pos } = parse(rest, { ...GENERATE_OPTIONS, ...JUDGE_OPTIONS });
      positionals(pos, 0, 0, "no positional arguments");
      return runGenerateCommand(values, io, process.env, process.stderr.isTTY === true);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      io.stdout(USAGE);
      return command === undefined ? EXIT_UNUSABLE : EXIT_OK;
    default:
      throw new CliError(`unknown command '${command}'\n\n${USAGE}`);
  }
}

const BOUNDED_HEAP_COMMANDS = new Set(["score", "score-batch"]);

/** The process entry: prints errors without stack traces and sets the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) {
    exitQuietlyOnBrokenPipe();
    // Peak memory on huge responses (server/src/util/heap-growth.ts), for the commands that score
    // a file's responses. Not for `serve`: a long-running server with many items in flight and its
    // caches pays for more frequent full collections in throughput (the one-item reward row).
    if (BOUNDED_HEAP_COMMANDS.has(argv[0])) boundHeapGrowth();
  }
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`lsrif: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`lsrif: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_UNUSABLE;
  }
}
