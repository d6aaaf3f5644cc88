// Property: parse never throws and every range lies inside the text, for
// random and mutated input.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, type Range } from "../../../grammars/src/index.js";

const FIGURE = readFileSync(join(__dirname, "../../../../test/fixtures/grammar/figure1.lsr"), "utf8");
const PIECES = ["first", "then", "finally", "if", "else", "and", "soft", "prompt", "gamma", "define", "{", "}", "(", ")", "[", "]", ",", ":", "=", '"', '"""', "#", "//", "\\", "\n", " ", "x", "a:b", "-1", "0.5", "\r\n", "é", "\u2028"];

function assertRangesInside(value: unknown, length: number): void {
  if (Array.isArray(value)) return value.forEach((v) => assertRangesInside(v, length));
  if (value === null || typeof value !== "object") return;
  const maybe = value as Partial<Range>;
  if (typeof maybe.start === "number" && typeof maybe.end === "number") {
    assert.ok(maybe.start >= 0 && maybe.start <= maybe.end && maybe.end <= length, `range ${maybe.start}..${maybe.end} of ${length}`);
  }
  for (const v of Object.values(value)) assertRangesInside(v, length);
}

const tokenSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(" "));
const mutatedFigure = fc
  .array(fc.tuple(fc.nat(FIGURE.length), fc.nat(8), fc.constantFrom(...PIECES, "")), { minLength: 1, maxLength: 6 })
  .map((edits) => edits.reduce((text, [at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut), FIGURE));

test("parse never throws and keeps ranges inside the text (2,000 inputs)", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 80 }), tokenSoup, mutatedFigure), (text) => {
      const { ast, errors } = parse(text);
      assertRangesInside(ast, text.length);
      assertRangesInside(errors, text.length);
    }),
    { numRuns: 2000 },
  );
});
