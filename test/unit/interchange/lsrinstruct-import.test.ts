import { test } from "node:test";
import assert from "node:assert/strict";
import type { Instruction } from "../../../server/src/analysis/logic.js";
import { importLsrInstructJson, importLsrInstructJsonl } from "../../../server/src/interchange/lsrinstruct-json.js";
import { fixtureText } from "./fixtures.js";

function importOk(value: unknown): Instruction {
  const { instruction, errors } = importLsrInstructJson(JSON.stringify(value), "t.json");
  assert.deepEqual(errors, []);
  assert.ok(instruction);
  return instruction;
}

const soft = (text: string) => ({ constraint: text });
const wrap = (composite: unknown) => ({ composite_constraints: [{ composite_constraint: composite }] });

test("And becomes a parallel node with the children in c-number order", () => {
  const instruction = importOk(wrap({ type: "And", sub_constraints: { c2: soft("b"), c1: soft("a"), c3: soft("c") } }));
  assert.deepEqual(instruction, {
    gamma: 0.5,
    root: { kind: "parallel", children: [{ kind: "parallel", children: [
      { kind: "soft", text: "a" }, { kind: "soft", text: "b" }, { kind: "soft", text: "c" },
    ] }] },
  });
});

test("Chain orders steps by the number after c, not by key order or string order", () => {
  // c10 sorts before c2 as a string; numerically it is last.
  const instruction = importOk(wrap({ type: "Chain", sub_constraints: { c10: soft("last"), c2: soft("second"), c1: soft("first") } }));
  const chain = instruction.root.children[0];
  assert.equal(chain.kind, "sequential");
  assert.deepEqual(chain.kind === "sequential" && chain.steps.map((s) => s.kind === "soft" && s.text), ["first", "second", "last"]);
});

test("Selection with c3 has an else branch; without c3 it has none", () => {
  const withElse = importOk(wrap({ type: "Selection", sub_constraints: { c1: soft("cond"), c2: soft("yes"), c3: soft("no") } }));
  assert.deepEqual(withElse.root.children[0], {
    kind: "conditional", condition: { kind: "soft", text: "cond" }, then: { kind: "soft", text: "yes" }, else: { kind: "soft", text: "no" },
  });
  const withoutElse = importOk(wrap({ type: "Selection", sub_constraints: { c1: soft("cond"), c2: soft("yes") } }));
  assert.deepEqual(withoutElse.root.children[0], { kind: "conditional", condition: { kind: "soft", text: "cond" }, then: { kind: "soft", text: "yes" } });
});

test("nesting three deep (And > Chain > Selection > And), extensions gamma and category, prompt", () => {
  const { instruction, errors } = importLsrInstructJson(fixtureText("nested-three-deep.json"), "nested-three-deep.json");
  assert.deepEqual(errors, []);
  assert.deepEqual(instruction, {
    prompt: "Plan a weekend trip.\nKeep it practical.",
    gamma: 0.25,
    root: { kind: "parallel", children: [
      { kind: "parallel", children: [
        { kind: "sequential", steps: [
          { kind: "soft", text: "List the destinations." },
          { kind: "conditional", condition: { kind: "soft", text: "The trip includes a flight." }, then: { kind: "parallel", children: [
            { kind: "soft", text: "Give the flight times.", category: "detail" },
            { kind: "hard", id: "punctuation:no_comma", args: {}, text: "Do not use any commas." },
          ] } },
        ] },
        { kind: "soft", text: 'Say "bon voyage"\tat the end\\.', category: "tone" },
      ] },
      // A one-child And at top level is unwrapped.
      { kind: "hard", id: "length_constraints:number_words", args: { relation: "at least", num_words: 200 }, text: "Answer with at least 200 words." },
    ] },
  });
});

test("a top-level atomic item, aliases and kwargs with nulls are accepted", () => {
  const instruction = importOk({ composite_constraints: [
    { constraint: "No commas.", instruction_id: "no_comma", kwargs: { num_words: null, relation: null } },
    { constraint: "At least 3 sentences.", instruction_id: "length_constraints:number_sentences", kwargs: { relation: "at least", num_sentences: 3, keywords: null } },
  ] });
  assert.deepEqual(instruction.root.children, [
    { kind: "hard", id: "punctuation:no_comma", args: {}, text: "No commas." },
    { kind: "hard", id: "length_constraints:number_sentences", args: { relation: "at least", num_sentences: 3 }, text: "At least 3 sentences." },
  ]);
});

test("a hard constraint with empty text keeps no text; soft categories are lower-cased", () => {
  const instruction = importOk(wrap({ type: "And", sub_constraints: {
    c1: { constraint: "", instruction_id: "punctuation:no_comma", kwargs: {} },
    c2: { constraint: "Be kind.", category: "Tone" },
  } }));
  assert.deepEqual(instruction.root.children[0], { kind: "parallel", children: [
    { kind: "hard", id: "punctuation:no_comma", args: {} },
    { kind: "soft", text: "Be kind.", category: "tone" },
  ] });
});

test("JSONL: one instruction per line with its id; blank lines skipped; errors on file lines", () => {
  const lines = [
    JSON.stringify({ id: "a", composite_constraints: [soft("x")] }),
    "",
    JSON.stringify({ id: 7, composite_constraints: [soft("y")] }),
    '{"id": "a", "composite_constraints": [{"constraint": "z"}]}',
    '{"composite_constraints": [}',
  ];
  const entries = importLsrInstructJsonl(lines.join("\r\n"));
  assert.deepEqual(entries.map((e) => [e.line, e.id, e.instruction !== undefined]), [[1, "a", true], [3, "7", true], [4, "a", false], [5, undefined, false]]);
  assert.deepEqual(entries[0].instruction?.root.children, [{ kind: "soft", text: "x" }]);
  assert.deepEqual(entries[2].errors, [{ message: "id 'a' is already used on line 1", line: 4, column: 1 }]);
  // '{"composite_constraints": [}': the '}' is the 28th character of line 5.
  assert.deepEqual(entries[3].errors, [{ message: 'JSON syntax error: Unexpected character "}": expected a value', line: 5, column: 28 }]);
});

test("a .jsonl file name with one line imports through importLsrInstructJson; with two it is an error", () => {
  const one = importLsrInstructJson(`${JSON.stringify({ composite_constraints: [soft("x")] })}\n`, "one.jsonl");
  assert.deepEqual(one.errors, []);
  assert.deepEqual(one.instruction?.root.children, [{ kind: "soft", text: "x" }]);
  const two = importLsrInstructJson(`${JSON.stringify({ composite_constraints: [soft("x")] })}\n${JSON.stringify({ composite_constraints: [soft("y")] })}`, "two.jsonl");
  assert.equal(two.instruction, undefined);
  assert.deepEqual(two.errors, [{ message: "two.jsonl holds 2 instructions, not one; import it as JSON Lines", line: 1, column: 1 }]);
});
