// Scopes in the grammar (docs/language.md, "Scopes"): every selector shape, chains,
// scoped steps and conditions, and the words that stay plain names. Dumps written by hand.

import assert from "node:assert/strict";
import { test } from "node:test";
import { format, parse } from "../../../grammars/src/index.js";
import { check } from "./check.js";

test("scope on a block, a constraint, a step and a condition", () => {
  check(
    `in paragraph 1 { sentences(relation: "less than", num_sentences: 4) }
each bullet lowercase
first in section "Summary" { a } then each numbered item b
if in last paragraph contains(keywords: ["e"]) { x } else { y }`,
    `
    file
      scope in paragraph 1
        block
          call sentences()
            arg relation "less than"
            arg num_sentences 4
      scope each bullet
        call lowercase
      sequence
        first scope in section "Summary"
          block
            call a
        then scope each numbered item
          call b
      if
        scope in last paragraph
          call contains()
            arg keywords ["e"]
        then block
          call x
        else block
          call y
    `,
  );
});

test("selector shapes: ranges, positions with counts, matching, markers, extract", () => {
  check(
    `in paragraphs 2..3 a
in last 3 lines b
in first 2 items c
in lines matching "^- " d
in between "Steps:" and "Notes:" and { e }
in before "x" f
in extract "the checklist" g`,
    `
    file
      scope in paragraphs 2..3
        call a
      scope in last 3 lines
        call b
      scope in first 2 items
        call c
      scope in lines matching "^- "
        call d
      scope in between "Steps:" and "Notes:"
        and
          call e
      scope in before "x"
        call f
      scope in extract "the checklist"
        call g
    `,
  );
});

test("a chain of scopes is one node with its heads outermost first, with ranges", () => {
  // "in" 0..2, "section" 3..10, "\"S\"" 11..14; "in" 15..17, "last" 18..22, "paragraph" 23..32; "x" 33..34.
  check(
    'in section "S" in last paragraph x',
    `
    file@0..34
      scope@0..34 in section "S" in last paragraph
        call@33..34 x
    `,
    { ranges: true },
  );
  const scope = parse('in section "S" in last paragraph x').ast.items[0];
  assert.equal(scope.kind, "scope");
  if (scope.kind !== "scope") return;
  assert.deepEqual(scope.heads.map((h) => h.selector?.unit), ["section", "paragraph"]);
  assert.equal(scope.heads[1].selector?.position, "last");
});

test("selector words stay names: a define called paragraph, the alias 'last' with arguments", () => {
  check(
    "define paragraph = lowercase\nparagraph\nin paragraph 2 paragraph",
    `
    file
      define paragraph = call lowercase
      call paragraph
      scope in paragraph 2
        call paragraph
    `,
  );
});

test("missing selector or body: an error, and the partial scope is kept", () => {
  check(
    "in",
    `
    file
      scope in
        ?
    error 2..2: expected a name but found end of file
    `,
  );
  const { ast, errors } = parse("in paragraph 1");
  assert.equal(ast.items[0].kind, "scope");
  assert.ok(errors.length > 0);
});

test("the formatter writes scopes canonically and is stable", () => {
  const text = 'first in   Section "Summary" {  a  } then EACH numbered Item b\nin paragraphs 2..3 in LAST 2 lines x // c\n';
  const once = format(text);
  assert.equal(once, 'first in section "Summary" {\n  a\n}\nthen each numbered item b\nin paragraphs 2..3 in last 2 lines x // c\n');
  assert.equal(format(once), once);
  const condition = format("if in paragraph 1 { x } { y } else { z }");
  assert.equal(condition, "if in paragraph 1 {\n  x\n} {\n  y\n} else {\n  z\n}\n");
});

test("a long unbraced chain of scopes does not overflow the parser", () => {
  const text = `${"in paragraph 1 ".repeat(20000)}x`;
  const { ast, errors } = parse(text);
  assert.deepEqual(errors, []);
  const scope = ast.items[0];
  assert.equal(scope.kind === "scope" && scope.heads.length, 20000);
});
