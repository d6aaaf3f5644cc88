// Broken input: several errors per file with exact ranges, and a useful partial
// AST. Offsets were counted by hand from the input strings.

import { test } from "node:test";
import { check } from "./check.js";

test("missing closing brace: partial block, error at end of file", () => {
  // "first { a b" is 11 characters, so the error sits at 11..11.
  check(
    "first { a b",
    `
    file
      sequence
        first block unclosed
          call a
          call b
    error 11..11: expected '}' but found end of file
    `,
  );
});

test("missing argument values and a missing comma, reported separately", () => {
  // "words(" 0..6; "num_words:" 6..16 (colon 15); "relation" 19..27, "\"at most\"" 29..38;
  // "x" at 39, "y:" 41..43; "1" at 44.
  check(
    'words(num_words: , relation: "at most" x y: 1) z',
    `
    file
      call words()
        arg num_words ?
        arg relation "at most"
        arg x ?
        arg y 1
      call z
    error 6..16: missing value for argument 'num_words'
    error 39..40: expected ':' and a value after argument 'x'
    error 39..40: expected ',' between arguments
    error 41..45: expected ',' between arguments
    `,
  );
});

test("junk tokens at top level and in blocks are skipped one by one", () => {
  // ")" 0..1; "]" 6..7; "=" at 14; "3" at 16.
  check(
    ") foo ] bar { = x 3 }",
    `
    file
      call foo
      call bar
      block
        call x
    error 0..1: unexpected ')'
    error 6..7: unexpected ']'
    error 14..15: unexpected '='
    error 18..19: unexpected '3'
    `,
  );
});

test("unterminated strings stop at the end of the line; parsing goes on", () => {
  // soft "abc  -> string 5..9; next line "next" 10..14; """ at 15 runs to the end (15..22)
  // and, being a string, is read as the wording of the call before it.
  check(
    'soft "abc\nnext\n"""open',
    `
    file
      soft "abc"
      call next "open"
    error 5..9: unterminated string
    error 15..22: unterminated string
    `,
  );
});

test("bad escapes, unknown characters, soft without text, headers inside blocks", () => {
  // "\q" at 7..9 inside x "bad \q"; "$" at 13; "soft style" 15..25; "{ gamma 1 }" gamma 28..35.
  check(
    'x "bad \\q" ; $ soft style { gamma 1 }',
    `
    file
      call x "bad "
      soft style ?
      block
    error 7..9: invalid escape '\\q'
    error 11..12: unexpected character ';'
    error 13..14: unexpected character '$'
    error 15..25: expected the soft constraint's text as a string
    error 28..35: 'gamma' is only allowed at the top level
    `,
  );
});

test("missing step body, condition, else body, define name", () => {
  // Lines start at 0, 13, 22, 33: "then" 6..10, "{" at 13+3, "=" at 22+7, end of text 33+12.
  check(
    "first then x\nif { a }\ndefine = y\nif b {} else",
    `
    file
      define ? = call y
      sequence
        first ?
        then call x
      if
        ?
        then block
          call a
      if
        call b
        then block
        else ?
    error 6..10: expected a step body (a constraint, '{', 'if' or 'and') but found 'then'
    error 16..17: expected a condition (a constraint or 'and { ... }') but found '{'
    error 29..30: expected a name but found '='
    error 45..45: expected '{' but found end of file
    `,
  );
});
