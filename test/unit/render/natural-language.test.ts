// Expected texts are written by hand from the layout rules in natural-language.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { Instruction, LogicNode } from "../../../server/src/analysis/logic.js";
import { HARD_TYPES } from "../../../server/src/ifeval/registry.js";
import { importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { hardConditionPhrase } from "../../../server/src/render/condition-phrases.js";
import { conditionPhrase, renderInstruction } from "../../../server/src/render/natural-language.js";

const s = (text: string): LogicNode => ({ kind: "soft", text });
const of = (...children: LogicNode[]): Instruction => ({ gamma: 0.5, root: { kind: "parallel", children } });

test("Figure 1: a sequence with a list step and an inline conditional step", () => {
  const source = `prompt "Write a short guide to fixing a failing build."
first {
  soft content "A short instructional paragraph."
  sentences(relation: "less than", num_sentences: 4)
}
then soft format "Append a checklist with bullet points."
then if contains(keywords: ["error"]) {
  soft format "All checklist items are lowercase."
} else {
  soft format "The paragraph begins with a bolded core idea."
}
finally soft style "Use a formal, technical style."
`;
  assert.equal(renderInstruction(analyze(source).instruction), `Write a short guide to fixing a failing build.

Your response must follow these instructions:
- First, do all of the following:
    - A short instructional paragraph.
    - Your response should contain less than 4 sentences.
  Then, append a checklist with bullet points.
  Then, if the response contains the keyword 'error', all checklist items are lowercase; otherwise, the paragraph begins with a bolded core idea.
  Finally, use a formal, technical style.`);
});

test("a sequence of single constraints is one sentence; acronyms keep their capitals", () => {
  assert.equal(renderInstruction(of({ kind: "sequential", steps: [s("Write a haiku."), s("JSON output follows."), s("Sign it.")] })),
    `Your response must follow these instructions:
- First, write a haiku; then, JSON output follows; finally, sign it.`);
});

test("conditionals: block branches, else-if chains, no else; soft conditions as statements or quoted", () => {
  const instruction = of(
    {
      kind: "conditional",
      condition: s("The user asks for code."),
      then: { kind: "parallel", children: [s("Use Python."), s("Add comments.")] },
      else: { kind: "conditional", condition: s("Be brief."), then: s("Answer in one line."), else: s("Explain in prose.") },
    },
    { kind: "conditional", condition: { kind: "hard", id: "punctuation:no_comma", args: {} }, then: s("Use short sentences.") },
  );
  assert.equal(renderInstruction(instruction), `Your response must follow these instructions:
- If the user asks for code, do all of the following:
    - Use Python.
    - Add comments.
  Otherwise, if the response satisfies "Be brief.", answer in one line; otherwise, explain in prose.
- If the response contains no commas, use short sentences.`);
});

test("nested parallel groups and sequences inside branches are indented lists", () => {
  const instruction: Instruction = {
    prompt: "  Plan a trip.  ",
    gamma: 0.5,
    root: { kind: "parallel", children: [
      { kind: "parallel", children: [s("Be concise."), { kind: "parallel", children: [s("Use metric units."), s("Cite sources.")] }] },
      { kind: "conditional", condition: { kind: "parallel", children: [
        { kind: "hard", id: "keywords:existence", args: { keywords: ["train", "bus"] } },
        { kind: "hard", id: "length_constraints:number_words", args: { relation: "less than", num_words: 50 } },
        s("The plan covers two days."),
      ] }, then: { kind: "sequential", steps: [s("List stops."), s("Give times.")] } },
    ] },
  };
  assert.equal(renderInstruction(instruction), `Plan a trip.

Your response must follow these instructions:
- Do all of the following:
    - Be concise.
    - Do all of the following:
        - Use metric units.
        - Cite sources.
- If the response contains the keywords 'train' and 'bus', the response has fewer than 50 words, and the plan covers two days, do these steps in order:
    First, list stops; then, give times.`);
});

test("an instruction without constraints is its prompt; without a prompt it is the constraints", () => {
  assert.equal(renderInstruction({ prompt: "Hello.", gamma: 0.5, root: { kind: "parallel", children: [] } }), "Hello.");
  assert.equal(renderInstruction(of(s("Be kind."))), "Your response must follow these instructions:\n- Be kind.");
});

test("the ComplexBench 899 conversion renders as two conditional lists", () => {
  const text = readFileSync(join(__dirname, "../../../../test/fixtures/interchange/complexbench-899.json"), "utf8");
  const { instruction } = importLsrInstructJson(text, "complexbench-899.json");
  assert.ok(instruction);
  const rendered = renderInstruction(instruction);
  const constraints = rendered.slice(rendered.indexOf("Your response must"));
  assert.equal(constraints, `Your response must follow these instructions:
- If the response determines that Country A possesses Special Drawing Rights, do all of the following:
    - Write an article applying for a withdrawal of Special Drawing Rights for Country A.
    - The withdrawal application article is logically sound and factually accurate.
    - The withdrawal application article is over 300 characters long.
    - Write the withdrawal application article in bullet points.
  Otherwise, do all of the following:
    - Explain why Country A does not have Special Drawing Rights.
    - The explanation is logically sound and factually accurate.
    - The explanation is at most 100 characters long.
- If the response determines that Country B possesses Special Drawing Rights, do all of the following:
    - Write an article applying for a withdrawal of Special Drawing Rights for Country B.
    - The withdrawal application article is logically sound and factually accurate.
    - The withdrawal application article is over 300 characters long.
    - Write the withdrawal application article in bullet points.
  Otherwise, do all of the following:
    - Explain why Country B does not have Special Drawing Rights.
    - The explanation is logically sound and factually accurate.
    - The explanation is at most 100 characters long.`);
});

test("every registry type has a condition phrase, built from its own example arguments", () => {
  for (const type of HARD_TYPES) {
    const phrase = hardConditionPhrase(type.id, type.example.args);
    assert.ok(phrase && !phrase.includes("undefined"), `${type.id}: ${phrase}`);
  }
});

test("condition phrases by hand for arguments in each form", () => {
  assert.equal(hardConditionPhrase("keywords:forbidden_words", { forbidden_words: ["a", "b", "c"] }), "the response does not contain the words 'a', 'b' or 'c'");
  assert.equal(hardConditionPhrase("keywords:frequency", { keyword: "x", frequency: 1, relation: "at least" }), "the word 'x' appears at least 1 time in the response");
  assert.equal(hardConditionPhrase("language:response_language", { language: "fr" }), "the response is written in French");
  assert.equal(hardConditionPhrase("language:response_language", { language: "af" }), "the response is written in Afrikaans");
  // Arguments the type's schema rejects get no phrase (the renderer falls back to the constraint's text).
  assert.equal(hardConditionPhrase("language:response_language", { language: "xx" }), undefined);
  assert.equal(hardConditionPhrase("length_constraints:number_words", { num_words: 5 }), undefined);
  // Unknown arguments fall back to the leaf's own text, quoted.
  assert.equal(conditionPhrase({ kind: "hard", id: "length_constraints:number_words", args: {}, text: "Be short." }), 'the response satisfies "Be short."');
  assert.equal(conditionPhrase({ kind: "sequential", steps: [s("The intro is first."), s("There is a summary.")] }), "the intro is first, and then there is a summary");
});

test("an if/else clause keeps the period of an abbreviation such as P.S. (issue 13)", () => {
  const { instruction } = analyze('if no_comma {\n  postscript(postscript_marker: "P.S.")\n} else {\n  lowercase\n}\n');
  const text = renderInstruction(instruction);
  assert.ok(text.includes("a postscript starting with P.S.; otherwise, "), text);
  // An ordinary sentence still loses its period before the semicolon.
  const plain = renderInstruction(of({ kind: "conditional", condition: s("It is a poem."), then: s("Rhyme."), else: s("Be brief.") }));
  assert.ok(plain.includes("rhyme; otherwise, be brief"), plain);
});

test("a sentence ending in an abbreviation gets one period; a number's period still goes before a semicolon", () => {
  // The postscript leaf's registry wording ends "... a postscript starting with P.S.": at the end of the
  // sentence that period is the sentence's, not doubled ("P.S.."), in a sequence and in an If without else.
  const sequence = renderInstruction(analyze('first lowercase\nthen postscript(postscript_marker: "P.S.")\n').instruction);
  assert.ok(sequence.endsWith("; then, at the end of your response, please explicitly add a postscript starting with P.S."), sequence);
  const ifOnly = renderInstruction(analyze('if no_comma {\n  postscript(postscript_marker: "P.S.")\n}\n').instruction);
  assert.ok(ifOnly.endsWith("a postscript starting with P.S."), ifOnly);
  // A soft condition read as a statement keeps the abbreviation too.
  const condition = renderInstruction(of({ kind: "conditional", condition: s("The user signs with P.S."), then: s("Reply with P.S. too.") }));
  assert.equal(condition, "Your response must follow these instructions:\n- If the user signs with P.S., reply with P.S. too.");
  // "3.5." is a number ending a sentence, not an abbreviation: the period goes.
  const number = renderInstruction(of({ kind: "conditional", condition: s("It is code."), then: s("Use version 3.5."), else: s("Be brief.") }));
  assert.ok(number.includes("use version 3.5; otherwise, be brief."), number);
});
