// Smoke step for issue 10 as a person meets it: score a response whose instruction has a scope,
// click the scoped verdict in the LsrIF Score view, and the response's editor selects exactly
// the paragraph it was checked on (read back from the status bar's selection count). Runs last:
// it replaces the last score, which the earlier steps rely on. Hard constraints only, so the
// loopback judge and its key checks are not involved.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { SmokeStep } from "../code-server/smoke-types.js";
import { openFromExplorer, runFromPalette, scorePanel } from "./workbench-actions.js";

const INSTRUCTION = "in paragraph 2 {\n  no_comma\n}\nlowercase\n";
// Offsets by hand: paragraph 2, "Second part\nstill second.", is 14..39 (25 characters, ending on
// line 4, column 14 in VS Code's 1-based terms); the whole response is 0..52, ending at line 7 ("- two"),
// column 6.
const RESPONSE = "Intro, here.\n\nSecond part\nstill second.\n\n- one\n- two";

/**
 * Clicks the Score view row of `label`, moves focus to the response's editor (opened beside: a
 * click on its tab, which keeps its selection), and waits for the status bar's selection count.
 */
async function selectionAfterClicking(page: Page, label: string, expected: string): Promise<void> {
  await scorePanel(page).locator(".monaco-list-row", { hasText: label }).first().click();
  await page.locator(".editor-group-container.active .tab.active", { hasText: "scoped.lsr" }).waitFor({ timeout: 10_000 });
  // The group showing the response: its active tab (the first group keeps it as an inactive tab).
  await page.locator(".tabs-container .tab.active", { hasText: "scoped-response.md" }).click();
  await page.locator(".editor-group-container.active .tab.active", { hasText: "scoped-response.md" }).waitFor({ timeout: 10_000 });
  await page.locator(".statusbar-item", { hasText: expected }).first().waitFor({ timeout: 10_000 });
}

export const scopeSteps: SmokeStep[] = [
  {
    name: "clicking a scoped verdict in the Score view selects in the response editor the paragraph it checked",
    run: async ({ page, workspace, screenshot }) => {
      // One editor group to start from (earlier steps leave theirs).
      await runFromPalette(page, "View: Close All Editor Groups", { focusEditor: false });
      writeFileSync(join(workspace, "scoped.lsr"), INSTRUCTION);
      writeFileSync(join(workspace, "scoped-response.md"), RESPONSE);
      await openFromExplorer(page, "scoped-response.md", true);
      await openFromExplorer(page, "scoped.lsr");
      await runFromPalette(page, "LsrIF: Score Response…");
      const pick = page.locator(".quick-input-widget", { hasText: "LsrIF: Score Response" });
      await pick.waitFor({ state: "visible", timeout: 15_000 });
      await page.locator(".quick-input-widget input.input").fill("scoped-response.md");
      await pick.locator(".monaco-list-row", { hasText: "scoped-response.md" }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press("Enter");
      // By hand: no_comma on paragraph 2 holds (1); lowercase on the whole response fails ("Intro"): R = 0.5.
      await page.locator(".statusbar-item", { hasText: "R = 0.500" }).first().waitFor({ timeout: 30_000 });
      await selectionAfterClicking(page, "punctuation:no_comma", "Ln 4, Col 14 (25 selected)");
      await screenshot("scope-highlight-paragraph-2");
      await selectionAfterClicking(page, "change_case:english_lowercase", "Ln 7, Col 6 (52 selected)");
      await screenshot("scope-highlight-whole-response");
    },
  },
];
