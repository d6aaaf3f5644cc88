// Scoring with scopes: the text each leaf is checked on (spans written in the test),
// `each` as "all items", nesting, empty matches, soft constraints on a span, and
// conditions on a scope. Expected scores are worked by hand in comments.
// IFEval's lowercase check also asks langdetect for English, so list items here are
// English phrases long enough to be detected as such ("beta" alone is not).

import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import type { SoftJudge, SoftJudgeRequest } from "../../../server/src/judge/types.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import type { ScoreNode, ScoreResult } from "../../../server/src/scoring/result.js";

async function score(lsr: string, response: string, options: { judge?: SoftJudge; loose?: boolean } = {}): Promise<ScoreResult> {
  const analysis = analyze(lsr);
  assert.equal(analysis.hasErrors, false, JSON.stringify(analysis.diagnostics));
  return scoreInstruction(analysis.instruction, response, options);
}

function leaves(node: ScoreNode): ScoreNode[] {
  return node.kind === "hard" || node.kind === "soft" ? [node] : node.children.flatMap(leaves);
}

const covered = (response: string, node: ScoreNode): string[] => (node.spans ?? []).map((s) => response.slice(s.start, s.end));

const RESPONSE = "**Fix the cause.** Read the log. Run it locally. Push the fix.\n\n- read the log\n- run it locally\n- Push the fix";

test("in paragraph 1: the check sees only that paragraph; spans point at it", async () => {
  // The paragraph has 4 sentences, the whole response more (the list items join the count), so "less than 5" passes on the paragraph only.
  const r = await score('in paragraph 1 { sentences(relation: "less than", num_sentences: 5) }', RESPONSE);
  const [leaf] = leaves(r.tree);
  assert.equal(leaf.status, "pass");
  // The first paragraph is 0..62 ("**Fix the cause.** ... Push the fix." is 62 characters).
  assert.deepEqual(leaf.spans, [{ start: 0, end: 62 }]);
  assert.equal(r.tree.children[0].scope, "in paragraph 1");
  const whole = await score('sentences(relation: "less than", num_sentences: 5)', RESPONSE);
  assert.equal(leaves(whole.tree)[0].status, "fail", "on the whole response the same check fails");
  assert.deepEqual(leaves(whole.tree)[0].spans, [{ start: 0, end: RESPONSE.length }]);
});

test("each bullet: holds only when it holds on every item; one span per item; evidence names the item", async () => {
  const r = await score("each bullet lowercase", RESPONSE);
  const [leaf] = leaves(r.tree);
  assert.equal(leaf.value, 0, "'Push the fix' is not lowercase");
  assert.deepEqual(covered(RESPONSE, leaf), ["read the log", "run it locally", "Push the fix"]);
  assert.match(leaf.evidence ?? "", /item 3 of 3: "Push the fix"/);
  const ok = await score("each bullet lowercase", RESPONSE.replace("- Push", "- push"));
  assert.equal(ok.score, 1);
});

test("in bullets (no each): the items joined by newlines are one text", async () => {
  // "read the log\nrun it locally\nPush" is not all lowercase: fails; the three spans are reported.
  const r = await score("in bullets lowercase", RESPONSE);
  assert.equal(r.score, 0);
  assert.equal(leaves(r.tree)[0].spans?.length, 3);
});

test("scopes nest: a section, then its last paragraph", async () => {
  const response = "# Intro\nHello there.\n\n# Summary\nFirst summary paragraph.\n\nfinal words here\n# After\nIGNORED";
  const r = await score('in section "Summary" in last paragraph { lowercase }', response);
  const [leaf] = leaves(r.tree);
  assert.deepEqual(covered(response, leaf), ["final words here"]);
  assert.equal(leaf.status, "pass");
  assert.equal(r.tree.children[0].scope, 'in section "Summary" in last paragraph');
  // The same, written as a block in a block.
  const nested = await score('in section "Summary" { in last paragraph { lowercase } }', response);
  assert.deepEqual(covered(response, leaves(nested.tree)[0]), ["final words here"]);
});

