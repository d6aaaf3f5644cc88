// The editor's report view page (client/src/report/report-page.ts) in chromium, with
// what VS Code's webview host provides (theme variables, acquireVsCodeApi) stubbed:
// chart text takes the theme's foreground, a click on a bar lists the responses behind
// it, and a posted line shows its score tree. The same page runs in the editor tier.

import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { reportViewPage } from "../../client/src/report/report-page.js";
import { executeReportCommand, type ReportViewJson } from "../../server/src/lsp/report-commands.js";
import { root, tempDir } from "../unit/cli-batch/run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (test/e2e/setup.sh installs it)`;
if (skip) console.log(`# report view tests skipped: ${skip}`);
const SCORES = join(root, "test/fixtures/report/scores-before.jsonl");

const HOST = `<style nonce="n0nce">:root { --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e; --vscode-textLink-foreground: #3794ff; }</style>
<script nonce="n0nce">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });</script>`;

test("the report view: themed charts, a bar's responses, a response's score tree", { skip }, async () => {
  const view = (await executeReportCommand("lsrif.report", [[SCORES]], (m) => new Error(m))) as ReportViewJson;
  const file = join(tempDir("lsrif-report-view-"), "view.html");
  writeFileSync(file, reportViewPage(view, "vscode-webview:", "n0nce").replace("<head>", `<head>${HOST}`));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    // Chart text follows the theme's foreground (CSS over Vega's fill="#000").
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector("#distribution svg text")).fill`), "rgb(204, 204, 204)");
    // The no_comma bar lists the five responses that failed it.
    await page.click('[aria-label="hard:punctuation:no_comma"]');
    assert.deepEqual(await page.$$eval("#drill-list button", (bs) => bs.map((b) => b.textContent)), [
      "guide-3  (line 3)", "lighthouse-2  (line 5)", "moon-2  (line 8)", "solo-1  (line 14)", "storm-4  (line 18)",
    ]);
    // Clicking one asks the extension for its line; the answer shows the score tree.
    await page.click("#drill-list button");
    const posted = (await page.evaluate("window.posted")) as { type: string; file?: string; line?: number }[];
    assert.deepEqual(posted.find((m) => m.type === "line"), { type: "line", file: SCORES, line: 3 });
    const value = JSON.parse(readFileSync(SCORES, "utf8").split("\n")[2]) as unknown;
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: "line", line: 3, value })}, "*")`);
    await page.waitForSelector("#line-view h3");
    assert.equal(await page.$eval("#line-view h3", (h) => h.textContent), "guide-3: R = 0 (incomplete)");
    const tree = await page.$eval("#line-view", (e) => e.textContent ?? "");
    assert.match(tree, /detectable_format:title fail r=0/);
    assert.match(tree, /Cite a source\. error/);
    mkdirSync(join(root, "test-results"), { recursive: true });
    await page.screenshot({ path: join(root, "test-results", "report-view.png") });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
