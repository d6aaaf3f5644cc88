// Every construct of docs/language.md, valid input. Expected dumps are written
// by hand from the grammar; ranges where shown were counted character by character.

import { test } from "node:test";
import { check } from "./check.js";

test("headers: prompt, gamma, define", () => {
  check(
    'prompt "Hi"\ngamma 0.5\ndefine d = soft style "Formal."',
    `
    file
      prompt "Hi"
      gamma 0.5
      define d = soft style "Formal."
    `,
  );
});

test("ranges: offsets end-exclusive", () => {
  // "prompt" 0..6, "\"Hi\"" 7..11; newline at 11; "gamma" 12..17, "-1" 18..20;
  // newline at 20; "x" 21..22 and "(n: 3)" 22..28 (n 23..24, 3 26..27).
  check(
    'prompt "Hi"\ngamma -1\nx(n: 3)',
    `
    file@0..28
      prompt@0..11 "Hi"
      gamma@12..20 -1
      call@21..28 x()
        arg@23..27 n 3@26..27
    `,
    { ranges: true },
  );
});

test("keywords are case-insensitive and not prefixes of names", () => {
  check(
    "FIRST iffy THEN Soft \"t\" finally andy",
    `
    file
      sequence
        first call iffy
        then soft "t"
        finally call andy
    `,
  );
});

test("explicit and, bare blocks, nested sequence in braces", () => {
  check(
    "and { a b }\n{ c }\nfirst { first x then y } then z",
    `
    file
      and
        call a
        call b
      block
        call c
      sequence
        first block
          sequence
            first call x
            then call y
        then call z
    `,
  );
});

test("a sequence may start with any step keyword and have 'finally' mid-way (validation explains it)", () => {
  check(
    "then a finally b then c",
    `
    file
      sequence
        then call a
        finally call b
        then call c
    `,
  );
});

test("'first' always starts a new sequence", () => {
  check(
    "first a then b first c then d",
    `
    file
      sequence
        first call a
        then call b
      sequence
        first call c
        then call d
    `,
  );
});

test("if / else if / else nests the chain", () => {
  check(
    "if a { x } else if and { b c } { y } else { z }",
    `
    file
      if
        call a
        then block
          call x
        else if
          and
            call b
            call c
          then block
            call y
          else block
            call z
    `,
  );
});

test("if without else, and an orphan else", () => {
  check(
    "if a { x }\nelse { y }\nelse if b { z }",
    `
    file
      if
        call a
        then block
          call x
        else block
          call y
      orphan-else
        if
          call b
          then block
            call z
    `,
  );
});

test("soft with and without category; calls with and without args, with wording", () => {
  check(
    'soft "Be nice." soft tone "Warm." no_comma no_comma "No commas." f() punctuation:no_comma',
    `
    file
      soft "Be nice."
      soft tone "Warm."
      call no_comma
      call no_comma "No commas."
      call f()
      call punctuation:no_comma
    `,
  );
});

test("argument values: numbers, strings, words, lists, trailing commas, name:value", () => {
  check(
    'f(a: 3, b: -0.25, c: "s", d: at_least, e: [1, "x", [y],], g: [], relation:at_most,)',
    `
    file
      call f()
        arg a 3
        arg b -0.25
        arg c "s"
        arg d at_least
        arg e [1, "x", [y]]
        arg g []
        arg relation at_most
    `,
  );
});

test("strings: JSON escapes and verbatim triple quotes", () => {
  // \u00e9 is é; the triple-quoted body keeps its backslash and newline verbatim.
  check(
    'soft "a\\"b\\\\c\\n\\t\\u00e9" soft """x\\n\n  "y" """',
    `
    file
      soft "a\\"b\\\\c\\n\\té"
      soft "x\\\\n\\n  \\"y\\" "
    `,
  );
});

test("comments with # and // are kept with their ranges", () => {
  // "# one" 0..5; "x" 6..7; "// two" 8..14 (the trailing spaces are not part of it).
  check(
    "# one\nx // two  \n",
    `
    file@0..17
      call@6..7 x
      comment@0..5 "# one"
      comment@8..14 "// two"
    `,
    { ranges: true },
  );
});

test("empty and comment-only files", () => {
  check("", "file");
  check("  \n# c\n", 'file\n  comment "# c"');
});