test("each inside a scope, and a scope inside each", async () => {
  const response = "Tasks:\n- the alpha item is here\n- the beta item is here\nDone:\n- GAMMA";
  const r = await score('in between "Tasks:" and "Done:" { each bullet lowercase }', response);
  assert.deepEqual(covered(response, leaves(r.tree)[0]), ["the alpha item is here", "the beta item is here"]);
  assert.equal(r.score, 1);
  const all = await score("each bullet lowercase", response);
  assert.equal(all.score, 0, "GAMMA outside the markers fails the unscoped each");
  const words = await score('each paragraph in first line { words(relation: "less than", num_words: 2) }', "one\ntwo three\n\nfour five\nsix");
  // Paragraph 1's first line "one" has 1 word; paragraph 2's "four five" has 2: fails on item 2.
  assert.equal(words.score, 0);
  assert.match(leaves(words.tree)[0].evidence ?? "", /item 2 of 2/);
});

test("a selector that matches nothing fails its constraints (r = 0) with evidence, never not-applicable", async () => {
  const r = await score("in paragraph 3 lowercase\nin last paragraph lowercase", "only one paragraph");
  // (0 + 1) / 2 = 0.5
  assert.equal(r.score, 0.5);
  const [missing, present] = leaves(r.tree);
  assert.equal(missing.status, "fail");
  assert.equal(missing.evidence, "no paragraph 3");
  assert.deepEqual(missing.spans, []);
  assert.equal(present.status, "pass");
  const none = await score("each numbered item lowercase", "no list here");
  assert.equal(leaves(none.tree)[0].evidence, "no numbered items");
  const section = await score('in section "Summary" { lowercase soft "Concise." }', "# Other\ntext");
  assert.deepEqual(leaves(section.tree).map((l) => [l.status, l.evidence]), [["fail", 'no section "Summary"'], ["fail", 'no section "Summary"']]);
});

test("loose mode applies IFEval's 8 variants to the span", async () => {
  // The first line of the paragraph is a title in capitals; loose drops it (variant "without first line").
  const response = "TITLE\nbody text here\n\nSECOND";
  const strict = await score("in paragraph 1 lowercase", response);
  const loose = await score("in paragraph 1 lowercase", response, { loose: true });
  assert.equal(strict.score, 0);
  assert.equal(loose.score, 1);
});

test("a soft constraint on a span is judged with the span as response and the whole response as context", async () => {
  const requests: SoftJudgeRequest[] = [];
  const judge: SoftJudge = {
    async judge(request) {
      requests.push(request);
      return { status: request.response === "beta" ? "fail" : "pass", evidence: `saw ${request.response}` };
    },
  };
  const response = "- alpha\n- beta";
  const r = await score('each bullet soft "A Greek letter name in lowercase."\nsoft "Whole."', response, { judge });
  const seen = requests.map((q) => [q.response, q.context ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.deepEqual(seen, [[response, null], ["alpha", response], ["beta", response]]);
  const [each, whole] = leaves(r.tree);
  assert.equal(each.status, "fail");
  assert.match(each.evidence ?? "", /item 2 of 2: saw beta/);
  assert.equal(whole.status, "pass");
  // (0 + 1) / 2
  assert.equal(r.score, 0.5);
});

test("a scoped condition picks the branch from its span", async () => {
  const lsr = 'if in last paragraph contains(keywords: ["error"]) { lowercase } else { uppercase }';
  const r = await score(lsr, "AN ERROR HAPPENED IN THE BUILD\n\nTHE BUILD IS GREEN AGAIN NOW");
  // The last paragraph has no "error": the else branch (uppercase, on the whole response) holds: 1.
  assert.equal(r.tree.children[0].conditionHolds, false);
  assert.equal(r.score, 1);
});

test("a scoped sequence step: the step's penalty follows its own r", async () => {
  // Step 1 on paragraph 1 ("Read the log.") is not lowercase: r1 = 0; step 2 on paragraph 2 passes: r'2 = 1 * 0.5^(1-0) = 0.5.
  // Score = (0 + 0.5) / 2 = 0.25.
  const r = await score("first in paragraph 1 lowercase then in paragraph 2 lowercase", "Read the log.\n\nall is fine now");
  assert.equal(r.score, 0.25);
});
