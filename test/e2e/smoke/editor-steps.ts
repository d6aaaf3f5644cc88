// Smoke steps a person sees in a .lsr editor: TextMate colours on a shipped
// example, a squiggle on a broken file, and the logic-tree hover.
import { copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SmokeStep } from "../code-server/smoke-types.js";
import { activeEditor, editorLine, hoverWord, lineTokens, openFromExplorer, runFromPalette, waitForTokens } from "./workbench-actions.js";

// Compiled to out/test-e2e/smoke/; the fixtures stay in the source tree.
const FIXTURES = resolve(__dirname, "../../../test/e2e/fixtures/workspace");

export const editorSteps: SmokeStep[] = [
  {
    name: "travel-guide.lsr opens with TextMate colours: keyword, constraint id and string differ",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.lsr");
      // Line 4 of examples/travel-guide.lsr: `first title "Start with a title ..."`.
      const line = editorLine(page, "first title");
      await line.waitFor({ timeout: 20_000 });
      // Tokenizing is asynchronous (the grammar and oniguruma load on first use).
      const tokens = await waitForTokens(line, (ts) => new Set(ts.map((t) => t.color)).size >= 3, 20_000);
      const colourOf = (text: string) => {
        const token = tokens.find((t) => t.text.trim() === text || t.text.trim().startsWith(text));
        if (!token) throw new Error(`no token "${text}" among ${JSON.stringify(tokens)}`);
        return token.color;
      };
      const keyword = colourOf("first");
      const constraint = colourOf("title");
      const text = colourOf('"Start with a title');
      const distinct = new Set([keyword, constraint, text]);
      if (distinct.size !== 3) throw new Error(`expected three colours, got ${JSON.stringify(tokens)}`);
      // And a comment line gets its own colour too.
      const comment = (await lineTokens(editorLine(page, "# A hard-constraint instruction")))[0]?.color;
      if (!comment || distinct.has(comment)) throw new Error(`the comment colour ${comment} is not distinct from ${[...distinct].join(", ")}`);
      await screenshot("highlighting");
    },
  },
  {
    name: "broken.lsr shows error squiggles",
    run: async ({ page, workspace, screenshot }) => {
      // Three problems by design (see test/e2e/fixtures/workspace/broken.lsr); two are errors.
      copyFileSync(join(FIXTURES, "broken.lsr"), join(workspace, "broken.lsr"));
      // The file watcher may not report a file copied in while the workbench runs: refresh first.
      await runFromPalette(page, "Refresh Explorer");
      await openFromExplorer(page, "broken.lsr");
      const squiggles = activeEditor(page).locator(".squiggly-error");
      await squiggles.first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(
        () => document.querySelectorAll(".editor-group-container.active .squiggly-error").length >= 2,
        undefined,
        { timeout: 15_000 },
      );
      await activeEditor(page).locator(".squiggly-warning").first().waitFor({ timeout: 15_000 });
      await screenshot("squiggles");
    },
  },
  {
    name: "hovering `first` in travel-guide.lsr shows the logic tree",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.lsr");
      const line = editorLine(page, "first title");
      await line.waitFor({ timeout: 20_000 });
      const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: "Sequential" });
      // Code lenses can still shift the lines after the word was located: hover again until it shows.
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 5);
        await hoverWord(page, line, "first");
        try {
          await hover.waitFor({ state: "visible", timeout: 4_000 });
          break;
        } catch (err) {
          if (attempt === 5) throw err;
        }
      }
      const text = (await hover.innerText()).replace(/\u00a0/g, " ");
      // Four steps, each 1/4 of the score; step 1 is the title check.
      for (const expected of ["step 1: [hard] detectable_format:title", "1/4", "step 4:"]) {
        if (!text.includes(expected)) throw new Error(`the hover lacks "${expected}": ${text}`);
      }
      // The hover fades in: wait until it is opaque so the screenshot shows it, not the text below.
      await page.waitForFunction(() => {
        const el = document.querySelector(".monaco-hover:not(.hidden)");
        return el !== null && getComputedStyle(el).opacity === "1" && el.getAnimations().every((a) => a.playState !== "running");
      }, undefined, { timeout: 5_000 }).catch(() => undefined);
      await screenshot("hover-logic-tree");
      await page.keyboard.press("Escape");
    },
  },
  {
    name: "LsrIF: Show Logic Tree draws travel-guide.lsr as a graph in a webview",
    run: async ({ page, screenshot }) => {
      await openFromExplorer(page, "travel-guide.lsr");
      await runFromPalette(page, "LsrIF: Show Logic Tree");
      // A webview is an iframe holding the page's own iframe.
      const view = page.frameLocator("iframe.webview").frameLocator("iframe#active-frame");
      const svg = view.locator("svg");
      await svg.first().waitFor({ timeout: 20_000 });
      const text = await svg.first().textContent();
      for (const expected of ["Sequential", "Conditional", "title"]) {
        if (!text?.includes(expected)) throw new Error(`the logic-tree graph lacks "${expected}": ${text}`);
      }
      await screenshot("logic-tree-webview");
    },
  },
];
