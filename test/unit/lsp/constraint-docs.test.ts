// Hover and completion documentation come from the registry for every family.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { constraintTypeMarkdown } from "../../../server/src/lsp/features/constraint-docs.js";
import { completionsAt } from "../../../server/src/lsp/features/completion.js";
import { analyze } from "../../../server/src/analysis/analyze.js";

test("hover docs name the family, flag approximate types and show the arguments", () => {
  const verb = constraintTypeMarkdown(findHardType("start_with_verb")!);
  assert.match(verb, /\*\*words:start_verb\*\* — hard constraint \(IFBench\)/);
  assert.match(verb, /Approximate: NLTK's averaged-perceptron tagger/);
  const copy = constraintTypeMarkdown(findHardType("copy_span")!);
  assert.match(copy, /hard constraint \(IF-RLVR\)/);
  assert.match(copy, /`n_start: integer`/);
  assert.doesNotMatch(constraintTypeMarkdown(findHardType("no_comma")!), /Approximate/);
});

test("completion offers every family's ids and aliases", () => {
  const text = "\n";
  const labels = new Set(completionsAt(analyze(text), text, 0).map((e) => e.label));
  for (const name of ["no_comma", "format:sub-bullets", "sub_bullets", "words:start_verb", "copy:copy", "copy_request", "last_word:last_word_answer"]) {
    assert.ok(labels.has(name), name);
  }
});
