// Browser smoke steps of the harness self-test: what a person sees in the
// workbench with the hello extension loaded.
import type { SmokeStep } from "../code-server/smoke-types.js";

export const smokeSteps: SmokeStep[] = [
  {
    name: "the explorer lists sample.hello",
    run: async ({ page }) => {
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label="sample.hello"]').waitFor({ timeout: 20_000 });
    },
  },
  {
    name: "opening sample.hello shows its text in an editor",
    run: async ({ page, screenshot }) => {
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label="sample.hello"]').click();
      await page.locator(".editor-instance .view-lines", { hasText: "greetings from the harness self-test" }).waitFor({ timeout: 20_000 });
      await screenshot("sample-open");
    },
  },
  {
    name: "the status bar names the Hello language",
    run: async ({ page }) => {
      await page.locator(".statusbar-item", { hasText: /^Hello$/ }).first().waitFor({ timeout: 10_000 });
    },
  },
];
