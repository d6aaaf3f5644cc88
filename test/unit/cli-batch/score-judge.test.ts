// `lsrif score` with the judge flags: a real process against the loopback judge.

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startLoopbackJudge, type LoopbackJudge } from "../../helpers/loopback-judge.js";
import { JUDGE_SCRIPT, SEQUENCE_LSR } from "./fixtures.js";
import { close, filesUnder, lsrif, tempDir, writeFile } from "./run-cli.js";

const KEY = "sk-lsrif-test-7f3a9c1e";
let judge: LoopbackJudge;
const dir = tempDir("lsrif-score-judge-");
const instruction = writeFile(dir, "lighthouse.lsr", SEQUENCE_LSR);
const response = writeFile(dir, "response.txt", "The lighthouse keeper works at night.");

before(async () => {
  judge = await startLoopbackJudge(JUDGE_SCRIPT);
});
after(() => judge.close());

const judgeFlags = () => ["--judge-url", judge.chatBaseUrl, "--judge-model", "loopback"];

interface Leaf {
  kind: string;
  status: string;
  probability?: number;
  cached?: boolean;
  children: Leaf[];
}
const leaves = (n: Leaf): Leaf[] => (n.children.length ? n.children.flatMap(leaves) : [n]);

test("score with a judge: exact score of a mixed hard/soft sequence; cached re-run sends nothing; the key never shows", async () => {
  const xdg = join(dir, "xdg");
  const env = { LSRIF_JUDGE_API_KEY: KEY, XDG_CACHE_HOME: xdg };
  const first = await lsrif(["score", instruction, response, "--json", "--verbose", ...judgeFlags()], env);
  assert.equal(first.code, 0, first.stderr);
  const out = JSON.parse(first.stdout);
  // Steps r = (formal NO 0, no_comma 1 (no comma in the response), keeper YES 1), gamma 0.5:
  // r'1 = 0; r'2 = 1 * 0.5^(1-0) = 0.5; r'3 = 1 * 0.5 * 0.5^(1-1) = 0.5; R = (0 + 0.5 + 0.5) / 3 = 1/3.
  assert.ok(close(out.score, 1 / 3), `score ${out.score}`);
  assert.equal(out.complete, true);
  const soft = leaves(out.tree).filter((l) => l.kind === "soft");
  assert.deepEqual(soft.map((l) => l.status), ["fail", "pass"]);
  // The loopback gives P(YES) 0.1 for a NO verdict and 0.9 for YES through logprobs.
  assert.ok(close(soft[0].probability ?? NaN, 0.1) && close(soft[1].probability ?? NaN, 0.9));
  assert.ok(soft.every((l) => l.cached !== true), "first run is not served from the cache");

  const sent = judge.requests.length;
  assert.ok(sent >= 2, `at least one request per soft constraint, got ${sent}`);
  assert.ok(judge.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`), "the key from the environment is sent");
  assert.match(first.stderr, /^judge: /m, "--verbose shows the judge log on stderr");

  // Default cache location: $XDG_CACHE_HOME/lsrif/judge.
  const cacheFiles = filesUnder(join(xdg, "lsrif", "judge"));
  assert.ok(cacheFiles.length >= 2, `cache files: ${cacheFiles.length}`);

  const second = await lsrif(["score", instruction, response, "--json", "--verbose", ...judgeFlags()], env);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(judge.requests.length, sent, "the cached re-run makes zero requests");
  const again = JSON.parse(second.stdout);
  assert.ok(close(again.score, 1 / 3));
  assert.ok(leaves(again.tree).filter((l) => l.kind === "soft").every((l) => l.cached === true));

  const uncached = await lsrif(["score", instruction, response, "--json", "--no-cache", ...judgeFlags()], env);
  assert.equal(uncached.code, 0, uncached.stderr);
  assert.ok(judge.requests.length >= sent + 2, "--no-cache asks the judge again");
  assert.ok(close(JSON.parse(uncached.stdout).score, 1 / 3));
  assert.equal(uncached.stderr, "", "no judge log without --verbose");

  for (const run of [first, second, uncached]) {
    assert.ok(!run.stdout.includes(KEY) && !run.stderr.includes(KEY), "key printed");
  }
  for (const file of filesUnder(xdg)) {
    assert.ok(!file.text.includes(KEY) && !file.path.includes(KEY), `key in cache file ${file.path}`);
  }
});

test("--cache-dir puts the cache where asked", async () => {
  const cacheDir = join(dir, "explicit-cache");
  const r = await lsrif(["score", instruction, response, "--json", "--cache-dir", cacheDir, ...judgeFlags()], { XDG_CACHE_HOME: join(dir, "unused") });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(filesUnder(cacheDir).length >= 2);
  assert.equal(filesUnder(join(dir, "unused")).length, 0);
});

test("without --judge-url nothing is sent: soft constraints unjudged, complete false", async () => {
  const before = judge.requests.length;
  const r = await lsrif(["score", instruction, response, "--json"], { LSRIF_JUDGE_API_KEY: KEY });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.complete, false);
  assert.deepEqual(leaves(out.tree).filter((l) => l.kind === "soft").map((l) => l.status), ["unjudged", "unjudged"]);
  // Only no_comma is known: R = 1 (the unjudged steps leave the mean and the penalty chain).
  assert.equal(out.score, 1);
  assert.equal(judge.requests.length, before);
});

test("bad judge flags in a real process: exit 2, a message naming the flag, no stack trace, never the key", async () => {
  const cases: [string[], RegExp][] = [
    [["--judge-url", "ftp://example.org/v1", "--judge-model", "m"], /invalid judge settings: --judge-url: /],
    [["--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "m", "--concurrency", "0"], /--concurrency: /],
    [["--judge-api-key", KEY], /Unknown option '--judge-api-key'/],
  ];
  for (const [flags, message] of cases) {
    const r = await lsrif(["score", instruction, response, ...flags], { LSRIF_JUDGE_API_KEY: KEY });
    assert.equal(r.code, 2, `${flags.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at .*\.js:\d+/, "no stack trace");
    if (!flags.includes(KEY)) assert.ok(!r.stderr.includes(KEY));
  }
});
