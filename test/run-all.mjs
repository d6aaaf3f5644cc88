#!/usr/bin/env node
// The one test command: type-check and build, lint, then every test tier.
// Prints a closing line `N passed, N failed` that counts every tier.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;

function step(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8", env: { ...process.env, ...opts.env } });
  if (opts.capture) process.stdout.write(r.stdout ?? "");
  return r;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (entry.endsWith(".test.js")) out.push(p);
  }
  return out.sort();
}

/** Runs node:test files and adds their counts from the TAP summary. */
function nodeTier(name, dir) {
  const files = findTests(join(root, dir));
  if (files.length === 0) return;
  const r = step(name, process.execPath, ["--test", "--test-reporter=tap", "--test-concurrency=2", ...files], { capture: true });
  const pass = Number(/^# pass (\d+)/m.exec(r.stdout ?? "")?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(r.stdout ?? "")?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (r.status !== 0 && fail === 0) failed += 1; // a crash outside any test still fails the run
}

const build = step("type-check and build", "npx", ["tsc", "-b"]);
if (build.status !== 0) failed += 1; else passed += 1;
const lint = step("lint", "npx", ["eslint", "."]);
if (lint.status !== 0) failed += 1; else passed += 1;

if (build.status === 0) {
  nodeTier("unit tests", "out/test/unit");
  nodeTier("protocol tests", "out/test/protocol");
  const e2e = join(root, "test/e2e/run-tier.mjs");
  if (existsSync(e2e)) {
    const r = step("editor tests (code-server)", process.execPath, [e2e], { capture: true });
    const m = /^E2E-SUMMARY (\d+) passed, (\d+) failed$/m.exec(r.stdout ?? "");
    if (m) { passed += Number(m[1]); failed += Number(m[2]); }
    if (r.status !== 0 && (!m || Number(m[2]) === 0)) failed += 1;
  }
  // After the editor tier: its setup installs the chromium these drive.
  nodeTier("browser tests (chromium)", "out/test/browser");
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
