#!/usr/bin/env node
// The one test command: type-check and build, lint (steps), then every test tier.
// Prints a closing line `N passed, N failed`: N passed counts tests; N failed counts failed tests plus failed
// steps and tiers that could not run (a step is not a test, but a broken build must fail the run).
// Usage: node test/run-all.mjs [--only unit|protocol|python|e2e|browser]   (with --only, build and lint still run first)
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const TIERS = ["unit", "protocol", "python", "e2e", "browser"];
if (only !== undefined && !TIERS.includes(only)) {
  console.error(`run-all: --only takes one of ${TIERS.join(", ")} (got '${only}')`);
  process.exit(2);
}
const wanted = (tier) => only === undefined || only === tier;

let passed = 0;
let failed = 0;
const report = [];

function run(name, cmd, args, opts = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8", env: { ...process.env, ...opts.env } });
  if (opts.capture) process.stdout.write(r.stdout ?? "");
  return r;
}

/** A step (build, lint) is reported on its own line; only its failure changes the counts. */
function step(name, cmd, args) {
  const r = run(name, cmd, args);
  const ok = r.status === 0;
  report.push(`step ${name}: ${ok ? "ok" : "FAILED"}`);
  if (!ok) failed += 1;
  return ok;
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

function tierResult(name, pass, fail, crashed) {
  passed += pass;
  failed += fail + (crashed ? 1 : 0);
  report.push(`tier ${name}: ${pass} passed, ${fail} failed${crashed ? " (and the tier itself failed)" : ""}`);
}

/** Runs node:test files and adds their counts from the TAP summary. */
function nodeTier(name, dir) {
  const files = findTests(join(root, dir));
  if (files.length === 0) {
    tierResult(name, 0, 0, true);
    return;
  }
  const r = run(`${name} tests`, process.execPath, ["--test", "--test-reporter=tap", "--test-concurrency=2", ...files], { capture: true });
  const pass = Number(/^# pass (\d+)/m.exec(r.stdout ?? "")?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(r.stdout ?? "")?.[1] ?? 0);
  tierResult(name, pass, fail, r.status !== 0 && fail === 0); // a crash outside any test still fails the run
}

/**
 * The Python package's tests with Debian's pytest (python/tests/setup.sh installs it when it
 * can). Counts come from pytest's JUnit XML. When pytest cannot be installed the tier is
 * reported as skipped, and counted as a failure under CI.
 */
function pythonTier() {
  const setup = spawnSync("bash", ["python/tests/setup.sh"], { cwd: root, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (setup.status !== 0) {
    const reason = (setup.stderr ?? "").trim().split("\n").pop() || "python/tests/setup.sh failed";
    if (process.env.CI) {
      console.log(`\n=== python tests: cannot run: ${reason}; CI is set, so this fails the run`);
      tierResult("python (pytest)", 0, 0, true);
    } else {
      console.log(`\n=== python tests: SKIPPED: ${reason}; run it with: bash python/tests/setup.sh && /usr/bin/python3 -m pytest python/tests`);
      report.push(`tier python (pytest): SKIPPED (${reason})`);
    }
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "lsrif-pytest-"));
  const junit = join(dir, "junit.xml");
  const r = run("python tests", "/usr/bin/python3", ["-m", "pytest", "python/tests", "-q", "-rs", "-p", "no:cacheprovider", `--junitxml=${junit}`], {
    env: { PYTHONDONTWRITEBYTECODE: "1" },
  });
  const xml = existsSync(junit) ? readFileSync(junit, "utf8") : "";
  rmSync(dir, { recursive: true, force: true });
  const count = (name) => Number(new RegExp(`<testsuite [^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const bad = count("failures") + count("errors");
  if (count("skipped") > 0) console.log(`python tests: ${count("skipped")} skipped (reasons above)`);
  // pytest crashed, or collected no test (exit 5)
  tierResult("python (pytest)", count("tests") - bad - count("skipped"), bad, r.status !== 0 && bad === 0);
}

/** Why the editor tier cannot run on this machine, or undefined when it can (see test/e2e/setup.sh). */
function editorTierBlocker() {
  if (process.platform !== "linux" || !existsSync("/etc/debian_version")) return "it installs code-server and chromium with apt: needs Debian";
  const major = Number(process.versions.node.split(".")[0]);
  if (major !== 20) return `code-server 4.100.3 runs on Node 20 (this is ${process.version})`;
  const haveChromium = existsSync("/usr/bin/chromium");
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!haveChromium && !root) return "chromium is missing and apt-get needs root";
  const dpkg = spawnSync("dpkg", ["-s", "libkrb5-dev"], { stdio: "ignore" });
  if (dpkg.status !== 0 && !root) return "libkrb5-dev is missing and apt-get needs root";
  return undefined;
}

function editorTier() {
  const runner = join(root, "test/e2e/run-tier.mjs");
  const blocker = editorTierBlocker();
  if (blocker !== undefined) {
    const how = "run it where it can: node test/e2e/run-tier.mjs (Debian, Node 20, root for apt; see test/e2e/README.md)";
    if (process.env.CI) {
      console.log(`\n=== editor tests: cannot run: ${blocker}; CI is set, so this fails the run`);
      tierResult("editor (code-server)", 0, 0, true);
    } else {
      console.log(`\n=== editor tests: SKIPPED: ${blocker}; ${how}`);
      report.push(`tier editor (code-server): SKIPPED (${blocker})`);
    }
    return;
  }
  const r = run("editor tests (code-server)", process.execPath, [runner], { capture: true });
  const m = /^E2E-SUMMARY (\d+) passed, (\d+) failed$/m.exec(r.stdout ?? "");
  tierResult("editor (code-server)", Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), r.status !== 0 && (!m || Number(m[2]) === 0));
}

const built = step("type-check and build", "npx", ["tsc", "-b"]);
step("lint", "npx", ["eslint", "."]);

if (built) {
  if (wanted("unit")) nodeTier("unit", "out/test/unit");
  if (wanted("protocol")) nodeTier("protocol", "out/test/protocol");
  if (wanted("python")) pythonTier();
  if (wanted("e2e")) editorTier();
  // After the editor tier: its setup installs the chromium these drive (they skip, saying so, without it).
  if (wanted("browser")) nodeTier("browser (chromium)", "out/test/browser");
}

const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
console.log(`\nlsrif ${version}:\n${report.map((line) => `  ${line}`).join("\n")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
