// format:parentheses and format:quotes walk code units instead of code points, and
// format:no_whitespace searches once instead of testing each character (issue 9,
// speed on 1 MB degenerate responses). Every character they react to is ASCII, so the
// verdicts must equal the former code-point walks (written out below as they were) on
// random text made of brackets, quotes, astral characters and lone surrogates.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { verifyInstruction } from "../../../server/src/ifeval/verify.js";
import { PY_S, pyIsBlank } from "../../../server/src/ifeval/python/py-text.js";

const CLOSER: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** The former format:parentheses check (a string stack, `for (const c of response)`). */
function formerParentheses(response: string): boolean {
  const open: string[] = [];
  let maxDepth = 0;
  for (const c of response) {
    if (c === "(" || c === "[" || c === "{") {
      open.push(c);
      if (open.length > maxDepth) maxDepth = open.length;
    } else if (c in CLOSER) {
      if (open.length > 0 && open[open.length - 1] === CLOSER[c]) {
        open.pop();
        if (maxDepth >= 5 && open.length < maxDepth) return true;
      } else {
        open.length = 0;
        maxDepth = 0;
      }
    }
  }
  return false;
}

/** The former format:quotes check. */
function formerQuotes(response: string): boolean {
  const open: string[] = [];
  let reached = 0;
  for (const c of response) {
    if (open.length > 0 && c === open[open.length - 1]) {
      open.pop();
      if (reached - open.length >= 3) return true;
    } else if (c === '"' || c === "'") {
      open.push(c);
      if (open.length > reached) reached = open.length;
    }
  }
  return false;
}

const PARTS = ["(", "(", "[", "{", ")", ")", "]", "}", '"', '"', "'", "'", "a", " ", "\n", "😀", "\ud83d", "\ude00", "é", "((((((", "[[[[[[[[[[[[[[[[[[[[", "'\"'\"'"];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 60 }).map((parts) => parts.join(""));

const check = (id: string, response: string) => {
  const type = findHardType(id);
  assert.ok(type);
  return verifyInstruction(type, response, {}, "strict");
};

test("format:parentheses and format:quotes give the former verdicts", () => {
  let passes = 0;
  fc.assert(
    fc.property(text, (response) => {
      const parentheses = check("format:parentheses", response);
      assert.equal(parentheses, formerParentheses(response), JSON.stringify(response));
      assert.equal(check("format:quotes", response), formerQuotes(response), JSON.stringify(response));
      if (parentheses) passes++;
    }),
    { numRuns: 5000 },
  );
  assert.ok(passes > 50, `both verdicts occur (${passes} passes of format:parentheses)`);
  // The examples by hand: five levels closed; three alternating quote levels.
  assert.equal(check("format:parentheses", "a (b [c {d (e [f] e) d} c] b) a"), true);
  assert.equal(check("format:quotes", `He said "she said 'they said "go" today' once" loudly.`), true);
  assert.equal(check("format:quotes", `He said "go" loudly.`), false);
});

test("format:no_whitespace: one search gives the per-character verdict", () => {
  const whitespaceParts = [...PARTS, "\t", "\u00a0", "\u3000", "\u2028", "\x1c", "\u200b", "\u180e", "x"];
  const spaced = fc.array(fc.constantFrom(...whitespaceParts), { maxLength: 20 }).map((parts) => parts.join(""));
  const isSpace = new RegExp(PY_S, "u");
  fc.assert(
    fc.property(spaced, (response) => {
      if (pyIsBlank(response)) return; // strict mode gives false for a blank response before any checker runs
      const former = [...response].every((c) => !isSpace.test(c));
      assert.equal(check("format:no_whitespace", response), former, JSON.stringify(response));
    }),
    { numRuns: 3000 },
  );
});
