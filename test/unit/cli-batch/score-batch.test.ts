// `lsrif score-batch` as a real process against the loopback judge: exact
// per-line scores, resume, bad lines and the summary.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startLoopbackJudge, type LoopbackJudge } from "../../helpers/loopback-judge.js";
import { CONDITIONAL_LSR, INSTRUCTIONS_JSONL, JUDGE_SCRIPT, RESPONSES_JSONL, SEQUENCE_LSR } from "./fixtures.js";
import { close, lsrif, tempDir, writeFile } from "./run-cli.js";

let judge: LoopbackJudge;
before(async () => {
  judge = await startLoopbackJudge(JUDGE_SCRIPT);
});
after(() => judge.close());

// Hand-computed, gamma 0.5, verdicts: formal NO, keeper YES, urgent YES.
// a (sequence formal -> no_comma -> keeper):
//   a1 no comma: r = (0, 1, 1) -> r' = (0, 0.5, 0.5 * 0.5^0) -> (0 + 0.5 + 0.5) / 3 = 1/3
//   a2 comma:    r = (0, 0, 1) -> r' = (0, 0 * 0.5, 1 * 0.5 * 0.5) -> 0.25 / 3 = 1/12
//   a3 no comma: as a1, 1/3
// b (if "storm" then urgent else {no_comma, formal}):
//   b1 "storm": then branch, urgent YES -> 1
//   b2 else: no_comma fails (comma), formal NO -> (0 + 0) / 2 = 0
//   b3 else: no_comma holds, formal NO -> (1 + 0) / 2 = 0.5
const EXPECTED: Record<string, number> = { a1: 1 / 3, a2: 1 / 12, a3: 1 / 3, b1: 1, b2: 0, b3: 0.5 };

interface Summary {
  responses: { scored: number; skipped: number; failed: number };
  meanScore: number;
  incomplete: number;
  byStructure: Record<string, { responses: number; meanScore: number }>;
  byConstraint: { hard: Record<string, { passed: number; failed: number; passRate: number }>; soft: Record<string, { passed: number; failed: number; passRate: number }> };
  judge: { verdicts: number; requestsSent: number; cacheHits: number; retries: number; failures: number };
}

