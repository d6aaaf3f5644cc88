// The data-driven helper of the grammar tests: parse `input`, dump the AST and
// the errors, compare with `expected` (an indented block, dedented here).

import assert from "node:assert/strict";
import { astToDebugString, parse } from "../../../grammars/src/index.js";

export function dedent(block: string): string {
  const lines = block.replace(/^\n+|\s+$/g, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export function dump(input: string, ranges = false): string {
  const { ast, errors } = parse(input);
  return [astToDebugString(ast, { ranges }), ...errors.map((e) => `error ${e.range.start}..${e.range.end}: ${e.message}`)].join("\n");
}

export function check(input: string, expected: string, options: { ranges?: boolean } = {}): void {
  assert.equal(dump(input, options.ranges ?? false), dedent(expected));
}
