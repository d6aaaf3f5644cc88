// 10,000 levels of nesting must not overflow the stack: deeper than
// MAX_NESTING_DEPTH is cut and reported once, the rest still parses.

import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_NESTING_DEPTH, format, parse, type ItemNode } from "../../../grammars/src/index.js";

const LEVELS = 10_000;

/** How many `and` blocks are nested inside `item`, following first children. */
function andDepth(item: ItemNode | undefined): number {
  let depth = 0;
  while (item?.kind === "and") {
    depth++;
    item = item.items[0];
  }
  return depth;
}

test("10,000 nested `and {` parse: AST cut at the limit, one error at the first too-deep brace", () => {
  const text = "and { ".repeat(LEVELS) + "x " + "} ".repeat(LEVELS);
  const { ast, errors } = parse(text);
  // Each level is 6 characters, so the brace opening level MAX+1 is at 6*MAX + 4.
  const brace = 6 * MAX_NESTING_DEPTH + 4;
  assert.deepEqual(errors, [{ message: `nesting deeper than ${MAX_NESTING_DEPTH} levels`, range: { start: brace, end: brace + 1 } }]);
  // Levels 1..MAX are kept whole; level MAX+1 keeps its keyword and an empty block.
  assert.equal(andDepth(ast.items[0]), MAX_NESTING_DEPTH + 1);
  assert.equal(format(text), undefined);
});

test("10,000 nested `first {` and `[` parse without throwing", () => {
  const steps = parse("first { ".repeat(LEVELS) + "x" + " }".repeat(LEVELS));
  assert.equal(steps.errors.length, 1);
  assert.match(steps.errors[0].message, /^nesting deeper than/);
  const lists = parse("f(a: " + "[".repeat(LEVELS) + "1" + "]".repeat(LEVELS) + ")");
  assert.equal(lists.errors.length, 1);
  assert.equal(lists.ast.items[0].kind, "call");
});

test("unclosed deep nesting (error recovery is deeper) still returns a result", () => {
  for (const opener of ["if and { ", "first and { if x { ", "and { "]) {
    const { errors } = parse(opener.repeat(LEVELS));
    assert.ok(errors.some((e) => /^nesting deeper than/.test(e.message)), opener);
  }
});

test("a 10,000-long else-if chain is cut at the limit", () => {
  const text = "if a { b }" + " else if a { b }".repeat(LEVELS) + " else { c }";
  const { ast, errors } = parse(text);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^nesting deeper than/);
  let chain = 0;
  for (let node: ItemNode | undefined = ast.items[0]; node?.kind === "if"; node = node.else) chain++;
  assert.ok(chain > MAX_NESTING_DEPTH / 2 && chain <= MAX_NESTING_DEPTH + 1, `chain of ${chain}`);
});

test("nesting at the limit is accepted", () => {
  const text = "and { ".repeat(MAX_NESTING_DEPTH) + "x " + "} ".repeat(MAX_NESTING_DEPTH);
  assert.deepEqual(parse(text).errors, []);
});
