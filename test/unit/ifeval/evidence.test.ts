// Evidence behind hard verdicts (server/src/ifeval/evidence): the explainers' own
// measure must agree with the checker on every type's examples and on all 541 official
// IFEval responses (strict and loose), and the messages name what was measured.

import assert from "node:assert/strict";
import { test } from "node:test";
import { explain, explainText, hasExplainer } from "../../../server/src/ifeval/evidence/explain.js";
import { parseInputJsonl, parseResponsesJsonl } from "../../../server/src/ifeval/jsonl-rows.js";
import { joinResponses } from "../../../server/src/ifeval/evaluate.js";
import { HARD_TYPES, findHardType } from "../../../server/src/ifeval/registry.js";
import { verifyInstruction } from "../../../server/src/ifeval/verify.js";
import { ifevalFixture } from "./fixtures.js";

// IFBench and IF-RLVR types get the generic message (their checkers give the verdict only).
const IFEVAL_TYPES = HARD_TYPES.filter((t) => t.family === "IFEval");

test("every IFEval type has its own explainer", () => {
  assert.equal(IFEVAL_TYPES.length, 25);
  assert.deepEqual(IFEVAL_TYPES.filter((t) => !hasExplainer(t.id)).map((t) => t.id), []);
});

test("on each IFEval type's pass and fail example the explainer agrees with the checker", () => {
  for (const type of IFEVAL_TYPES) {
    for (const [text, expected] of [[type.example.pass, true], [type.example.fail, false]] as const) {
      const finding = explainText(type.id, text, type.example.args);
      assert.ok(finding, type.id);
      assert.equal(finding.holds, expected, `${type.id} on ${JSON.stringify(text)}: ${finding.message}`);
    }
  }
});

test("on all 541 official responses the explanation agrees with the verdict, strict and loose", () => {
  const inputs = parseInputJsonl(ifevalFixture("input_data.jsonl"), "input_data.jsonl");
  const responses = parseResponsesJsonl(ifevalFixture("input_response_data_gpt4_20231107_145030.jsonl"), "responses.jsonl");
  const { pairs } = joinResponses(inputs.rows, responses.rows, "input_data.jsonl");
  const disagreements: string[] = [];
  let checked = 0;
  for (const { input, response } of pairs) {
    for (const instruction of input.instructions) {
      for (const mode of ["strict", "loose"] as const) {
        const passed = verifyInstruction(instruction.type, response.response, instruction.args, mode);
        const evidence = explain(instruction.id, response.response, instruction.args, mode, passed);
        checked++;
        // The generic fallback is what explain gives when its own measure disagrees with the checker.
        if (evidence.message.includes("the checker gives no details")) disagreements.push(`${input.key} ${instruction.id} ${mode}`);
        for (const s of evidence.spans) assert.ok(s.start >= 0 && s.end <= response.response.length && s.start <= s.end, `${input.key} ${instruction.id}`);
      }
    }
  }
  assert.ok(checked > 1600, `checked ${checked}`);
  assert.deepEqual(disagreements, []);
});

test("messages say what was measured, with offsets into the response", () => {
  const words = findHardType("words")!;
  const thirteen = "one two three four five six seven eight nine ten eleven twelve thirteen.";
  const passed = verifyInstruction(words, thirteen, { relation: "at least", num_words: 120 }, "strict");
  assert.deepEqual(explain(words.id, thirteen, { relation: "at least", num_words: 120 }, "strict", passed), { message: "13 words; needs at least 120", spans: [] });

  const text = "No commas here.\nBut one, two, three,\nand four, here.";
  // Commas at offsets 23, 28, 35 (line 2) and 45 (line 3), counted by hand.
  assert.deepEqual(explain("punctuation:no_comma", text, {}, "strict", false), {
    message: "4 commas (first at line 2)",
    spans: [{ start: 23, end: 24 }, { start: 28, end: 29 }, { start: 35, end: 36 }, { start: 45, end: 46 }],
  });
  assert.equal(explain("detectable_format:title", "Spring\nBuds open.", {}, "strict", false).message, "no title in double angular brackets, such as <<title>>");
  const found = explain("keywords:forbidden_words", "All good.\nAn error\nhappened at line 3: error", { forbidden_words: ["error"] }, "strict", false);
  assert.deepEqual(found, { message: "found \"error\" at line 2", spans: [{ start: 13, end: 18 }] });
});

test("loose mode names the variant it passed on and gives no offsets into a different text", () => {
  const response = "Sure, here it is:\nno commas in this part";
  const evidence = explain("punctuation:no_comma", response, {}, "loose", true);
  assert.equal(evidence.message, "no commas (in the response without its first line, as loose mode allows)");
  assert.deepEqual(evidence.spans, []);
});

test("a type without an explainer, or an explainer that disagrees, gets the generic evidence", () => {
  assert.equal(explain("no:such_type", "text", {}, "strict", true).message, "followed (the checker gives no details)");
  assert.equal(explain("punctuation:no_comma", "a, b", {}, "strict", true).message, "followed (the checker gives no details)");
});
