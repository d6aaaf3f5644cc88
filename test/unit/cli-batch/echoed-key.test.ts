// Issue 9 item 5 end to end: a gateway that echoes the request headers into its evidence.
// The key reaches the judge (it must), but not `lsrif score --json`, `score-batch --out`,
// the summary, stderr or the verdict cache.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chatCompletionBody, startLoopbackJudge, type LoopbackJudge } from "../../helpers/loopback-judge.js";
import { INSTRUCTIONS_JSONL, RESPONSES_JSONL, SEQUENCE_LSR } from "./fixtures.js";
import { filesUnder, lsrif, tempDir, writeFile } from "./run-cli.js";

const KEY = "sk-echoed-0b5e9d";
let judge: LoopbackJudge;
before(async () => {
  judge = await startLoopbackJudge({
    handle: (request) => {
      if (request.path !== "/v1/chat/completions") return undefined;
      const evidence = `I saw these headers: ${JSON.stringify(request.headers)}`;
      return { body: chatCompletionBody(JSON.stringify({ evidence, verdict: "YES" })) };
    },
  });
});
after(() => judge.close());

test("the echoed key is in no output, output file, summary or cache file", async () => {
  const dir = tempDir("lsrif-echoed-key-");
  const cache = join(dir, "cache");
  const env = { LSRIF_JUDGE_API_KEY: KEY };
  const flags = ["--judge-url", judge.chatBaseUrl, "--judge-model", "loopback", "--cache-dir", cache];

  const scored = await lsrif(["score", writeFile(dir, "seq.lsr", SEQUENCE_LSR), writeFile(dir, "r.txt", "The keeper works at night."), "--json", ...flags], env);
  assert.equal(scored.code, 0, scored.stderr);
  assert.match(scored.stdout, /I saw these headers/, "the evidence is shown");
  assert.match(scored.stdout, /Bearer \[redacted\]/);

  writeFile(dir, "instructions.jsonl", INSTRUCTIONS_JSONL);
  writeFile(dir, "responses.jsonl", RESPONSES_JSONL);
  const out = join(dir, "scores.jsonl");
  const summary = join(dir, "summary.json");
  const batch = await lsrif(["score-batch", "--instructions", join(dir, "instructions.jsonl"), "--in", join(dir, "responses.jsonl"), "--out", out, "--summary-json", summary, ...flags], env);
  assert.equal(batch.code, 0, batch.stderr);

  assert.ok(judge.requests.length > 0 && judge.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`), "the key was sent");
  const texts = [scored.stdout, scored.stderr, batch.stdout, batch.stderr, readFileSync(out, "utf8"), readFileSync(summary, "utf8"), ...filesUnder(cache).map((f) => f.text)];
  assert.ok(filesUnder(cache).length > 0);
  for (const text of texts) assert.equal(text.includes(KEY), false, text.slice(0, 300));
});
