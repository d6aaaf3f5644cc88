// `in extract "..."` through the scripted loopback judge: a good reply (span, evidence,
// cache), a span that is not in the response, a malformed reply, no judge at all, and a
// classifier judge (which cannot extract).

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { createJudge } from "../../../server/src/judge/settings.js";
import { EXTRACTION_NEEDS_CHAT } from "../../../server/src/judge/types.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import type { ScoreNode } from "../../../server/src/scoring/result.js";
import { formatScoreTree } from "../../../server/src/scoring/text-report.js";
import { chatCompletionBody, descriptionOf, startLoopbackJudge, type LoopbackScript } from "../../helpers/loopback-judge.js";

const RESPONSE = "Fix the cause first. Then push.\n\nChecklist:\n- read the first error in the log\n- run the failing command locally";
const CHECKLIST = "- read the first error in the log\n- run the failing command locally";
const LSR = 'in extract "the checklist" { each bullet lowercase }';

function leaves(node: ScoreNode): ScoreNode[] {
  return node.kind === "hard" || node.kind === "soft" ? [node] : node.children.flatMap(leaves);
}

async function withJudge(script: LoopbackScript, cacheDir: string | undefined, run: (judge: ReturnType<typeof createJudge>) => Promise<void>) {
  const server = await startLoopbackJudge(script);
  const judge = createJudge({ baseUrl: server.chatBaseUrl, model: "loopback-model", ...(cacheDir ? { cacheDir } : {}) });
  try {
    await run(judge);
  } finally {
    judge.dispose();
    await server.close();
  }
}

const instruction = () => analyze(LSR).instruction;

function userOf(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: string }[] } | undefined)?.messages ?? [];
  return messages.find((m) => m.role === "user")?.content ?? "";
}

test("a good reply: the span is located in the response, checked, shown, and cached", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-extract-"));
  const server = await startLoopbackJudge({ spans: { "the checklist": CHECKLIST } });
  const extractionRequests = () => server.requests.filter((q) => descriptionOf(userOf(q.body)) !== undefined).length;
  try {
    const first = createJudge({ baseUrl: server.chatBaseUrl, model: "loopback-model", cacheDir: dir });
    const r = await scoreInstruction(instruction(), RESPONSE, { judge: first });
    first.dispose();
    const [leaf] = leaves(r.tree);
    assert.equal(leaf.status, "pass");
    // The checklist starts after "Fix the cause first. Then push.\n\nChecklist:\n" (31 + 2 + 10 + 1 = 44 characters):
    // "- " then the first item (31 characters) at 46..77, the second (31) after "\n- " at 80..111.
    assert.deepEqual(leaf.spans, [{ start: 46, end: 77 }, { start: 80, end: 111 }]);
    assert.deepEqual(r.tree.children[0].extracted, [CHECKLIST]);
    assert.equal(r.complete, true);
    assert.equal(extractionRequests(), 1);
    // A new judge on the same cache directory: the span comes from the cache, no new extraction request.
    const second = createJudge({ baseUrl: server.chatBaseUrl, model: "loopback-model", cacheDir: dir });
    const again = await scoreInstruction(instruction(), RESPONSE, { judge: second });
    second.dispose();
    assert.equal(leaves(again.tree)[0].status, "pass");
    assert.equal(second.stats().cacheHits, 1);
    assert.equal(extractionRequests(), 1);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a span that does not occur verbatim in the response is a judge error, not a verdict", async () => {
  await withJudge({ spans: { "the checklist": "- read the FIRST error" } }, undefined, async (judge) => {
    const r = await scoreInstruction(instruction(), RESPONSE, { judge });
    const [leaf] = leaves(r.tree);
    assert.equal(leaf.status, "error");
    assert.match(leaf.error ?? "", /does not occur verbatim/);
    assert.equal(leaf.value, null);
    assert.equal(r.complete, false);
  });
});

test("a malformed reply, twice: a judge error after one re-ask", async () => {
  let extractionRequests = 0;
  const script: LoopbackScript = {
    handle: (request) => {
      if (descriptionOf(userOf(request.body)) === undefined) return undefined;
      extractionRequests++;
      return { body: chatCompletionBody("the checklist is the list at the end") };
    },
  };
  await withJudge(script, undefined, async (judge) => {
    const r = await scoreInstruction(instruction(), RESPONSE, { judge });
    const [leaf] = leaves(r.tree);
    assert.equal(leaf.status, "error");
    assert.match(leaf.error ?? "", /did not validate twice/);
    assert.equal(extractionRequests, 2);
  });
});

test("without a judge the constraints under an extraction are unjudged", async () => {
  const r = await scoreInstruction(instruction(), RESPONSE);
  const [leaf] = leaves(r.tree);
  assert.equal(leaf.status, "unjudged");
  assert.equal(r.complete, false);
  assert.equal(r.score, 0, "nothing that applies could be scored");
});

test("a classifier judge cannot extract: the constraints under the extraction are unjudged with the reason, the soft ones beside it judged", async () => {
  const server = await startLoopbackJudge({ verdicts: { "Sound calm.": "YES" } });
  const judge = createJudge({ kind: "classifier", classifierApi: "lsrif-predict", baseUrl: server.baseUrl, model: "loopback-classifier" });
  try {
    const lsr = `${LSR}\nsoft "Sound calm."`;
    const r = await scoreInstruction(analyze(lsr).instruction, RESPONSE, { judge });
    const [scoped, soft] = leaves(r.tree);
    assert.equal(scoped.status, "unjudged");
    assert.equal(scoped.value, null);
    assert.equal(scoped.unjudgedReason, EXTRACTION_NEEDS_CHAT);
    assert.match(scoped.unjudgedReason ?? "", /needs a chat judge/);
    assert.equal(soft.status, "pass");
    // Never a silent pass: the result is incomplete and R is the soft leaf's 1 alone (the scoped item left the mean).
    assert.equal(r.complete, false);
    assert.equal(r.score, 1);
    assert.equal(r.summary.unjudged, 1);
    assert.match(formatScoreTree(r), /unjudged: in extract "\.\.\." needs a chat judge/);
    // Only the soft verdict went out; no extraction was attempted.
    assert.deepEqual(server.requests.map((q) => q.path), ["/predict"]);
  } finally {
    judge.dispose();
    await server.close();
  }
});

test("a judge without span extraction (an in-process verdict judge) leaves them unjudged with the same reason", async () => {
  const r = await scoreInstruction(instruction(), RESPONSE, { judge: { judge: async () => ({ status: "pass" }) } });
  const [leaf] = leaves(r.tree);
  assert.equal(leaf.status, "unjudged");
  assert.equal(leaf.unjudgedReason, EXTRACTION_NEEDS_CHAT);
  assert.equal(r.complete, false);
});
