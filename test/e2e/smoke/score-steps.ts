// Smoke step for "LsrIF: Score Response…" as a person runs it: the response is
// an open editor, the command comes from the palette, the source from the
// quick pick, and the result shows in the status bar and the LsrIF Score view.
import type { SmokeStep } from "../code-server/smoke-types.js";
import { explorerFolderHeader, openFromExplorer, runFromPalette } from "./workbench-actions.js";

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
      // `lsrif score examples/travel-guide.lsr examples/travel-guide.pass.md` by hand: all six
      // applicable hard checks pass (the else branch is not applicable), so R = 1.
      await page.locator(".statusbar-item", { hasText: "R = 1" }).first().waitFor({ timeout: 30_000 });
      const view = page.locator(".pane", { has: page.locator(".pane-header", { hasText: "LsrIF Score" }) });
      await view.locator(".monaco-list-row", { hasText: "R = 1" }).waitFor({ timeout: 15_000 });
      await view.locator(".monaco-list-row", { hasText: "6 passed, 0 failed, 0 unjudged, 0 errors" }).waitFor({ timeout: 5_000 });
      // Fold the file list so the whole result tree is on screen (the list renders only visible rows).
      await explorerFolderHeader(page).click();
      await page.locator(".explorer-folders-view").waitFor({ state: "hidden", timeout: 5_000 });
      await view.locator(".monaco-list-row", { hasText: "postscript" }).first().waitFor({ timeout: 5_000 });
      // The progress notification closes once the score is in.
      await page.locator(".notification-toast", { hasText: "LsrIF: scoring a response" }).waitFor({ state: "hidden", timeout: 15_000 });
      await screenshot("score-result");
    },
  },
];
