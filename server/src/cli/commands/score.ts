import type { SoftJudge } from "../../judge/types.js";
import type { SoftValue } from "../../scoring/leaf-verdicts.js";
import { scoreResponse } from "../../scoring/response-text.js";
import { formatScoreTree } from "../../scoring/text-report.js";
import { DEFAULT_FALLBACK_SCORE, resultReward } from "../../serve/reward-block.js";
import { CliError, EXIT_OK, readInput, type Io } from "../io.js";
import { loadInstruction } from "../load-instruction.js";

export interface ScoreCommandOptions {
  instruction: string;
  response: string;
  gamma?: number;
  flat: boolean;
  loose: boolean;
  json: boolean;
  judge?: SoftJudge;
  stripThinking?: boolean;
  stripSuffix?: boolean;
  softValue?: SoftValue;
  /** Hard checks of a longer response (UTF-8 bytes) are errors; undefined: the default. */
  maxResponseBytes?: number;
}

/** `lsrif score INSTRUCTION RESPONSE`: the LsRM reward with its tree. */
export async function runScore(options: ScoreCommandOptions, io: Io): Promise<number> {
  if (options.gamma !== undefined && !(options.gamma >= 0 && options.gamma <= 1)) {
    throw new CliError(`--gamma must be a number between 0 and 1 (got ${options.gamma})`);
  }
  if (options.instruction === "-" && options.response === "-") throw new CliError("only one of INSTRUCTION and RESPONSE can be '-' (stdin)");
  const loaded = loadInstruction(options.instruction, io);
  for (const m of loaded.messages) io.stderr(m + "\n");
  if (loaded.hasErrors || !loaded.instruction) {
    throw new CliError(`${options.instruction}: the instruction has errors; fix them before scoring`);
  }
  const response = readInput(options.response, io);
  const result = await scoreResponse(loaded.instruction, response, {
    gamma: options.gamma,
    flat: options.flat,
    loose: options.loose,
    judge: options.judge,
    stripThinking: options.stripThinking,
    stripSuffix: options.stripSuffix,
    softValue: options.softValue,
    maxResponseBytes: options.maxResponseBytes,
  });
  if (options.json) {
    // `reward`: the six keys `lsrif serve` gives this response (its default --fallback-score 0).
    const { reward } = resultReward(result, DEFAULT_FALLBACK_SCORE);
    io.stdout(JSON.stringify({ ...result, reward }, (key, value) => (key === "range" ? undefined : value), 2) + "\n");
  } else {
    io.stdout(formatScoreTree(result) + "\n");
    if (result.reason !== undefined) io.stdout(`scored 0 without checking: ${result.reason} (--strip-thinking)\n`);
  }
  return EXIT_OK;
}
