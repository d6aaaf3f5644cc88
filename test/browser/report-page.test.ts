// The report page in a real browser (Debian's chromium, driven by playwright-core):
// every chart is an SVG that is laid out on the page with its title and axis titles,
// the page runs no script and fetches nothing. A screenshot is saved under test-results/.
// Runs after the editor tier (whose setup installs chromium); without /usr/bin/chromium
// it is skipped with the reason printed.

import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { lsrif, root, tempDir } from "../unit/cli-batch/run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const F = "test/fixtures/report";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (test/e2e/setup.sh installs it)`;
if (skip) console.log(`# report page tests skipped: ${skip}`);

async function withPage<T>(html: string, shot: string, body: (page: import("playwright-core").Page) => Promise<T>): Promise<T> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: false });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`file://${html}`);
    const result = await body(page);
    mkdirSync(join(root, "test-results"), { recursive: true });
    await page.screenshot({ path: join(root, "test-results", shot), fullPage: true });
    assert.deepEqual(requests, [`file://${html}`], "the page loads nothing but itself");
    return result;
  } finally {
    await browser?.close();
  }
}

/** Per chart: its title and the axis titles it must show. */
const SCORE_CHARTS: [string, string, string[]][] = [
  ["distribution", "Distribution of R (LsRM) and of the flat mean", ["reward", "responses"]],
  ["structure", "Mean R by structure type", ["structure type", "mean reward"]],
  ["depth", "Mean R by nesting depth", ["nesting depth", "mean reward"]],
  ["hard", "Pass rate per hard constraint", ["pass rate"]],
  ["soft", "Pass rate per soft category", ["pass rate"]],
  ["ablation", "LsRM R against the flat mean, per response", ["flat mean (w/o LsRM)", "R (LsRM)"]],
  ["groups", "GRPO groups: do LsRM and flat rank a group's responses differently?", ["groups"]],
  ["spread", "Spread of rewards within a group", ["max - min reward in a group", "groups"]],
  ["against", "Change against the other run", ["change (this run - other run)"]],
];

async function chartTexts(page: import("playwright-core").Page) {
  return page.$$eval("figure.chart", (figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector("svg");
      const box = svg?.getBoundingClientRect();
      return {
        section: figure.getAttribute("data-section"),
        texts: [...(svg?.querySelectorAll("text") ?? [])].map((t) => t.textContent ?? ""),
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        // Data marks only (legend symbols sit in other groups).
        marks: svg?.querySelectorAll('g.role-mark [role="graphics-symbol"]').length ?? 0,
      };
    }),
  );
}

test("a scores report against another: nine SVG charts with titles and axis labels", { skip }, async () => {
  const html = join(tempDir("lsrif-report-page-"), "report.html");
  const run = await lsrif(["report", `${F}/scores-after.jsonl`, "--against", `${F}/scores-before.jsonl`, "-o", html]);
  assert.equal(run.code, 0, run.stderr);
  const charts = await withPage(html, "report-scores.png", async (page) => {
    assert.equal(await page.title(), `LsrIF report: ${F}/scores-after.jsonl`);
    assert.equal(await page.$$eval("script", (s) => s.length), 0);
    return chartTexts(page);
  });
  assert.deepEqual(charts.map((c) => c.section), SCORE_CHARTS.map(([id]) => id));
  for (const [id, title, axes] of SCORE_CHARTS) {
    const chart = charts.find((c) => c.section === id);
    assert.ok(chart && chart.width > 100 && chart.height > 50, `${id} is laid out`);
    assert.ok(chart.texts.includes(title), `${id} shows its title`);
    for (const axis of axes) assert.ok(chart.texts.includes(axis), `${id} shows the axis title '${axis}'`);
    assert.ok(chart.marks > 0, `${id} draws marks`);
  }
  assert.ok(readFileSync(join(root, "test-results", "report-scores.png")).length > 10_000);
});

test("an IFEval report: accuracy charts with titles and axis labels", { skip }, async () => {
  const html = join(tempDir("lsrif-report-page-"), "ifeval.html");
  const run = await lsrif(["report", `${F}/ifeval-strict.jsonl`, `${F}/ifeval-loose.jsonl`, "-o", html]);
  assert.equal(run.code, 0, run.stderr);
  const charts = await withPage(html, "report-ifeval.png", chartTexts);
  assert.deepEqual(charts.map((c) => c.section), ["accuracy", "instructions"]);
  assert.ok(charts[0].texts.includes("Prompt- and instruction-level accuracy") && charts[0].texts.includes("accuracy") && charts[0].texts.includes("level"));
  assert.ok(charts[1].texts.includes("Accuracy per instruction id") && charts[1].texts.includes("change_case:english_lowercase (n=2)"));
  // 14 instruction ids x 2 modes.
  assert.equal(charts[1].marks, 28);
});
