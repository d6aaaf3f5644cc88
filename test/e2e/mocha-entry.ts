// Runs every *.test.js under one folder with mocha inside the editor's
// extension host, for both runners (code-server and @vscode/test-electron).
// Results leave the host two ways: a console line the runner can parse from
// the automation log, and (when LSRIF_E2E_RESULTS names a file) a JSON file.
import Mocha from "mocha";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The console line the runners look for; one per run. */
export const MOCHA_SUMMARY_PREFIX = "E2E-MOCHA";

export interface MochaResults {
  passed: number;
  failed: number;
  failures: { title: string; message: string }[];
}

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...findTestFiles(path));
    else if (entry.endsWith(".test.js")) files.push(path);
  }
  return files.sort();
}

/**
 * Loads and runs the test files under `dir`. Resolves when every test passed,
 * rejects otherwise, as the test-electron `run()` contract expects.
 */
export function runMochaFolder(dir: string): Promise<void> {
  const mocha = new Mocha({
    ui: "tdd",
    color: false,
    reporter: "spec",
    timeout: Number(process.env.LSRIF_E2E_TEST_TIMEOUT_MS ?? 30_000),
    grep: process.env.LSRIF_E2E_GREP || undefined,
    invert: process.env.LSRIF_E2E_GREP_INVERT === "1",
  });
  const files = findTestFiles(dir);
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    const results: MochaResults = { passed: 0, failed: 0, failures: [] };
    const report = () => {
      console.log(`${MOCHA_SUMMARY_PREFIX} ${results.passed} passed, ${results.failed} failed`);
      const out = process.env.LSRIF_E2E_RESULTS;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
    };
    if (files.length === 0) {
      results.failed = 1;
      results.failures.push({ title: "load", message: `no *.test.js files under ${dir}` });
      report();
      reject(new Error(`no *.test.js files under ${dir}`));
      return;
    }
    try {
      const runner = mocha.run(() => {
        report();
        if (results.failed > 0) reject(new Error(`${results.failed} editor test(s) failed`));
        else resolve();
      });
      runner.on("pass", () => { results.passed += 1; });
      runner.on("fail", (test, err: Error) => {
        results.failed += 1;
        results.failures.push({ title: test.fullTitle(), message: String(err?.message ?? err) });
      });
    } catch (err) {
      results.failed += 1;
      results.failures.push({ title: "load", message: String(err) });
      report();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
