// `lsrif ifbench` through the CLI dispatch on the IFBench fixture: the results file is
// the official eval_results_strict.jsonl byte for byte, except the three lines whose
// words:start_verb verdict differs (see ifbench-conformance.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../server/src/cli/main.js";
import { IFEVAL_FIXTURES } from "./fixtures.js";

const dir = join(IFEVAL_FIXTURES, "../ifbench");

test("lsrif ifbench writes the official strict results and prints both accuracies", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "lsrif-ifbench-")), "results.jsonl");
  let stdout = "";
  let stderr = "";
  const code = await main(["ifbench", "--input", join(dir, "IFBench_test.jsonl"), "--responses", join(dir, "sample_output.jsonl"), "--out", out], {
    stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), readStdin: () => "",
  });
  assert.equal(stderr, "");
  assert.equal(code, 0);
  // 77/294 official prompts plus keys 257, 258, 261 (start_verb only): 80; 93/335 instructions plus 3: 96.
  assert.match(stdout, /prompt-level: 0\.272108843537415 \(80\/294\)/);
  assert.match(stdout, /instruction-level: 0\.2865671641791045 \(96\/335\)/);
  const ours = readFileSync(out, "utf8").trim().split("\n");
  const official = readFileSync(join(dir, "eval_results_strict.jsonl"), "utf8").trim().split("\n");
  assert.equal(ours.length, official.length);
  const differing = ours.flatMap((line, i) => (line === official[i] ? [] : [i + 1]));
  // Lines 258, 259 and 262 hold keys 257, 258 and 261.
  assert.deepEqual(differing, [258, 259, 262]);
});

test("lsrif ifbench without --out is a usage error naming the command", async () => {
  let stderr = "";
  const code = await main(["ifbench", "--input", "a", "--responses", "b"], { stdout: () => undefined, stderr: (s: string) => void (stderr += s), readStdin: () => "" });
  assert.equal(code, 2);
  assert.match(stderr, /lsrif ifbench needs --out/);
});
