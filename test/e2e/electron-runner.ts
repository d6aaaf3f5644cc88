// The same mocha suites through @vscode/test-electron, for machines that can
// download VS Code (a laptop, a public CI). Not used here: this machine has no
// route to the VS Code update server, so the code-server runner is the tier.
// Usage (after `npx tsc -b`): node out/test-e2e/electron-runner.js [self-test|suite]
// Prints `E2E-SUMMARY <passed> passed, <failed> failed` like run-tier.mjs.
import { runTests } from "@vscode/test-electron";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { MochaResults } from "./mocha-entry.js";
import { DEFAULT_USER_SETTINGS } from "./code-server/server-process.js";

const REPO_ROOT = resolve(__dirname, "..", "..");

interface ElectronRun {
  extensionPath: string;
  testsPath: string;
  workspace: string;
}

const RUNS: Record<string, ElectronRun> = {
  "self-test": {
    extensionPath: join(REPO_ROOT, "test/e2e/fixtures/hello-extension"),
    testsPath: join(__dirname, "self-test", "index.js"),
    workspace: join(REPO_ROOT, "test/e2e/fixtures/hello-workspace"),
  },
  suite: {
    extensionPath: REPO_ROOT,
    testsPath: join(__dirname, "suite", "index.js"),
    workspace: join(REPO_ROOT, "examples"),
  },
};

/** Runs one suite in a downloaded VS Code; returns its mocha counts. */
export async function runInElectron(run: ElectronRun, vscodeVersion = process.env.LSRIF_VSCODE_VERSION ?? "1.100.3"): Promise<{ passed: number; failed: number }> {
  const runDir = mkdtempSync(join(tmpdir(), "lsrif-e2e-electron-"));
  try {
    const workspace = join(runDir, "workspace", basename(run.workspace));
    cpSync(run.workspace, workspace, { recursive: true });
    const userDataDir = join(runDir, "user-data");
    mkdirSync(join(userDataDir, "User"), { recursive: true });
    writeFileSync(join(userDataDir, "User", "settings.json"), JSON.stringify(DEFAULT_USER_SETTINGS, null, 2));
    const resultsFile = join(runDir, "mocha-results.json");
    let exitCode: number;
    try {
      exitCode = await runTests({
        version: vscodeVersion,
        extensionDevelopmentPath: run.extensionPath,
        extensionTestsPath: run.testsPath,
        extensionTestsEnv: { LSRIF_E2E_RESULTS: resultsFile, LSRIF_TEST_HOOKS: "1" },
        launchArgs: [workspace, "--disable-extensions", "--user-data-dir", userDataDir, "--extensions-dir", join(runDir, "extensions")],
      });
    } catch (err) {
      console.error(`[e2e-electron] VS Code did not run: ${String(err)}`);
      return { passed: 0, failed: 1 };
    }
    if (!existsSync(resultsFile)) return { passed: 0, failed: 1 };
    const results = JSON.parse(readFileSync(resultsFile, "utf8")) as MochaResults;
    const crashed = exitCode !== 0 && results.failed === 0 ? 1 : 0;
    return { passed: results.passed, failed: results.failed + crashed };
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RUNS);
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const run = RUNS[name];
    const r = run ? await runInElectron(run) : { passed: 0, failed: 1 };
    if (!run) console.error(`[e2e-electron] unknown run "${name}" (known: ${Object.keys(RUNS).join(", ")})`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`E2E-SUMMARY ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) void main();
