// Strict and loose verification as in IFEval's evaluation_lib.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findHardType, looseVariants, verifyInstruction } from "../../../server/src/ifeval/registry.js";

test("looseVariants: the 8 official texts in order", () => {
  assert.deepEqual(looseVariants("Sure!\n**Answer** here\nBye"), [
    "Sure!\n**Answer** here\nBye",
    "Sure!\nAnswer here\nBye",
    "**Answer** here\nBye",
    "Sure!\n**Answer** here",
    "**Answer** here",
    "Answer here\nBye",
    "Sure!\nAnswer here",
    "Answer here",
  ]);
  assert.deepEqual(looseVariants("one line"), ["one line", "one line", "", "", "", "", "", ""]);
});

test("strict: a blank response never passes, even a check that holds on it", () => {
  const noComma = findHardType("no_comma")!;
  assert.equal(verifyInstruction(noComma, "  \n ", {}, "strict"), false);
  assert.equal(verifyInstruction(noComma, "fine", {}, "strict"), true);
});

test("loose: dropping a first line, or the asterisks, can rescue a verdict", () => {
  const quotation = findHardType("quotation")!;
  const withPreamble = 'Here you go:\n"All quoted."';
  assert.equal(verifyInstruction(quotation, withPreamble, {}, "strict"), false);
  assert.equal(verifyInstruction(quotation, withPreamble, {}, "loose"), true); // variant 3 drops the first line
  const json = findHardType("json")!;
  assert.equal(verifyInstruction(json, '**{"a": 1}**', {}, "strict"), false);
  assert.equal(verifyInstruction(json, '**{"a": 1}**', {}, "loose"), true); // variant 2 removes '*'
  const words = findHardType("words")!;
  const args = words.schema.parse({ num_words: 3, relation: "at least" });
  assert.equal(verifyInstruction(words, "one two", args, "loose"), false); // no variant has 3 words
});

test("a checker that throws counts as not followed", () => {
  const throwing = { ...findHardType("no_comma")!, check: () => { throw new Error("boom"); } };
  assert.equal(verifyInstruction(throwing, "text", {}, "loose"), false);
});

test("args are validated and normalised before checking; invalid args are not followed", () => {
  const words = findHardType("words")!;
  assert.equal(verifyInstruction(words, "one two", { num_words: 3, relation: "less_than" }, "strict"), true); // 2 < 3
  assert.equal(verifyInstruction(words, "one two", { num_words: 3, relation: "at most" }, "strict"), false);
  assert.equal(verifyInstruction(words, "one two", {}, "loose"), false);
});
