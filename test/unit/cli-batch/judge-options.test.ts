// The judge flag parser in-process: every rejection is a CliError with exit 2.

import assert from "node:assert/strict";
import { test } from "node:test";
import { CliError } from "../../../server/src/cli/io.js";
import { defaultJudgeCacheDir, judgeSettingsFromFlags, type JudgeFlagValues } from "../../../server/src/cli/judge-options.js";

const URL = "http://127.0.0.1:9/v1";
const KEY = "sk-lsrif-options-test";

function rejection(values: JudgeFlagValues, env: Record<string, string> = { LSRIF_JUDGE_API_KEY: KEY }): string {
  try {
    judgeSettingsFromFlags(values, env);
  } catch (error) {
    assert.ok(error instanceof CliError);
    assert.equal(error.exitCode, 2);
    assert.ok(!error.message.includes(KEY));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(values)}`);
}

test("no --judge-url: no judge at all", () => {
  assert.equal(judgeSettingsFromFlags({}, { LSRIF_JUDGE_API_KEY: KEY }), undefined);
  assert.equal(judgeSettingsFromFlags({ verbose: true, concurrency: "4" }, {}), undefined);
});

test("flags become settings; the key only from the environment; default cache under XDG_CACHE_HOME", () => {
  const settings = judgeSettingsFromFlags(
    { "judge-url": URL, "judge-model": "m", "judge-kind": "classifier", concurrency: "3", "timeout-ms": "1500" },
    { LSRIF_JUDGE_API_KEY: KEY, XDG_CACHE_HOME: "/tmp/xdg" },
  );
  assert.ok(settings);
  assert.equal(settings.kind, "classifier");
  assert.equal(settings.baseUrl, URL);
  assert.equal(settings.concurrency, 3);
  assert.equal(settings.timeoutMs, 1500);
  assert.equal(settings.apiKey, KEY);
  assert.equal(settings.cacheDir, "/tmp/xdg/lsrif/judge");
  assert.equal(judgeSettingsFromFlags({ "judge-url": URL, "judge-model": "m", "no-cache": true }, {})?.cacheDir, undefined);
  assert.equal(judgeSettingsFromFlags({ "judge-url": URL, "judge-model": "m" }, { LSRIF_JUDGE_API_KEY: "" })?.apiKey, undefined);
});

test("default cache dir: XDG_CACHE_HOME when absolute, else ~/.cache", () => {
  assert.equal(defaultJudgeCacheDir({ XDG_CACHE_HOME: "/c" }, "/home/u"), "/c/lsrif/judge");
  assert.equal(defaultJudgeCacheDir({}, "/home/u"), "/home/u/.cache/lsrif/judge");
  assert.equal(defaultJudgeCacheDir({ XDG_CACHE_HOME: "relative" }, "/home/u"), "/home/u/.cache/lsrif/judge");
});

test("bad values name the flag", () => {
  assert.match(rejection({ "judge-url": "ftp://example.org/v1", "judge-model": "m" }), /^invalid judge settings: --judge-url: /);
  assert.match(rejection({ "judge-url": "not a url", "judge-model": "m" }), /--judge-url: /);
  assert.equal(rejection({ "judge-url": URL }), "--judge-url needs --judge-model");
  assert.equal(rejection({ "judge-model": "m", "cache-dir": "/x" }), "--judge-model, --cache-dir need --judge-url");
  assert.match(rejection({ "judge-url": URL, "judge-model": "m", "judge-kind": "oracle" }), /--judge-kind: /);
  assert.match(rejection({ "judge-url": URL, "judge-model": "m", concurrency: "0" }), /--concurrency: /);
  assert.match(rejection({ "judge-url": URL, "judge-model": "m", concurrency: "2.5" }), /--concurrency must be a positive whole number \(got '2.5'\)/);
  assert.match(rejection({ "judge-url": URL, "judge-model": "m", "timeout-ms": "soon" }), /--timeout-ms must be a positive whole number/);
  assert.equal(rejection({ "judge-url": URL, "judge-model": "m", "no-cache": true, "cache-dir": "/x" }), "use either --no-cache or --cache-dir");
});
