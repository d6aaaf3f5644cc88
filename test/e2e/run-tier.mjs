#!/usr/bin/env node
// The editor test tier, called by test/run-all.mjs after `tsc -b`: installs what
// it needs (setup.sh), bundles the extension when esbuild.mjs exists, runs the
// harness self-test and the real extension suite in code-server, and prints one
// line `E2E-SUMMARY <passed> passed, <failed> failed`. Anything that keeps a
// run from happening counts as a failure, never as a silent pass.
// Usage: node test/e2e/run-tier.mjs [--only self-test|suite]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { setTimeout } from "node:timers";
import { judgeUserSettings, loadLoopbackJudge, UNTRUSTED_SETTINGS, untrustedWorkspace } from "./judge-runs.mjs";

const root = resolve(import.meta.dirname, "..", "..");
const out = join(root, "out", "test-e2e");
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
// The editor runs' budget, counted from the end of setup: installing code-server and chromium on a fresh machine
// (minutes on a slow mirror) must not eat into it. setup.sh is bounded by its own installers.
const TIER_DEADLINE_MS = 12 * 60_000;

let passed = 0;
let failed = 0;
function finish() {
  console.log(`E2E-SUMMARY ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
function failure(reason) {
  console.log(`[e2e] FAIL ${reason}`);
  failed += 1;
}
/** One counted check the runner makes itself (e.g. on a loopback judge's request log). */
function check(what, ok, detail) {
  if (ok) { console.log(`[e2e] pass ${what}`); passed += 1; }
  else failure(`${what}: ${detail}`);
}

function timed(label, cmd, args) {
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], encoding: "utf8" });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  console.log(`[e2e] ${label}: exit ${r.status ?? r.signal ?? r.error?.message} in ${seconds} s`);
  return r.status === 0;
}

function hasTestFiles(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? hasTestFiles(path) : entry.endsWith(".test.js");
  });
}

if (!timed("setup", "bash", [join(root, "test/e2e/setup.sh")])) {
  failure("test/e2e/setup.sh could not install the editor test dependencies (see its output above)");
  finish();
}
const deadline = setTimeout(() => { failure(`the editor runs took longer than ${TIER_DEADLINE_MS / 1000} s after setup`); finish(); }, TIER_DEADLINE_MS);
deadline.unref();
const runnerJs = join(out, "code-server-runner.js");
if (!existsSync(runnerJs)) {
  failure(`${runnerJs} is missing: build first with npx tsc -b (root tsconfig references test/e2e)`);
  finish();
}
const { runEditorTests } = createRequire(import.meta.url)(runnerJs);

/** Runs one editor run and adds its counts. */
async function editorRun(options) {
  const start = Date.now();
  const r = await runEditorTests({ ...options, onLog: (line) => console.log(`  ${line}`) });
  for (const line of r.outcomes) console.log(`[e2e] ${options.name}: ${line}`);
  for (const file of r.screenshots) console.log(`[e2e] ${options.name}: screenshot ${file}`);
  console.log(`[e2e] ${options.name}: ${r.passed} passed, ${r.failed} failed in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  passed += r.passed;
  failed += r.failed;
}

if (only === undefined || only === "self-test") {
  await editorRun({
    name: "self-test",
    extensionPath: join(root, "test/e2e/fixtures/hello-extension"),
    testsPath: join(out, "self-test/index.js"),
    workspace: join(root, "test/e2e/fixtures/hello-workspace"),
    smokeModule: join(out, "self-test/smoke.js"),
  });
}

if (only === undefined || only === "suite") {
  if (!hasTestFiles(join(out, "suite"))) {
    console.log("[e2e] real extension suite: no test/e2e/suite/**/*.test.ts yet, nothing to run");
    if (only === "suite") failure("--only suite but the suite has no tests");
  } else {
    const bundled = !existsSync(join(root, "esbuild.mjs")) || timed("bundle (node esbuild.mjs)", process.execPath, [join(root, "esbuild.mjs")]);
    if (!bundled) failure("node esbuild.mjs failed: the extension was not bundled");
    else {
      const startLoopbackJudge = loadLoopbackJudge(root);
      // Main run: soft constraints judged by a loopback chat judge that says NO to one of them.
      // Keep in step with test/e2e/smoke/judge-steps.ts (evidence, key) and suite/scoring-fixtures.ts.
      const SMOKE_KEY = "e2e-smoke-judge-key";
      const judge = await startLoopbackJudge({
        verdicts: { "Use a formal, technical style.": "NO" },
        evidence: { "Use a formal, technical style.": "The tone is casual, not technical." },
        latencyMs: 700,
      });
      const smoke = join(out, "smoke/index.js");
      try {
        await editorRun({
          name: "extension",
          extensionPath: root,
          testsPath: join(out, "suite/index.js"),
          workspace: join(root, "examples"),
          smokeModule: existsSync(smoke) ? smoke : undefined,
          settings: judgeUserSettings(judge),
          env: { LSRIF_E2E_JUDGE_URL: judge.chatBaseUrl, LSRIF_E2E_GREP: "untrusted", LSRIF_E2E_GREP_INVERT: "1" },
        });
        const chats = judge.requests.filter((r) => r.path === "/v1/chat/completions");
        check("extension: the loopback judge was asked (judged scoring reached it)", chats.length > 0, `${judge.requests.length} requests`);
        const auth = new Set(chats.map((r) => r.headers.authorization ?? "none"));
        check("extension: the key typed into Set Judge API Key reached the judge, and no other key did",
          auth.has(`Bearer ${SMOKE_KEY}`) && [...auth].every((a) => a === "none" || a === `Bearer ${SMOKE_KEY}`), [...auth].join(", "));
      } finally {
        await judge.close();
      }

      // Untrusted run: the workspace names a spy judge; nothing may reach it.
      const spy = await startLoopbackJudge();
      const untrusted = untrustedWorkspace(join(root, "examples"), spy);
      const untrustedSmoke = join(out, "smoke-untrusted/index.js");
      try {
        await editorRun({
          name: "untrusted",
          extensionPath: root,
          testsPath: join(out, "suite/index.js"),
          workspace: untrusted.folder,
          smokeModule: existsSync(untrustedSmoke) ? untrustedSmoke : undefined,
          settings: UNTRUSTED_SETTINGS,
          env: { LSRIF_E2E_GREP: "untrusted", LSRIF_E2E_UNTRUSTED: "1", LSRIF_E2E_SPY_URL: spy.chatBaseUrl },
        });
        check("untrusted: the workspace's judge server received no request", spy.requests.length === 0,
          `${spy.requests.length} requests: ${spy.requests.map((r) => r.path).join(", ")}`);
      } finally {
        await spy.close();
        untrusted.cleanup();
      }
    }
  }
}
finish();
