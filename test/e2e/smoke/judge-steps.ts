// Smoke step for judged scoring as a person does it: the API key typed into
// "LsrIF: Set Judge API Key", then Score Response from the palette with the
// progress notification, the status bar and the judge's evidence in the view.
// The runner's loopback judge (user settings) says NO to the style constraint.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SmokeStep } from "../code-server/smoke-types.js";
import { openFromExplorer, runFromPalette, scorePanel, showScorePanelMaximised } from "./workbench-actions.js";

/** The key the runner expects in the judge requests' Authorization header. */
export const SMOKE_JUDGE_KEY = "e2e-smoke-judge-key";
/** The evidence the runner's loopback judge gives for the constraint it answers NO. */
export const NO_EVIDENCE = "The tone is casual, not technical.";

export const judgeSteps: SmokeStep[] = [
  {
    name: "Set Judge API Key from the palette, then Score Response on figure1.lsr is judged: R = 0.750 with evidence",
    run: async ({ page, workspace, screenshot }) => {
      // Not the suite's response, so the verdict cache (shared with the suite's run) cannot answer.
      // Same shape, so the same hand count as judge.test.ts: two sentences, no "error", the judge
      // says NO only to the style: R = (1 + 1 + 1 + 0) / 4 = 0.75.
      writeFileSync(join(workspace, "figure1.response.txt"), "Reproduce the failure on your machine. Then fix the root cause.");
      await openFromExplorer(page, "figure1.response.txt", true);
      await openFromExplorer(page, "figure1.lsr");

      await runFromPalette(page, "LsrIF: Set Judge API Key");
      const keyBox = page.locator(".quick-input-widget", { hasText: "Judge API key for http://127.0.0.1" });
      await keyBox.waitFor({ state: "visible", timeout: 10_000 });
      await keyBox.locator("input.input").fill(SMOKE_JUDGE_KEY);
      await page.keyboard.press("Enter");
      await keyBox.waitFor({ state: "hidden", timeout: 10_000 });

      await openFromExplorer(page, "figure1.lsr");
      await runFromPalette(page, "LsrIF: Score Response…");
      const pick = page.locator(".quick-input-widget", { hasText: "LsrIF: Score Response" });
      await pick.waitFor({ state: "visible", timeout: 15_000 });
      await pick.locator("input.input").fill("figure1.response.txt");
      await pick.locator(".monaco-list-row", { hasText: "figure1.response.txt" }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press("Enter");
      // The loopback judge answers slowly on purpose, so the progress is on screen.
      await page.locator(".notification-toast", { hasText: "LsrIF: scoring a response against figure1.lsr" }).waitFor({ timeout: 15_000 });
      await screenshot("judge-progress");
      await page.locator(".statusbar-item", { hasText: "R = 0.750" }).first().waitFor({ timeout: 30_000 });
      const view = scorePanel(page);
      await view.locator(".monaco-list-row", { hasText: "0 unjudged, 0 errors" }).first().waitFor({ timeout: 15_000 });
      await showScorePanelMaximised(page); // room for the whole result tree
      await view.locator(".monaco-list-row", { hasText: NO_EVIDENCE }).first().waitFor({ timeout: 15_000 });
      await page.locator(".notification-toast", { hasText: "LsrIF: scoring a response" }).waitFor({ state: "hidden", timeout: 15_000 });
      await screenshot("judge-result");
      await runFromPalette(page, "View: Toggle Maximized Panel", { focusEditor: false });
    },
  },
];
