// --strip-suffix and --strip-thinking (one function for score, score-batch and
// serve), and --soft-value in the aggregator.

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { SoftJudge } from "../../../server/src/judge/types.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { responseToScore, scoreResponse } from "../../../server/src/scoring/response-text.js";

const check = (response: string, options: Parameters<typeof responseToScore>[1], expected: ReturnType<typeof responseToScore>) =>
  assert.deepEqual(responseToScore(response, options), expected, JSON.stringify(response));

test("strip-suffix: trailing end tokens (repeated, with the whitespace after them) go; nothing else changes", () => {
  check("answer<|im_end|>", { stripSuffix: true }, { ok: true, text: "answer" });
  check("answer\n<|im_end|>\n", { stripSuffix: true }, { ok: true, text: "answer\n" });
  check("answer</s><|endoftext|> \n<|eot_id|>", { stripSuffix: true }, { ok: true, text: "answer" });
  check("a <|im_end|> in the middle", { stripSuffix: true }, { ok: true, text: "a <|im_end|> in the middle" });
  check("answer  \n", { stripSuffix: true }, { ok: true, text: "answer  \n" });
  check("answer<|im_end|>", {}, { ok: true, text: "answer<|im_end|>" });
});

test("strip-thinking: only the text after the last </think>; none -> no text to score", () => {
  check("<think>a</think>\n\nanswer", { stripThinking: true }, { ok: true, text: "\n\nanswer" });
  check("<think>a</think>b</think>answer", { stripThinking: true }, { ok: true, text: "answer" });
  check("</think>", { stripThinking: true }, { ok: true, text: "" });
  check("<think>never closed", { stripThinking: true }, { ok: false, reason: "no </think>" });
  check("<think>x</think>answer<|im_end|>", { stripThinking: true, stripSuffix: true }, { ok: true, text: "answer" });
});

test("scoreResponse without </think> scores 0 and evaluates nothing", async () => {
  const instruction = analyze("no_comma\n").instruction;
  const result = await scoreResponse(instruction, "fine text", { stripThinking: true });
  assert.equal(result.score, 0);
  assert.equal(result.reason, "no </think>");
  assert.equal(result.tree.status, "not-applicable");
  // With a </think>, the part after it is scored: "fine text" has no comma -> 1.
  assert.equal((await scoreResponse(instruction, "<think>a, b</think>fine text", { stripThinking: true })).score, 1);
});

/** P(yes) by constraint text. */
const judgeOf = (p: Record<string, number>): SoftJudge => ({
  judge: async (request) => ({ status: p[request.constraint] >= 0.5 ? "pass" : "fail", probability: p[request.constraint] }),
});

test("soft-value probability: a leaf counts P(yes); conditions stay binary", async () => {
  const parallel = analyze('soft "A."\nsoft "B."\n').instruction;
  const judge = judgeOf({ "A.": 0.7, "B.": 0.4 });
  // binary: [1, 0] -> 0.5; probability: (0.7 + 0.4) / 2 = 0.55.
  assert.equal((await scoreInstruction(parallel, "r", { judge })).score, 0.5);
  assert.ok(Math.abs((await scoreInstruction(parallel, "r", { judge, softValue: "probability" })).score - 0.55) < 1e-12);
  // if soft "A." (P 0.7: holds, binary) { soft "B." } else { no_comma }: the then-branch is chosen and counts 0.4.
  const conditional = analyze('if soft "A." {\n  soft "B."\n} else {\n  no_comma\n}\n').instruction;
  const result = await scoreInstruction(conditional, "r", { judge, softValue: "probability" });
  assert.ok(Math.abs(result.score - 0.4) < 1e-12);
  // The root is a Parallel holding the conditional.
  assert.equal(result.tree.children[0].conditionHolds, true);
});
