// IFEval's evaluation: join responses to prompts, verify every instruction,
// produce the official eval_results rows and the two accuracies.

import type { FileIssue, InputRow, ResponseRow } from "./jsonl-rows.js";
import { verifyInstruction, type VerifyMode } from "./verify.js";
import { pyJsonDumps } from "./python/py-json-dumps.js";

/** One line of eval_results_{strict,loose}.jsonl, keys in the official (alphabetical) order. */
export interface EvalResultRow {
  follow_all_instructions: boolean;
  follow_instruction_list: boolean[];
  instruction_id_list: string[];
  prompt: string;
  response: string;
}

export type JoinRule = "prompt" | "key" | "position";

export interface EvaluatedRow {
  key: number;
  /** Line of the prompt in the input file. */
  line: number;
  joinedBy: JoinRule;
  result: EvalResultRow;
}

export interface Accuracy {
  correct: number;
  total: number;
  /** correct / total; 0 when total is 0. */
  accuracy: number;
}

/**
 * Which response answers each prompt. The official code keys responses by
 * exact prompt text (a later duplicate wins). A prompt with no exact match
 * falls back to a response carrying the same `key`, then to the response at the
 * same position (n-th prompt line, n-th response line) provided that response's
 * prompt text matches no prompt at all. This evaluates IFEval key 2785, whose
 * response line still carries an older wording of the prompt.
 */
export function joinResponses(
  inputs: readonly InputRow[],
  responses: readonly ResponseRow[],
  inputFile: string,
): { pairs: { input: InputRow; response: ResponseRow; joinedBy: JoinRule }[]; issues: FileIssue[] } {
  const byPrompt = new Map<string, ResponseRow>();
  const byKey = new Map<number, ResponseRow>();
  for (const r of responses) {
    byPrompt.set(r.prompt, r);
    if (r.key !== undefined) byKey.set(r.key, r);
  }
  const inputPrompts = new Set(inputs.map((i) => i.prompt));
  const pairs: { input: InputRow; response: ResponseRow; joinedBy: JoinRule }[] = [];
  const issues: FileIssue[] = [];
  inputs.forEach((input, position) => {
    const exact = byPrompt.get(input.prompt);
    if (exact) return pairs.push({ input, response: exact, joinedBy: "prompt" });
    const keyed = byKey.get(input.key);
    if (keyed) return pairs.push({ input, response: keyed, joinedBy: "key" });
    const positional = responses[position];
    if (positional && !inputPrompts.has(positional.prompt)) return pairs.push({ input, response: positional, joinedBy: "position" });
    issues.push({ file: inputFile, line: input.line, message: `no response for the prompt of key ${input.key}` });
  });
  return { pairs, issues };
}

export function evaluatePair(input: InputRow, response: string, mode: VerifyMode): EvalResultRow {
  const follow = input.instructions.map((i) => verifyInstruction(i.type, response, i.args, mode));
  return {
    follow_all_instructions: follow.every(Boolean),
    follow_instruction_list: follow,
    instruction_id_list: input.instruction_id_list,
    prompt: input.prompt,
    response,
  };
}

export function evaluateAll(
  pairs: readonly { input: InputRow; response: ResponseRow; joinedBy: JoinRule }[],
  mode: VerifyMode,
): EvaluatedRow[] {
  return pairs.map(({ input, response, joinedBy }) => ({
    key: input.key,
    line: input.line,
    joinedBy,
    result: evaluatePair(input, response.response, mode),
  }));
}

function ratio(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

/** Prompt-level: all instructions followed. Instruction-level: over all instructions. */
export function summarise(rows: readonly EvalResultRow[]): { promptLevel: Accuracy; instructionLevel: Accuracy } {
  let instructions = 0;
  let followed = 0;
  for (const row of rows) {
    instructions += row.follow_instruction_list.length;
    followed += row.follow_instruction_list.filter(Boolean).length;
  }
  return {
    promptLevel: ratio(rows.filter((r) => r.follow_all_instructions).length, rows.length),
    instructionLevel: ratio(followed, instructions),
  };
}

/** The row as the official evaluator writes it (Python json.dumps defaults). */
export function formatResultLine(row: EvalResultRow): string {
  return pyJsonDumps({
    follow_all_instructions: row.follow_all_instructions,
    follow_instruction_list: row.follow_instruction_list,
    instruction_id_list: row.instruction_id_list,
    prompt: row.prompt,
    response: row.response,
  });
}
