// Smoke steps for issue 13 as a person meets it, each with a screenshot that was
// looked at: the scored logic tree (readable at the default size, verdict colours),
// a result marked stale by an edit, and "Configure Judge…" against the loopback judge.
// Run after scoreSteps (travel-guide.lsr scored against travel-guide.pass.md, R = 1).
import type { SmokeStep } from "../code-server/smoke-types.js";
import { SMOKE_JUDGE_KEY } from "./judge-steps.js";
import { activeEditor, editorLine, openFromExplorer, runFromPalette, scorePanel } from "./workbench-actions.js";

export const uxSteps: SmokeStep[] = [
  {
    name: "the logic tree after a score: labels at the editor's font size, boxes coloured by verdict with r",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.lsr");
      await runFromPalette(page, "LsrIF: Show Logic Tree");
      const view = page.frameLocator("iframe.webview").frameLocator("iframe#active-frame");
      const passed = view.locator("g.node.status-pass");
      await passed.first().waitFor({ timeout: 20_000 });
      const verdicts = await view.locator("text.verdict").allTextContents();
      if (!verdicts.some((v) => v.startsWith("pass · r 1"))) throw new Error(`no "pass · r 1" verdict line: ${JSON.stringify(verdicts)}`);
      if (!verdicts.some((v) => v.startsWith("condition held"))) throw new Error(`no "condition held" line: ${JSON.stringify(verdicts)}`);
      // Readable: a title's rendered height is at least 12 px (the default editor font is 14 px).
      const height = await view.locator("text.title").first().evaluate((el) => (el as SVGGraphicsElement).getBoundingClientRect().height);
      if (height < 12) throw new Error(`title text is ${height}px high`);
      const texts = await view.locator("text").allTextContents();
      for (const word of ["Sequential", "Conditional"]) if (!texts.includes(word)) throw new Error(`no "${word}" in the graph`);
      if (texts.some((t) => t.includes("Chain") || t.includes("Selection"))) throw new Error("the graph uses words the language does not");
      await screenshot("logic-tree-scored");
      // Zoom with the toolbar: Fit shows the whole tree.
      await view.locator("button#fit").click();
      await screenshot("logic-tree-fit");
      // Close the graph (its group goes with it), so later steps open files in the first group.
      await page.locator('.tabs-container .tab[aria-label^="Logic Tree"] .codicon-close').first().click({ force: true });
      await page.locator('.tabs-container .tab[aria-label^="Logic Tree"]').waitFor({ state: "detached", timeout: 10_000 });
    },
  },
  {
    name: "an edit to the instruction marks the score stale, with Score Again",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.lsr");
      const panel = scorePanel(page);
      await panel.locator(".monaco-list-row", { hasText: "R = 1" }).first().waitFor({ timeout: 15_000 });
      // Type a comment at the end of line 1.
      await editorLine(page, "# A hard-constraint instruction").click();
      await page.keyboard.press("End");
      await page.keyboard.type(" (edited)");
      await panel.locator(".monaco-list-row", { hasText: "Stale: R = 1" }).first().waitFor({ timeout: 15_000 });
      await panel.locator(".monaco-list-row", { hasText: "the instruction changed since this score" }).first().waitFor({ timeout: 5_000 });
      await screenshot("score-stale");
      await runFromPalette(page, "LsrIF: Score Again");
      await panel.locator(".monaco-list-row", { hasText: "R = 1" }).first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !Array.from(document.querySelectorAll(".part.panel .monaco-list-row")).some((r) => r.textContent?.includes("Stale:")), undefined, { timeout: 15_000 });
      await activeEditor(page).click({ position: { x: 400, y: 5 } });
      await page.keyboard.press("Control+Z");
    },
  },
  {
    name: "Configure Judge… from the palette against the loopback judge: kind, URL, model, key, connection test",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "figure1.lsr");
      await runFromPalette(page, "LsrIF: Configure Judge…");
      const widget = page.locator(".quick-input-widget");
      await widget.locator(".monaco-list-row", { hasText: "OpenAI-compatible chat model" }).waitFor({ timeout: 10_000 });
      await screenshot("configure-judge-kind");
      await widget.locator(".monaco-list-row", { hasText: "OpenAI-compatible chat model" }).click();
      // The URL and model are prefilled from the settings (the runner's loopback judge).
      await widget.locator(".quick-input-title", { hasText: "endpoint URL" }).waitFor({ timeout: 10_000 });
      await screenshot("configure-judge-url");
      await page.keyboard.press("Enter");
      await widget.locator(".quick-input-title", { hasText: "model name" }).waitFor({ timeout: 10_000 });
      await page.keyboard.press("Enter");
      const keyBox = page.locator(".quick-input-widget", { hasText: "Judge API key for http://127.0.0.1" });
      await keyBox.waitFor({ state: "visible", timeout: 10_000 });
      await keyBox.locator("input.input").fill(SMOKE_JUDGE_KEY);
      await page.keyboard.press("Enter");
      await page.locator(".notification-toast", { hasText: "the judge answered" }).waitFor({ timeout: 30_000 });
      await page.locator(".statusbar-item", { hasText: "Judge: chat" }).first().waitFor({ timeout: 10_000 });
      await screenshot("configure-judge-result");
    },
  },
];
