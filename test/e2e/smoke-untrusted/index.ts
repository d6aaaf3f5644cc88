// Browser smoke steps of the untrusted-workspace run: the workbench is in
// Restricted Mode, the extension still works on a .lsr file, and the Settings
// editor reports the workspace's judge settings as not applied.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SmokeStep } from "../code-server/smoke-types.js";
import { editorLine, openFromExplorer, runFromPalette, waitForTokens } from "../smoke/workbench-actions.js";

export const smokeSteps: SmokeStep[] = [
  {
    name: "the workbench shows Restricted Mode",
    run: async ({ page }) => {
      await page.locator(".statusbar-item", { hasText: "Restricted Mode" }).first().waitFor({ timeout: 20_000 });
    },
  },
  {
    name: "figure1.lsr opens coloured in Restricted Mode (limited support, not disabled)",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "figure1.lsr");
      const line = editorLine(page, "finally soft style");
      await line.waitFor({ timeout: 20_000 });
      await waitForTokens(line, (ts) => new Set(ts.map((t) => t.color)).size >= 3, 20_000);
      await screenshot("untrusted-figure1");
    },
  },
  {
    name: "the workspace Settings editor lists the judge kind, base URL and model under Workspace Trust, not applied",
    run: async ({ page, workspace, screenshot }) => {
      const workspaceSettings = JSON.parse(readFileSync(join(workspace, ".vscode", "settings.json"), "utf8")) as Record<string, unknown>;
      await runFromPalette(page, "Preferences: Open Workspace Settings");
      const editor = page.locator(".settings-editor");
      await editor.locator(".settings-group-title-label", { hasText: "Workspace Trust" }).first().waitFor({ timeout: 20_000 });
      const setting = (label: string) => editor.locator(".setting-item", { hasText: `Judge: ${label}` }).first();
      for (const label of ["Base Url", "Kind", "Model"]) {
        const text = await setting(label).innerText({ timeout: 10_000 });
        if (!text.includes("Requires workspace trust")) throw new Error(`Judge: ${label} is not marked "Requires workspace trust": ${text}`);
      }
      const shownUrl = await setting("Base Url").locator("input").inputValue();
      if (shownUrl !== workspaceSettings["lsrif.judge.baseUrl"]) throw new Error(`the Base Url row shows ${shownUrl}`);
      await screenshot("untrusted-settings");
    },
  },
];
