// Smoke step for "LsrIF: Score Response…" as a person runs it: the response is
// an open editor, the command comes from the palette, the source from the
// quick pick, and the result shows in the status bar and the LsrIF Score view.
import type { SmokeStep } from "../code-server/smoke-types.js";
import { openFromExplorer, runFromPalette, scorePanel, showScorePanelMaximised } from "./workbench-actions.js";

export const scoreSteps: SmokeStep[] = [
  {
    name: "Score Response from the palette scores travel-guide.pass.md: R = 1 in the status bar and the results view",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.pass.md", true);
      await openFromExplorer(page, "travel-guide.lsr");
      await runFromPalette(page, "LsrIF: Score Response…");
      const pick = page.locator(".quick-input-widget", { hasText: "LsrIF: Score Response" });
      await pick.waitFor({ state: "visible", timeout: 15_000 });
      await page.locator(".quick-input-widget input.input").fill("travel-guide.pass.md");
      await pick.locator(".monaco-list-row", { hasText: "travel-guide.pass.md" }).first().waitFor({ timeout: 10_000 });
      await screenshot("score-quick-pick");
      await page.keyboard.press("Enter");
      // `lsrif score examples/travel-guide.lsr examples/travel-guide.pass.md` by hand: the five
      // applicable hard checks pass (the condition held and is counted as a condition, not a
      // constraint; the else branch is not applicable), so R = 1.
      await page.locator(".statusbar-item", { hasText: "R = 1" }).first().waitFor({ timeout: 30_000 });
      const view = scorePanel(page);
      await view.locator(".monaco-list-row", { hasText: "R = 1" }).first().waitFor({ timeout: 15_000 });
      await view.locator(".monaco-list-row", { hasText: "5 passed, 0 failed, 0 unjudged, 0 errors · conditions 1 held, 0 not" }).waitFor({ timeout: 5_000 });
      await showScorePanelMaximised(page);
      await view.locator(".monaco-list-row", { hasText: "postscript" }).first().waitFor({ timeout: 5_000 });
      // Evidence behind the verdicts, in the view (by hand from travel-guide.pass.md: its title line).
      await view.locator(".monaco-list-row", { hasText: "condition held" }).first().waitFor({ timeout: 5_000 });
      await view.locator(".monaco-list-row", { hasText: "highlighted sections; needs at least 2" }).first().waitFor({ timeout: 5_000 });
      // The progress notification closes once the score is in.
      await page.locator(".notification-toast", { hasText: "LsrIF: scoring a response" }).waitFor({ state: "hidden", timeout: 15_000 });
      await screenshot("score-result");
      await runFromPalette(page, "View: Toggle Maximized Panel", { focusEditor: false });
    },
  },
];
