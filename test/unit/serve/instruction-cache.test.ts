// Inline instructions are parsed once and kept by their text: a repeated text is the
// same value (no second parse), an object equals its JSON text, and the cache is bounded.

import assert from "node:assert/strict";
import { test } from "node:test";
import { InstructionSource } from "../../../server/src/serve/instructions.js";

const json = (n: number) => JSON.stringify({ composite_constraints: [{ constraint: `Answer in ${n + 1} words.`, instruction_id: "length_constraints:number_words", kwargs: { num_words: n + 1, relation: "at least" } }] });

test("a repeated text, or an object of the same JSON, is served from the cache", () => {
  const source = new InstructionSource(undefined);
  const first = source.inlineInstruction(json(5));
  assert.ok(first.ok);
  assert.equal(source.inlineInstruction(json(5)), first, "the same Resolved object: not parsed again");
  assert.equal(source.inlineInstruction(JSON.parse(json(5)) as object), first, "an object is keyed by its JSON text");
  assert.notEqual(source.inlineInstruction(json(6)), first);
  // .lsr text and JSON text are kept apart, and a bad text's reason is kept too.
  const lsr = source.inlineInstruction('length_constraints:number_words(num_words: 5, relation: "at least")');
  assert.ok(lsr.ok);
  const bad = source.inlineInstruction("{");
  assert.equal(bad.ok, false);
  assert.equal(source.inlineInstruction("{"), bad);
});

test("bounded: past 10,000 texts of a kind the first one in is dropped and parsed again", () => {
  const source = new InstructionSource(undefined);
  const oldest = source.inlineInstruction(json(0));
  const second = source.inlineInstruction(json(1));
  assert.ok(oldest.ok && second.ok);
  for (let n = 2; n < 10_000; n++) source.inlineInstruction(json(n));
  assert.equal(source.inlineInstruction(json(0)), oldest, "10,000 texts fit");
  source.inlineInstruction(json(10_000)); // the 10,001st: json(0), the first in, goes out
  assert.equal(source.inlineInstruction(json(1)), second, "json(1) is still kept");
  const again = source.inlineInstruction(json(0));
  assert.ok(again.ok);
  assert.notEqual(again, oldest, "json(0) was parsed again");
  assert.deepEqual(again, oldest);
});
