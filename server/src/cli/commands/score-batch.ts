// `lsrif score-batch`: scores many responses (e.g. a GRPO group per instruction)
// into a JSONL file, resumably, and prints a summary.

import { writeFileSync } from "node:fs";
import type { ManagedJudge } from "../../judge/settings.js";
import type { SoftValue } from "../../scoring/leaf-verdicts.js";
import { scoreResponse } from "../../scoring/response-text.js";
import { loadBatchInstructions } from "../batch/instructions.js";
import { readScoredLines, ScoreLineWriter, scoreLine } from "../batch/output-file.js";
import { runBounded } from "../batch/pool.js";
import { createProgress } from "../batch/progress.js";
import { parseResponsesJsonl, type ResponseRow } from "../batch/responses.js";
import { BatchSummaryBuilder, formatBatchSummary } from "../batch/summary.js";
import { CliError, EXIT_FAILED, EXIT_OK, readInput, type Io } from "../io.js";

export interface ScoreBatchOptions {
  /** A directory of .lsr/.json files or an LsrInstruct JSONL file. */
  instructions: string;
  /** responses.jsonl */
  responses: string;
  /** scores.jsonl (appended to; ids already there are skipped). */
  out: string;
  gamma?: number;
  flat: boolean;
  loose: boolean;
  judge?: ManagedJudge;
  /** Responses scored at once; the judge limits its own requests separately. */
  parallelResponses: number;
  summaryJson?: string;
  /** Hard checks of a longer response (UTF-8 bytes) are errors; undefined: the default. */
  maxResponseBytes?: number;
  /** Whether stderr is a terminal (a redrawn progress bar). */
  stderrIsTty: boolean;
  stripThinking?: boolean;
  stripSuffix?: boolean;
  softValue?: SoftValue;
}

export async function runScoreBatch(options: ScoreBatchOptions, io: Io): Promise<number> {
  if (options.gamma !== undefined && !(options.gamma >= 0 && options.gamma <= 1)) {
    throw new CliError(`--gamma must be a number between 0 and 1 (got ${options.gamma})`);
  }
  const instructions = loadBatchInstructions(options.instructions, io);
  for (const message of instructions.messages) io.stderr(message + "\n");
  const responses = parseResponsesJsonl(readInput(options.responses, io));
  const already = readScoredLines(options.out);

  const summary = new BatchSummaryBuilder();
  const fail = (row: { line: number }, message: string) => {
    io.stderr(`${options.responses}:${row.line}: ${message}\n`);
    summary.addFailure();
  };

  const todo: ResponseRow[] = [];
  const unusable = [...responses.failures];
  for (const row of responses.rows) {
    const done = already.get(row.id);
    if (done) summary.addSkipped(done);
    else if (instructions.usable.has(row.instruction)) todo.push(row);
    else if (instructions.broken.has(row.instruction)) unusable.push({ line: row.line, message: `instruction '${row.instruction}' has errors (${instructions.broken.get(row.instruction)})` });
    else unusable.push({ line: row.line, message: `unknown instruction '${row.instruction}'` });
  }
  for (const failure of unusable.sort((a, b) => a.line - b.line)) fail(failure, failure.message);

  const writer = new ScoreLineWriter(options.out);
  const progress = createProgress(todo.length, (text) => io.stderr(text), options.stderrIsTty);
  let finished = 0;
  let failedHere = 0;
  try {
    await runBounded(todo, options.parallelResponses, async (row) => {
      try {
        const instruction = instructions.usable.get(row.instruction);
        if (!instruction) throw new Error(`unknown instruction '${row.instruction}'`);
        const result = await scoreResponse(instruction, row.response, {
          gamma: options.gamma, flat: options.flat, loose: options.loose, judge: options.judge,
          stripThinking: options.stripThinking, stripSuffix: options.stripSuffix, softValue: options.softValue,
          maxResponseBytes: options.maxResponseBytes,
        });
        const line = scoreLine(row.id, row.instruction, result);
        writer.append(line);
        summary.addScored(line);
      } catch (error) {
        failedHere++;
        fail(row, `cannot score: ${error instanceof Error ? error.message : String(error)}`);
      }
      progress.update(++finished, failedHere);
    });
  } finally {
    writer.close();
  }
  progress.finish(finished, failedHere);

  const built = summary.build(options.judge?.stats());
  io.stdout(formatBatchSummary(built));
  if (options.summaryJson !== undefined) {
    try {
      writeFileSync(options.summaryJson, JSON.stringify(built, null, 2) + "\n");
    } catch (error) {
      throw new CliError(`${options.summaryJson}: cannot write: ${(error as Error).message}`);
    }
  }
  return built.responses.failed > 0 ? EXIT_FAILED : EXIT_OK;
}
