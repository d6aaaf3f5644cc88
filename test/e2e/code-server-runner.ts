// The code-server runner: one code-server per call, the mocha suite run in its
// extension host through the workbench, then the browser smoke steps in a
// second page. Counts mocha tests and smoke steps; never hangs (timeouts on
// every wait) and always stops code-server and chromium.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { MOCHA_SUMMARY_PREFIX, type MochaResults } from "./mocha-entry.js";
import { startCodeServer, type RunningCodeServer } from "./code-server/server-process.js";
import type { SmokeContext, SmokeModule, SmokeStep } from "./code-server/smoke-types.js";
import { launchChromium, newWorkbenchPage, runTestsInWorkbench, waitForWorkbench, workbenchUrl } from "./code-server/workbench.js";

export const REPO_ROOT = resolve(__dirname, "..", "..");

export interface EditorRunOptions {
  /** Names this run's files under the results folder. */
  name: string;
  /** extensionDevelopmentPath: the folder holding the extension's package.json. */
  extensionPath: string;
  /** extensionTestsPath: the compiled suite entry (index.js exporting run()). */
  testsPath: string;
  /** Folder copied afresh for this run and opened in the workbench. */
  workspace: string;
  /** Compiled module exporting `smokeSteps`; without it only the built-in step runs. */
  smokeModule?: string;
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** Default <repo>/test-results. */
  resultsDir?: string;
  /** Default $LSRIF_CODE_SERVER_DIR, else <repo>/.code-server (where setup.sh installs). */
  installDir?: string;
  /** Time for the whole mocha suite; default 180 s. */
  testTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface EditorRunResult {
  passed: number;
  failed: number;
  /** One line per counted outcome, failures with their reason. */
  outcomes: string[];
  screenshots: string[];
}

/** Counts from the results file the suite wrote, else from its console line. */
function readMochaResults(resultsFile: string, log: string[]): (MochaResults & { source: string }) | undefined {
  if (existsSync(resultsFile)) return { ...(JSON.parse(readFileSync(resultsFile, "utf8")) as MochaResults), source: "results file" };
  const pattern = new RegExp(`${MOCHA_SUMMARY_PREFIX} (\\d+) passed, (\\d+) failed`);
  for (const line of log) {
    const m = pattern.exec(line);
    if (m) return { passed: Number(m[1]), failed: Number(m[2]), failures: [], source: "log line" };
  }
  return undefined;
}

const SMOKE_STEP_TIMEOUT_MS = 90_000;

/** Runs one smoke step, failing it when it outlives SMOKE_STEP_TIMEOUT_MS. */
async function runStepWithTimeout(step: SmokeStep, ctx: SmokeContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step took longer than ${SMOKE_STEP_TIMEOUT_MS} ms`)), SMOKE_STEP_TIMEOUT_MS);
  });
  try {
    await Promise.race([step.run(ctx), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function loadSmokeSteps(modulePath: string | undefined): SmokeStep[] {
  if (!modulePath) return [];
  const mod = require(modulePath) as Partial<SmokeModule>;
  if (!Array.isArray(mod.smokeSteps)) throw new Error(`${modulePath} does not export smokeSteps`);
  return mod.smokeSteps;
}

export async function runEditorTests(options: EditorRunOptions): Promise<EditorRunResult> {
  const result: EditorRunResult = { passed: 0, failed: 0, outcomes: [], screenshots: [] };
  const pass = (what: string) => { result.passed += 1; result.outcomes.push(`pass ${what}`); };
  const fail = (what: string, why: unknown) => { result.failed += 1; result.outcomes.push(`FAIL ${what}: ${String(why)}`); };
  const onLog = options.onLog ?? ((line: string) => console.log(line));

  const resultsDir = join(options.resultsDir ?? join(REPO_ROOT, "test-results"), options.name);
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), `lsrif-e2e-${options.name}-`));
  const workspace = join(runDir, "workspace", basename(options.workspace));
  // The smoke page gets its own copy, so it starts without the suite's files and open editors.
  const smokeWorkspace = join(runDir, "smoke-workspace", basename(options.workspace));
  const mochaResultsFile = join(runDir, "mocha-results.json");
  const removeRunDir = () => rmSync(runDir, { recursive: true, force: true });
  process.on("exit", removeRunDir); // also when a signal ends the runner mid-run

  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    for (const [label, path] of [["extension", options.extensionPath], ["suite entry", options.testsPath], ["workspace", options.workspace]]) {
      if (!existsSync(path)) throw new Error(`${label} not found: ${path}`);
    }
    cpSync(options.workspace, workspace, { recursive: true });
    cpSync(options.workspace, smokeWorkspace, { recursive: true });
    server = await startCodeServer({
      // The folder setup.sh installed into: LSRIF_CODE_SERVER_DIR when set (as setup.sh reads it), else <repo>/.code-server.
      installDir: options.installDir ?? (process.env.LSRIF_CODE_SERVER_DIR || join(REPO_ROOT, ".code-server")),
      runDir,
      settings: options.settings,
      // LSRIF_TEST_HOOKS: the extension registers lsrif.test.state (helpers/test-state.ts).
      env: { ...options.env, LSRIF_E2E_RESULTS: mochaResultsFile, LSRIF_TEST_HOOKS: "1" },
      logFile: join(resultsDir, "code-server.log"),
    });
    browser = await launchChromium();

    // 1. The mocha suite inside the extension host.
    const testPage = await newWorkbenchPage(browser);
    const testUrl = workbenchUrl(server, workspace, options.extensionPath, options.testsPath);
    const run = await runTestsInWorkbench(testPage, testUrl, options.testTimeoutMs ?? 180_000, onLog);
    writeFileSync(join(resultsDir, "extension-host.log"), run.log.join("\n") + "\n");
    const mocha = readMochaResults(mochaResultsFile, run.log);
    if (mocha) {
      result.passed += mocha.passed;
      result.failed += mocha.failed;
      result.outcomes.push(`mocha (${mocha.source}): ${mocha.passed} passed, ${mocha.failed} failed`);
      for (const f of mocha.failures) result.outcomes.push(`FAIL ${f.title}: ${f.message.replace(/\s+/g, " ")}`);
    }
    if (run.exitCode === null) fail("extension tests", "no exit code from the workbench (timeout)");
    else if (!mocha) fail("extension tests", `exit code ${run.exitCode} and no mocha results`);
    else if (run.exitCode !== 0 && mocha.failed === 0) fail("extension tests", `exit code ${run.exitCode} with no failed test`);
    await testPage.context().close();

    // 2. The browser smoke steps in a fresh page with the extension loaded.
    const page = await newWorkbenchPage(browser);
    const pageLog: string[] = [];
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") pageLog.push(`[${m.type()}] ${m.text()}`); });
    page.on("pageerror", (err) => pageLog.push(`[pageerror] ${err.message}`));
    const ctx: SmokeContext = {
      page,
      workspace: smokeWorkspace,
      log: onLog,
      screenshot: async (name) => {
        const file = join(resultsDir, `${name}.png`);
        await page.screenshot({ path: file });
        result.screenshots.push(file);
        return file;
      },
    };
    const steps: SmokeStep[] = [
      {
        name: "workbench opens the workspace folder",
        run: async () => {
          await page.goto(workbenchUrl(server!, smokeWorkspace, options.extensionPath), { timeout: 60_000 });
          await waitForWorkbench(page);
          await ctx.screenshot("workbench");
        },
      },
      ...loadSmokeSteps(options.smokeModule),
    ];
    let broken: string | undefined;
    for (const step of steps) {
      if (broken) { fail(`smoke: ${step.name}`, `skipped after "${broken}" failed`); continue; }
      try {
        await runStepWithTimeout(step, ctx);
        pass(`smoke: ${step.name}`);
      } catch (err) {
        fail(`smoke: ${step.name}`, err instanceof Error ? err.message.split("\n")[0] : err);
        broken = step.name;
        await ctx.screenshot(`failed-${result.failed}`).catch(() => undefined);
      }
    }
    writeFileSync(join(resultsDir, "smoke-page-console.log"), pageLog.join("\n") + "\n");
  } catch (err) {
    fail(`editor run ${options.name}`, err instanceof Error ? err.message : err);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    process.off("exit", removeRunDir);
    removeRunDir();
  }
  writeFileSync(join(resultsDir, "outcomes.txt"), result.outcomes.join("\n") + "\n");
  return result;
}
