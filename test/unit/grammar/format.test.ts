// The formatter: canonical output (written by hand from the style rules),
// idempotence, and that formatting never changes the AST.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { format, parse, type FileNode } from "../../../grammars/src/index.js";
import { dedent } from "./check.js";

/** The AST without ranges; comments as a sorted list, since headers move up with theirs. */
function shape(ast: FileNode): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/range$/i.test(k)).map(([k, v]) => [k, strip(v)]));
  };
  return { ...(strip(ast) as object), comments: ast.comments.map((c) => c.text).sort() };
}

function assertSafe(input: string): string {
  const output = format(input);
  assert.ok(output !== undefined, "input should have no syntax errors");
  assert.deepEqual(parse(output).errors, []);
  assert.deepEqual(shape(parse(output).ast), shape(parse(input).ast), "formatting changed the meaning");
  assert.equal(format(output), output, "format is not idempotent");
  return output;
}

const EXAMPLES: [string, string, string][] = [
  [
    "the paper's Figure 1, already canonical apart from the triple-quoted one-line prompt",
    readFileSync(join(__dirname, "../../../../test/fixtures/grammar/figure1.lsr"), "utf8"),
    readFileSync(join(__dirname, "../../../../test/fixtures/grammar/figure1.formatted.lsr"), "utf8"),
  ],
  [
    "spacing, case, args and commas normalised",
    'FIRST{soft   content "a"  sentences( relation : "less than" ,num_sentences:4, )}THEN x',
    `
    first {
      soft content "a"
      sentences(relation: "less than", num_sentences: 4)
    }
    then x
    `,
  ],
  [
    "headers move first in their order; blank lines collapse to one; none after '{'",
    'a\n\n\n\nprompt "p"\n\ndefine d = y\ngamma 1\nand {\n\n  b\n\n\n  c\n}',
    `
    prompt "p"

    define d = y
    gamma 1
    a
    and {
      b

      c
    }
    `,
  ],
  [
    "comments: leading, trailing, after '{', before '}', between '}' and else, footer",
    "x # t\n# lead\nif a { # open\n  y\n  # end\n} # mid\nelse if b {\n  z\n} else {}\n// foot",
    `
    x # t
    # lead
    if a { # open
      y
      # end
      # mid
    } else if b {
      z
    } else {
    }
    // foot
    `,
  ],
  [
    "orphan else, empty blocks, if with an and-condition",
    "else { x } and {} {} if and { a b } { c }",
    `
    else {
      x
    }
    and {}
    {}
    if and {
      a
      b
    } {
      c
    }
    `,
  ],
  [
    "strings: triple quotes only for multi-line text that fits",
    'x "a\\nb" y "a\\n\\"\\"\\"" z """one line""" w "ends with quote\\n\\""',
    `
    x """a
    b"""
    y "a\\n\\"\\"\\""
    z "one line"
    w "ends with quote\\n\\""
    `,
  ],
];

for (const [name, input, expected] of EXAMPLES) {
  test(`format: ${name}`, () => {
    const want = expected.includes("\n") && !expected.startsWith("\n") ? expected : `${dedent(expected)}\n`;
    assert.equal(assertSafe(input), want);
  });
}

test("format: --indent option", () => {
  assert.equal(format("and { x }", { indent: 4 }), "and {\n    x\n}\n");
});

test("format: refuses text with syntax errors, formats empty text to empty", () => {
  assert.equal(format("first { x"), undefined);
  assert.equal(format('soft "open'), undefined);
  assert.equal(format(""), "");
  assert.equal(format("# only\n"), "# only\n");
});

test("format: file header comments stay first, with their blank line", () => {
  // x keeps the blank line it had before it.
  assert.equal(assertSafe('# header\n\nx\nprompt "p"'), '# header\n\nprompt "p"\n\nx\n');
});
