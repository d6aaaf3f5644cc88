import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { Instruction, LogicNode } from "../../../server/src/analysis/logic.js";
import { printLsr } from "../../../server/src/interchange/print-lsr.js";
import { FIGURE_1_LSR } from "../../helpers/fixtures.js";

const s = (text: string): LogicNode => ({ kind: "soft", text });
const of = (...children: LogicNode[]): Instruction => ({ gamma: 0.5, root: { kind: "parallel", children } });

test("the Figure 1 file prints in canonical form, keeping its define", () => {
  const source = FIGURE_1_LSR;
  // By hand: single-line prompt as a JSON string, gamma 0.5 dropped, aliases replaced by canonical ids,
  // arguments in the registry schema's order.
  const expected = `prompt "Write a short guide to fixing a failing build."

define lowercase_checklist = soft format "All checklist items are lowercase."

first {
  soft content "A short instructional paragraph."
  length_constraints:number_sentences(num_sentences: 4, relation: "less than")
}
then soft format "Append a checklist with bullet points."
then if keywords:existence(keywords: ["error"]) {
  lowercase_checklist
} else {
  soft format "The paragraph begins with a bolded core idea."
}
finally soft style "Use a formal, technical style."
`;
  const printed = printLsr(analyze(source).instruction);
  assert.equal(printed, expected);
  assert.equal(printLsr(analyze(printed).instruction), expected);
});

test("two steps are first/then; a one-step sequence prints as `first` (it stays a sequence); adjacent sequences need no braces", () => {
  const instruction = of(
    { kind: "sequential", steps: [s("a"), s("b")] },
    { kind: "sequential", steps: [s("c"), s("d")] },
    { kind: "sequential", steps: [s("alone")] },
  );
  const printed = printLsr(instruction);
  assert.equal(printed, `first soft "a"
then soft "b"
first soft "c"
then soft "d"
first soft "alone"
`);
  // and it reads back as three sequences: 'first' starts a new one
  const root = analyze(printed).instruction.root;
  assert.deepEqual(root.children.map((c) => c.kind), ["sequential", "sequential", "sequential"]);
});

test("a nested sequence step, a non-leaf condition and an if without else", () => {
  const instruction = of({
    kind: "sequential",
    steps: [
      { kind: "sequential", steps: [s("a1"), s("a2")] },
      { kind: "conditional", condition: { kind: "sequential", steps: [s("c1"), s("c2")] }, then: s("t") },
    ],
  });
  assert.equal(printLsr(instruction), `first {
  first soft "a1"
  then soft "a2"
}
then if and {
  first soft "c1"
  then soft "c2"
} {
  soft "t"
}
`);
  // Re-analysis accepts it without errors.
  assert.deepEqual(analyze(printLsr(instruction)).diagnostics.filter((d) => d.severity === "error"), []);
});

test("strings round-trip through JSON escapes; prompts with triple quotes or a final quote are JSON strings", () => {
  const tricky = 'tab\there "quoted" back\\slash\nnew line \u0001 é';
  const printed = printLsr({ prompt: 'two\nlines with """', gamma: 0.25, root: { kind: "parallel", children: [s(tricky)] } });
  assert.equal(printed, `prompt "two\\nlines with \\"\\"\\""\ngamma 0.25\n\nsoft ${JSON.stringify(tricky)}\n`);
  const back = analyze(printed).instruction;
  assert.equal(back.prompt, 'two\nlines with """');
  assert.equal(back.gamma, 0.25);
  assert.deepEqual(back.root.children.map((c) => c.kind === "soft" && c.text), [tricky]);
  assert.equal(printLsr({ prompt: 'ends with "x"\nyes "', gamma: 0.5, root: { kind: "parallel", children: [] } }), 'prompt "ends with \\"x\\"\\nyes \\""\n');
});

test("argument values: numbers, strings, words and lists", () => {
  const printed = printLsr(of({ kind: "hard", id: "keywords:letter_frequency", args: { letter: "q", let_frequency: 3, let_relation: "at least" } },
    { kind: "hard", id: "keywords:forbidden_words", args: { forbidden_words: ["a \"b\"", "c"] } }));
  assert.equal(printed, `keywords:letter_frequency(letter: "q", let_frequency: 3, let_relation: "at least")
keywords:forbidden_words(forbidden_words: ["a \\"b\\"", "c"])
`);
});

test("a define name used with two different constraints is not printed as a define", () => {
  const printed = printLsr(of({ kind: "soft", text: "x", ref: "n" }, { kind: "soft", text: "y", ref: "n" }, { kind: "soft", text: "z", ref: "then" }));
  assert.equal(printed, 'soft "x"\nsoft "y"\nsoft "z"\n');
});
