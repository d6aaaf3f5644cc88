// The gate every candidate passes (reason codes from our importer and analysis) and duplicate detection.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { importLsrInstructJson } from "../../../server/src/interchange/lsrinstruct-json.js";
import { canonicalTree, Deduper } from "../../../server/src/generate/dedupe.js";
import { readSeeds } from "../../../server/src/generate/seeds.js";
import { validateCandidate } from "../../../server/src/generate/validate.js";

const hard = (id: string, kwargs: Record<string, unknown> = {}, constraint = id) => ({ constraint, instruction_id: id, kwargs });
const doc = (type: string, ...subs: unknown[]) => ({
  prompt: "Write about tea.",
  composite_constraints: [{ composite_constraint: { type, sub_constraints: Object.fromEntries(subs.map((s, i) => [`c${i + 1}`, s])) } }],
});
const reason = (candidate: unknown) => {
  const r = validateCandidate(candidate);
  return r.ok ? "ok" : r.rejection.reason;
};

describe("validation reasons", () => {
  it("accepts a sound instruction and reports its structure, depth and counts", () => {
    const r = validateCandidate(doc("Chain", hard("punctuation:no_comma"), { constraint: "Be warm.", category: "tone" }));
    assert.ok(r.ok);
    assert.deepEqual([r.value.structure, r.value.depth, r.value.counts], ["sequential", 1, { hard: 1, soft: 1, total: 2 }]);
    assert.equal(r.value.rendered, "Write about tea.\n\nYour response must follow these instructions:\n- First, punctuation:no_comma; then, be warm.");
  });
  it("names each kind of problem", () => {
    assert.equal(reason({ prompt: 1 }), "schema");
    assert.equal(reason(doc("And", hard("nope:x"), hard("punctuation:no_comma"))), "unknown-id");
    assert.equal(reason(doc("And", hard("length_constraints:number_words", { num_words: "many", relation: "at least" }), hard("punctuation:no_comma"))), "bad-arguments");
    assert.equal(reason(doc("And", hard("change_case:english_lowercase"), hard("change_case:english_capital"))), "contradiction");
    assert.equal(reason(doc("And", hard("punctuation:no_comma"), hard("punctuation:no_comma", {}, "again"))), "duplicate-constraint");
  });
  it("checks contradictions per branch: the two branches of an If may disagree", () => {
    assert.equal(reason(doc("Selection", hard("punctuation:no_comma"), hard("change_case:english_lowercase"), hard("change_case:english_capital"))), "ok");
  });
});

describe("dedupe", () => {
  const tree = (candidate: unknown) => importLsrInstructJson(JSON.stringify(candidate), "c.json").instruction!.root;
  it("the canonical tree ignores wording and the order of And children, not the order of steps", () => {
    const a = doc("And", hard("punctuation:no_comma", {}, "No commas."), hard("startend:quotation"));
    const b = doc("And", hard("startend:quotation"), hard("punctuation:no_comma", {}, "Never use a comma."));
    const chainA = doc("Chain", hard("punctuation:no_comma"), hard("startend:quotation"));
    const chainB = doc("Chain", hard("startend:quotation"), hard("punctuation:no_comma"));
    assert.equal(canonicalTree(tree(a)), canonicalTree(tree(b)));
    assert.notEqual(canonicalTree(tree(chainA)), canonicalTree(tree(chainB)));
  });
  it("rejects the same text, the same tree, and (with near-dedupe) a near copy", () => {
    const deduper = new Deduper(0.7);
    const kept = tree(doc("And", hard("punctuation:no_comma"), hard("startend:quotation")));
    const text = "Write a short guide to brewing green tea at home, with the water temperature and the steeping time.";
    deduper.add(deduper.keys(text, kept));
    const other = tree(doc("And", hard("detectable_format:title"), hard("startend:quotation")));
    assert.equal(deduper.check(deduper.keys(text.toUpperCase() + "!", other)), "duplicate-text");
    assert.equal(deduper.check(deduper.keys("Something else entirely.", kept)), "duplicate-tree");
    assert.equal(deduper.check(deduper.keys(text.replace("green", "black"), other)), "near-duplicate");
    assert.equal(deduper.check(deduper.keys("Plan a three-day trip to Lisbon for a family with two children.", other)), undefined);
  });
});

describe("seeds", () => {
  it("reads JSON lines and plain lines, with errors by line", () => {
    const { seeds, errors } = readSeeds('{"id": "a", "prompt": "One."}\nTwo.\n\n{"prompt": ""}\n{"id": "a", "prompt": "Again."}\n{bad\n');
    assert.deepEqual(seeds.map((s) => [s.id, s.prompt, s.line]), [["a", "One.", 1], ["2", "Two.", 2]]);
    assert.deepEqual(errors.map((e) => e.line), [4, 5, 6]);
    assert.match(errors[1].message, /seed id 'a' is already used on line 1/);
  });
});
