// What part of a model's output is scored: one function for `score`,
// `score-batch` and `serve` (--strip-suffix, --strip-thinking).
//
// --strip-suffix removes chat-template end tokens left at the end of the text
// (`<|im_end|>`, `<|endoftext|>`, `</s>`, `<|eot_id|>`, repeated, with the
// whitespace after each); text before the first of them is kept as is.
// --strip-thinking keeps only the text after the last `</think>`, the LsrIF
// authors' VeRL reward; with no `</think>` the response scores 0.

import type { Instruction } from "../analysis/logic.js";
import { scoreInstruction, unscoredResult, type ScoreOptions } from "./lsrm.js";
import type { ScoreResult } from "./result.js";

export const END_TOKENS = ["<|im_end|>", "<|endoftext|>", "</s>", "<|eot_id|>"] as const;
export const THINK_CLOSE = "</think>";
/** The reason given beside a score of 0 when --strip-thinking finds no `</think>`. */
export const NO_THINK_REASON = "no </think>";

export interface ResponseTextOptions {
  stripThinking?: boolean;
  stripSuffix?: boolean;
}

export type ScoredText = { ok: true; text: string } | { ok: false; reason: typeof NO_THINK_REASON };

function stripEndTokens(text: string): string {
  let end = text.length;
  for (;;) {
    let cut = end;
    while (cut > 0 && /\s/.test(text[cut - 1])) cut--;
    const token = END_TOKENS.find((t) => text.endsWith(t, cut));
    if (token === undefined) return text.slice(0, end);
    end = cut - token.length;
  }
}

/** The text to score, or why the response scores 0 without being checked. Linear in the text. */
export function responseToScore(response: string, options: ResponseTextOptions): ScoredText {
  let text = options.stripSuffix ? stripEndTokens(response) : response;
  if (options.stripThinking) {
    const close = text.lastIndexOf(THINK_CLOSE);
    if (close < 0) return { ok: false, reason: NO_THINK_REASON };
    text = text.slice(close + THINK_CLOSE.length);
  }
  return { ok: true, text };
}

/** Scores the part of `response` the options select; the one entry for score, score-batch and serve. */
export async function scoreResponse(
  instruction: Instruction,
  response: string,
  options: ScoreOptions & ResponseTextOptions,
  score: (instruction: Instruction, text: string, options: ScoreOptions) => Promise<ScoreResult> = scoreInstruction,
): Promise<ScoreResult> {
  const text = responseToScore(response, options);
  if (!text.ok) return unscoredResult(instruction, options, text.reason);
  const { stripThinking: _thinking, stripSuffix: _suffix, ...scoreOptions } = options;
  return score(instruction, text.text, scoreOptions);
}
