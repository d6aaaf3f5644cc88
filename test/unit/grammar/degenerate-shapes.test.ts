// Issue 9 item 12: the degenerate shapes of the check bench (stray `else` lines, `else { x }`
// lines, blocks nested deep, stray `}`) parse to exactly the trees and errors worked out here by hand.
// The parser builds the alternatives of its hot rules once and reuses them, so the tests also
// parse each document twice in a row and between other documents: nothing may carry over.

import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, type ItemNode, type ParseResult, type SyntaxError } from "../../../grammars/src/index.js";

const range = (start: number, end: number) => ({ start, end });

/** `else\n` n times: each `else` is an orphan without a body; its missing body is reported at the next token. */
test("stray else lines: one orphan else each, the next else (or the end) reported as what follows it", () => {
  const n = 4;
  const text = "else\n".repeat(n);
  const result = parse(text);
  // Line i is at 5i; its `else` covers [5i, 5i + 4).
  assert.deepEqual(result.ast.items, Array.from({ length: n }, (_, i) => ({ kind: "orphan-else", keywordRange: range(5 * i, 5 * i + 4), body: undefined, range: range(5 * i, 5 * i + 4) })));
  const expected: SyntaxError[] = [];
  for (let i = 1; i < n; i++) expected.push({ message: "expected '{' or 'if' but found 'else'", range: range(5 * i, 5 * i + 4) });
  expected.push({ message: "expected '{' or 'if' but found end of file", range: range(5 * n, 5 * n) });
  assert.deepEqual(result.errors, expected);
});

/** `else { x }\n` n times: an orphan else whose body is a block holding the call `x`; no syntax error. */
test("else { x } lines: an orphan else with a one-call block each, no syntax error", () => {
  const n = 3;
  const text = "else { x }\n".repeat(n);
  const result = parse(text);
  // Line i is at 11i: `else` [0, 4), block `{ x }` [5, 10), `x` [7, 8), relative to the line.
  const items: ItemNode[] = Array.from({ length: n }, (_, i) => {
    const at = 11 * i;
    return {
      kind: "orphan-else",
      keywordRange: range(at, at + 4),
      body: {
        kind: "and", keywordRange: undefined, closed: true, range: range(at + 5, at + 10),
        items: [{ kind: "call", name: "x", nameRange: range(at + 7, at + 8), args: undefined, argsRange: undefined, text: undefined, textRange: undefined, range: range(at + 7, at + 8) }],
      },
      range: range(at, at + 10),
    };
  });
  assert.deepEqual(result.ast.items, items);
  assert.deepEqual(result.errors, []);
});

/** `and {\n` d times, `soft "x"\n`, `}\n` d times. */
function deepBlock(depth: number): { text: string; item: ItemNode } {
  const text = `${"and {\n".repeat(depth)}soft "x"\n${"}\n".repeat(depth)}`;
  const softAt = 6 * depth;
  // The closers start after the soft line; the innermost block (level depth - 1) closes first.
  const closerAt = (level: number) => softAt + 9 + 2 * (depth - 1 - level);
  let item: ItemNode = { kind: "soft", category: undefined, categoryRange: undefined, text: "x", textRange: range(softAt + 5, softAt + 8), range: range(softAt, softAt + 8) };
  for (let level = depth - 1; level >= 0; level--) {
    item = { kind: "and", keywordRange: range(6 * level, 6 * level + 3), items: [item], closed: true, range: range(6 * level, closerAt(level) + 1) };
  }
  return { text, item };
}

test("blocks nested deep: one and-node per level, each closed at its own brace", () => {
  for (const depth of [1, 2, 7]) {
    const { text, item } = deepBlock(depth);
    const result = parse(text);
    assert.deepEqual(result.ast.items, [item], `depth ${depth}`);
    assert.deepEqual(result.errors, [], `depth ${depth}`);
  }
});

test("the shapes parse the same twice in a row and after one another (no state kept between parses)", () => {
  const texts = ["else\n".repeat(5), "else { x }\n".repeat(5), deepBlock(7).text, "else )\n} else { and { y }", "if a { } else if b { soft \"c\" } else { d }\n"];
  const first: ParseResult[] = texts.map((t) => parse(t));
  for (const [i, t] of texts.entries()) {
    assert.deepEqual(parse(t), first[i]);
    assert.deepEqual(parse(t), first[i]);
  }
});

test("errors at one range with different messages are both kept; none is listed twice", () => {
  // `)` after `else` is both the missing body and a token that cannot start anything.
  const result = parse("else )");
  assert.deepEqual(result.errors, [
    { message: "expected '{' or 'if' but found ')'", range: range(5, 6) },
    { message: "unexpected ')'", range: range(5, 6) },
  ]);
  for (const text of ["else )\n".repeat(3), "} ) ] , : = 2 \"s\" (".repeat(3), "if if if { else else }"]) {
    const { errors } = parse(text);
    for (let i = 1; i < errors.length; i++) assert.notDeepEqual(errors[i], errors[i - 1], `${JSON.stringify(text)}: error ${i} repeats`);
  }
});

test("what follows a stray else is quoted in its message, short and long texts alike, each time", () => {
  // Short texts share one message string per text; long ones (over 8 characters) and the end of file are built each time.
  const text = "else x else averyveryverylongname_x else 42 else x else";
  const messages = parse(text).errors.filter((e) => e.message.startsWith("expected '{'")).map((e) => e.message);
  assert.deepEqual(messages, [
    "expected '{' or 'if' but found 'x'",
    // Quoted text is cut after 20 characters: "averyveryverylongnam".
    "expected '{' or 'if' but found 'averyveryverylongnam…'",
    "expected '{' or 'if' but found '42'",
    "expected '{' or 'if' but found 'x'",
    "expected '{' or 'if' but found end of file",
  ]);
});

test("stray '}': one error each; with a lexer error among them, all of them in source order", () => {
  const n = 5;
  assert.deepEqual(parse("}".repeat(n)).errors, Array.from({ length: n }, (_, i) => ({ message: "unexpected '}'", range: range(i, i + 1) })));
  // The lexer's error for `@` (offset 2) comes first from the lexer but sits between the braces (0 and 4).
  assert.deepEqual(parse("} @ }").errors, [
    { message: "unexpected '}'", range: range(0, 1) },
    { message: "unexpected character '@'", range: range(2, 3) },
    { message: "unexpected '}'", range: range(4, 5) },
  ]);
});
