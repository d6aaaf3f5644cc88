// `lsrif ifeval`: IFEval's official evaluation of a responses file.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { evaluateAll, formatResultLine, joinResponses, summarise } from "../ifeval/evaluate.js";
import { formatIssue, parseInputJsonl, parseResponsesJsonl, type FileIssue } from "../ifeval/jsonl-rows.js";

export interface IfevalCommandArgs {
  /** input_data.jsonl: key, prompt, instruction_id_list, kwargs. */
  input: string;
  /** Responses jsonl: prompt, response. */
  responses: string;
  loose: boolean;
  /** Where to write eval_results jsonl. */
  out: string;
}

export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

async function readText(path: string, io: CommandIo): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    io.stderr(`${path}: cannot read: ${(error as Error).message}\n`);
    return undefined;
  }
}

/**
 * Writes the results of every usable prompt and prints the accuracies.
 * Exit code: 0 when every line was usable, 2 when some input was unusable
 * (each reported as file:line), 1 when the results could not be written.
 */
export async function runIfevalCommand(args: IfevalCommandArgs, io: CommandIo): Promise<number> {
  const inputText = await readText(args.input, io);
  const responsesText = await readText(args.responses, io);
  if (inputText === undefined || responsesText === undefined) return 2;

  const inputs = parseInputJsonl(inputText, args.input);
  const responses = parseResponsesJsonl(responsesText, args.responses);
  const joined = joinResponses(inputs.rows, responses.rows, args.input);
  const issues: FileIssue[] = [...inputs.issues, ...responses.issues, ...joined.issues];
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
  if (joined.pairs.length === 0) {
    io.stderr("no prompt could be evaluated\n");
    return 2;
  }

  const mode = args.loose ? "loose" : "strict";
  const rows = evaluateAll(joined.pairs, mode).map((r) => r.result);
  try {
    await mkdir(dirname(args.out), { recursive: true });
    await writeFile(args.out, rows.map((r) => formatResultLine(r) + "\n").join(""), "utf8");
  } catch (error) {
    io.stderr(`${args.out}: cannot write: ${(error as Error).message}\n`);
    return 1;
  }

  const { promptLevel, instructionLevel } = summarise(rows);
  io.stdout(`${mode} evaluation of ${rows.length} prompts written to ${args.out}\n`);
  io.stdout(`prompt-level: ${promptLevel.accuracy} (${promptLevel.correct}/${promptLevel.total})\n`);
  io.stdout(`instruction-level: ${instructionLevel.accuracy} (${instructionLevel.correct}/${instructionLevel.total})\n`);
  return issues.length > 0 ? 2 : 0;
}
