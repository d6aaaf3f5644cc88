// Issue 9 item 8: a run during a judge outage leaves lines with `error` soft verdicts;
// the next run (judge healthy) scores exactly those again, replacing them, so the output
// keeps one line per id with the exact scores. --no-retry-errors keeps the old lines.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startLoopbackJudge, type LoopbackJudge } from "../../helpers/loopback-judge.js";
import { INSTRUCTIONS_JSONL, JUDGE_SCRIPT, RESPONSES_JSONL } from "./fixtures.js";
import { close, lsrif, tempDir, writeFile } from "./run-cli.js";

// Hand-computed in score-batch.test.ts (gamma 0.5; formal NO, keeper YES, urgent YES).
const EXPECTED: Record<string, number> = { a1: 1 / 3, a2: 1 / 12, a3: 1 / 3, b1: 1, b2: 0, b3: 0.5 };

let judge: LoopbackJudge;
/** Requests whose body contains this text fail with 500 ("" fails all; undefined: healthy). */
let outage: string | undefined = "";
before(async () => {
  judge = await startLoopbackJudge({
    ...JUDGE_SCRIPT,
    handle: (request) => (outage !== undefined && request.raw.includes(outage) ? { status: 500, body: { error: "outage" } } : undefined),
  });
});
after(() => judge.close());

interface Line {
  id: string;
  score: number;
  complete: boolean;
  tree: { kind: string; status: string; children: Line["tree"][] };
}
const readLines = (path: string): Line[] => readFileSync(path, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
const softErrors = (node: Line["tree"]): number => (node.kind === "soft" && node.status === "error" ? 1 : 0) + node.children.reduce((n, c) => n + softErrors(c), 0);

function batch(dir: string, extra: string[] = []) {
  return lsrif(["score-batch", "--instructions", join(dir, "instructions.jsonl"), "--in", join(dir, "responses.jsonl"), "--out", join(dir, "scores.jsonl"),
    "--judge-url", judge.chatBaseUrl, "--judge-model", "loopback", "--cache-dir", join(dir, "cache"), ...extra]);
}

test("a rerun after an outage re-scores the lines with judge errors and keeps one line per id", async () => {
  const dir = tempDir("lsrif-resume-errors-");
  writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
  const out = join(dir, "scores.jsonl");

  outage = "";
  const down = await batch(dir);
  assert.equal(down.code, 0, down.stderr);
  const during = readLines(out);
  assert.equal(during.length, 6);
  // Every response has a soft leaf on its path, so every line is incomplete with an error verdict.
  assert.ok(during.every((line) => !line.complete && softErrors(line.tree) > 0));

  // --no-retry-errors: the old behaviour, everything skipped, nothing sent.
  outage = undefined;
  const sentBefore = judge.requests.length;
  const kept = await batch(dir, ["--no-retry-errors"]);
  assert.equal(kept.code, 0, kept.stderr);
  assert.match(kept.stdout, /^responses: 0 scored, 6 skipped/m);
  assert.equal(judge.requests.length, sentBefore);
  assert.deepEqual(readLines(out), during);

  const healed = await batch(dir);
  assert.equal(healed.code, 0, healed.stderr);
  assert.match(healed.stderr, /scoring 6 responses again whose soft verdicts failed/);
  assert.match(healed.stdout, /^responses: 6 scored, 0 skipped/m);
  const lines = readLines(out);
  assert.deepEqual(lines.map((l) => l.id).sort(), Object.keys(EXPECTED).sort(), "exactly one line per id");
  for (const line of lines) {
    assert.equal(line.complete, true, line.id);
    assert.ok(close(line.score, EXPECTED[line.id]), `${line.id}: ${line.score} != ${EXPECTED[line.id]}`);
  }

  // Complete now: a further run skips everything and sends nothing.
  const sentAfter = judge.requests.length;
  const again = await batch(dir);
  assert.match(again.stdout, /^responses: 0 scored, 6 skipped/m);
  assert.equal(judge.requests.length, sentAfter);
});

test("only the lines with judge errors are scored again; the others are skipped", async () => {
  const dir = tempDir("lsrif-resume-some-");
  writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
  const out = join(dir, "scores.jsonl");
  outage = "Sound urgent."; // only b1 takes the branch asking this
  assert.equal((await batch(dir)).code, 0);
  const before = readLines(out);
  assert.deepEqual(before.filter((l) => softErrors(l.tree) > 0).map((l) => l.id), ["b1"]);
  outage = undefined;
  const healed = await batch(dir);
  assert.match(healed.stdout, /^responses: 1 scored, 5 skipped/m);
  const lines = readLines(out);
  assert.deepEqual(lines.map((l) => l.id).sort(), Object.keys(EXPECTED).sort());
  assert.equal(lines.find((l) => l.id === "b1")!.score, 1);
  // The five complete lines are byte-for-byte the earlier ones.
  assert.deepEqual(lines.filter((l) => l.id !== "b1"), before.filter((l) => l.id !== "b1"));
});
