// lazyDiagnostic: a diagnostic whose message and data are computed when first read. It must look
// exactly like a plain diagnostic to everything that reads one (JSON, spreads, deep equality, the
// worker's structured clone, key order), compute once, and not at all if never read.

import assert from "node:assert/strict";
import { test } from "node:test";
import { diagnostic, lazyDiagnostic } from "../../../server/src/analysis/diagnostic.js";

const range = { start: 3, end: 9 };

test("a lazy diagnostic reads as the plain one with the same message and data", () => {
  const plain = diagnostic("unknownConstraint", range, "Unknown constraint 'x'.", { replacements: ["y"] });
  const lazy = lazyDiagnostic("unknownConstraint", range, () => ({ message: "Unknown constraint 'x'.", data: { replacements: ["y"] } }));
  assert.deepEqual(lazy, plain);
  assert.deepEqual(Object.keys(lazy), ["code", "severity", "message", "range", "data"]);
  assert.equal(JSON.stringify(lazy), JSON.stringify(plain));
  assert.deepEqual({ ...lazy }, plain);
  assert.deepEqual(structuredClone(lazy), plain);
});

test("the message is computed on first read, once, and made one line like a plain message", () => {
  let calls = 0;
  const lazy = lazyDiagnostic("unknownConstraint", range, () => {
    calls++;
    return { message: "two\nlines", data: { replacements: [] } };
  });
  assert.equal(calls, 0);
  assert.equal(lazy.message, "two\\nlines");
  assert.equal(lazy.message, diagnostic("unknownConstraint", range, "two\nlines").message);
  assert.deepEqual(lazy.data, { replacements: [] });
  assert.equal(lazy.data, lazy.data);
  assert.equal(calls, 1);
});

test("lazy diagnostics do not share their state", () => {
  const made = Array.from({ length: 3 }, (_, i) => lazyDiagnostic("unknownConstraint", { start: i, end: i + 1 }, () => ({ message: `m${i}`, data: { replacements: [`r${i}`] } })));
  // Read in reverse: each keeps its own message, data and range.
  assert.deepEqual(made.reverse().map((d) => [d.message, d.data?.replacements, d.range.start]), [["m2", ["r2"], 2], ["m1", ["r1"], 1], ["m0", ["r0"], 0]]);
});