function readLines(path: string): { id: string; instruction: string; score: number; complete: boolean; tree: unknown }[] {
  return readFileSync(path, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
}

async function runBatch(instructions: string, dir: string, extra: string[] = []) {
  const responses = join(dir, "responses.jsonl");
  const out = join(dir, "scores.jsonl");
  const summaryJson = join(dir, "summary.json");
  const run = await lsrif(
    ["score-batch", "--instructions", instructions, "--in", responses, "--out", out, "--summary-json", summaryJson,
      "--judge-url", judge.chatBaseUrl, "--judge-model", "loopback", "--cache-dir", join(dir, "cache"), ...extra],
  );
  return { run, out, summary: (): Summary => JSON.parse(readFileSync(summaryJson, "utf8")) };
}

function assertExactLines(out: string): void {
  const lines = readLines(out);
  assert.deepEqual(lines.map((l) => l.id).sort(), Object.keys(EXPECTED).sort());
  for (const line of lines) {
    assert.ok(close(line.score, EXPECTED[line.id]), `${line.id}: ${line.score} != ${EXPECTED[line.id]}`);
    assert.equal(line.complete, true);
    assert.equal(line.instruction, line.id[0]);
    assert.deepEqual(Object.keys(line), ["id", "instruction", "score", "complete", "applicable", "aggregation", "mode", "gamma", "tree"]);
    assert.ok(!JSON.stringify(line.tree).includes('"range"'), "tree without source ranges");
  }
}

function assertSummary(s: Summary, scored: number, skipped: number): void {
  assert.deepEqual(s.responses, { scored, skipped, failed: 0 });
  // (1/3 + 1/12 + 1/3 + 1 + 0 + 0.5) / 6 = (9/12 + 18/12) / 6 = 0.375
  assert.ok(close(s.meanScore, 0.375));
  assert.equal(s.incomplete, 0);
  // sequential: (1/3 + 1/12 + 1/3) / 3 = 0.25; conditional: (1 + 0 + 0.5) / 3 = 0.5
  assert.deepEqual(Object.keys(s.byStructure).sort(), ["conditional", "sequential"]);
  assert.equal(s.byStructure.sequential.responses, 3);
  assert.ok(close(s.byStructure.sequential.meanScore, 0.25));
  assert.ok(close(s.byStructure.conditional.meanScore, 0.5));
  // no_comma counts in a1 a2 a3 b2 b3 (b1 took the then branch; the "storm" condition is not a
  // reward term): passes a1 a3 b3 -> 3/5.
  assert.deepEqual(Object.keys(s.byConstraint.hard), ["punctuation:no_comma"]);
  assert.equal(s.byConstraint.hard["punctuation:no_comma"].passed, 3);
  assert.equal(s.byConstraint.hard["punctuation:no_comma"].failed, 2);
  assert.ok(close(s.byConstraint.hard["punctuation:no_comma"].passRate, 0.6));
  // style (formal): a1-a3, b2, b3 all NO -> 0/5; content (keeper): 3/3; tone (urgent): b1 -> 1/1.
  assert.deepEqual(
    Object.fromEntries(Object.entries(s.byConstraint.soft).map(([k, r]) => [k, [r.passed, r.failed]])),
    { content: [3, 0], style: [0, 5], tone: [1, 0] },
  );
}

for (const layout of ["directory", "jsonl"] as const) {
  test(`score-batch with a ${layout} of instructions: exact scores, summary, then a resume that sends nothing`, async () => {
    const dir = tempDir(`lsrif-batch-${layout}-`);
    let instructions: string;
    if (layout === "directory") {
      instructions = join(dir, "instructions");
      mkdirSync(instructions);
      writeFile(instructions, "a.lsr", SEQUENCE_LSR);
      writeFile(instructions, "b.lsr", CONDITIONAL_LSR);
      writeFile(instructions, "notes.txt", "not an instruction");
    } else {
      instructions = writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
    }
    writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
    const requestsBefore = judge.requests.length;

    const first = await runBatch(instructions, dir);
    assert.equal(first.run.code, 0, first.run.stderr);
    assertExactLines(first.out);
    const s1 = first.summary();
    assertSummary(s1, 6, 0);
    // Soft verdicts needed: a 2 x 3 + b 1 x 3 (one branch each) = 9, none cached yet.
    assert.equal(s1.judge.verdicts, 9);
    assert.equal(s1.judge.cacheHits, 0);
    assert.equal(s1.judge.failures, 0);
    assert.equal(s1.judge.requestsSent, judge.requests.length - requestsBefore, "requests counted as the server saw them");
    assert.match(first.run.stdout, /^responses: 6 scored, 0 skipped \(already in the output\), 0 failed$/m);
    assert.match(first.run.stdout, /^mean score: 0\.375 over 6 responses \(0 incomplete\)$/m);
    assert.match(first.run.stderr, /^score-batch: 6\/6 responses$/m, "plain progress when stderr is not a terminal");

    const requestsAfterFirst = judge.requests.length;
    const second = await runBatch(instructions, dir);
    assert.equal(second.run.code, 0, second.run.stderr);
    assert.equal(judge.requests.length, requestsAfterFirst, "the resumed run makes zero judge requests");
    assertExactLines(second.out);
    const s2 = second.summary();
    assertSummary(s2, 0, 6);
    assert.equal(s2.judge.requestsSent, 0);
    assert.equal(s2.judge.verdicts, 0);
  });
}

test("resume after a killed run: the cut last line is rewritten, the rest skipped", async () => {
  const dir = tempDir("lsrif-batch-cut-");
  const instructions = writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
  const first = await runBatch(instructions, dir);
  assert.equal(first.run.code, 0, first.run.stderr);
  const text = readFileSync(first.out, "utf8");
  const lastId = readLines(first.out).at(-1)?.id;
  truncateSync(first.out, Buffer.byteLength(text) - 20);

  const requests = judge.requests.length;
  const second = await runBatch(instructions, dir);
  assert.equal(second.run.code, 0, second.run.stderr);
  assert.deepEqual(second.summary().responses, { scored: 1, skipped: 5, failed: 0 });
  assertExactLines(second.out);
  assert.equal(readLines(second.out).at(-1)?.id, lastId);
  // The rescored response's verdicts come from the cache the first run filled.
  assert.equal(judge.requests.length, requests);
});

test("bad response lines: reported as file:line, skipped, counted as failures, exit 1", async () => {
  const dir = tempDir("lsrif-batch-bad-");
  const instructions = writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  const good = RESPONSES_JSONL.trimEnd().split("\n");
  const lines = [
    good[0],
    "{not json",
    JSON.stringify({ id: "x1", instruction: "a" }),
    JSON.stringify({ id: "x2", instruction: "nope", response: "hi" }),
    good[1],
    good[0],
    "",
    ...good.slice(2),
  ];
  const responses = writeFile(dir, "responses.jsonl", lines.join("\n") + "\n");
  const { run, out, summary } = await runBatch(instructions, dir);
  assert.equal(run.code, 1, run.stderr);
  const reported = run.stderr.split("\n").filter((l) => l.startsWith(responses));
  assert.deepEqual(reported.map((l) => l.slice(responses.length).replace(/ \(.*$/, "").replace(/: not valid JSON.*/, ": not valid JSON")), [
    ":2: not valid JSON",
    ":3: not a response line",
    ":4: unknown instruction 'nope'",
    ":6: response id 'a1' is already used on line 1",
  ]);
  assert.match(reported[1], /response: /, "the missing field is named");
  assert.deepEqual(summary().responses, { scored: 6, skipped: 0, failed: 4 });
  assertExactLines(out);
  assert.match(run.stdout, /^responses: 6 scored, 0 skipped \(already in the output\), 4 failed$/m);
});

test("unusable input: exit 2 with a clear message", async () => {
  const dir = tempDir("lsrif-batch-unusable-");
  writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
  const missing = await lsrif(["score-batch", "--instructions", join(dir, "nope"), "--in", join(dir, "responses.jsonl"), "--out", join(dir, "o.jsonl")]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope: cannot read: no such file or directory/);
  const noOut = await lsrif(["score-batch", "--instructions", dir, "--in", join(dir, "responses.jsonl")]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /score-batch needs --out/);
  const empty = await lsrif(["score-batch", "--instructions", dir, "--in", join(dir, "responses.jsonl"), "--out", join(dir, "o.jsonl")]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no instructions found/);
  const corrupt = writeFile(dir, "corrupt.jsonl", "garbage\n{}\n");
  const instructions = writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  const bad = await lsrif(["score-batch", "--instructions", instructions, "--in", join(dir, "responses.jsonl"), "--out", corrupt]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /corrupt\.jsonl:1: not a score line/);
  assert.equal(readFileSync(corrupt, "utf8"), "garbage\n{}\n", "an unusable output file is left alone");
});
