// What a person does in the workbench, as Playwright calls: open a file from
// the explorer, run a command from the palette, find a token on screen.
import type { Locator, Page } from "playwright-core";

/** The editor group's active editor (the one with keyboard focus after opening). */
export function activeEditor(page: Page): Locator {
  return page.locator(".editor-group-container.active .editor-instance .monaco-editor").first();
}

/** The header of the explorer's file list (named after the workspace folder); a click folds or unfolds it. */
export function explorerFolderHeader(page: Page): Locator {
  return page.locator(".pane-header", { has: page.locator("h3.title", { hasText: /^examples$/i }) });
}

/**
 * Clicks `name` in the explorer and waits until its editor tab is the active one.
 * `keepOpen` double-clicks, so the editor is pinned instead of a preview the next file replaces.
 */
export async function openFromExplorer(page: Page, name: string, keepOpen = false): Promise<void> {
  const folders = page.locator(".explorer-folders-view");
  if (await folders.isHidden()) await explorerFolderHeader(page).click(); // an earlier step folded it
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  await row.waitFor({ timeout: 20_000 });
  if (keepOpen) await row.dblclick();
  else await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 20_000 });
}

/** F1, the command's title typed into the palette, Enter. `focusEditor: false` when no editor is on screen (a maximised panel). */
export async function runFromPalette(page: Page, title: string, { focusEditor = true } = {}): Promise<void> {
  if (focusEditor) await activeEditor(page).click({ position: { x: 400, y: 5 } });
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input.input");
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(`>${title}`);
  // The row must be the command itself, not a "recently used" look-alike.
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press("Enter");
}

/** The rendered line of the active editor whose text contains `text`. */
export function editorLine(page: Page, text: string): Locator {
  return activeEditor(page).locator(".view-lines .view-line", { hasText: text }).first();
}

export interface RenderedToken {
  text: string;
  className: string;
  color: string;
}

/** The coloured spans Monaco rendered for one line (class `mtkN`, one per colour); Monaco's no-break spaces read as spaces. */
export async function lineTokens(line: Locator): Promise<RenderedToken[]> {
  return line.locator("span > span").evaluateAll((spans) =>
    spans.map((span) => ({ text: (span.textContent ?? "").replace(/\u00a0/g, " "), className: span.className, color: getComputedStyle(span).color })),
  );
}

/** Polls the rendered tokens of `line` until `accept` holds; the last tokens are in the error. */
export async function waitForTokens(line: Locator, accept: (tokens: RenderedToken[]) => boolean, timeoutMs: number): Promise<RenderedToken[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tokens = await lineTokens(line);
    if (accept(tokens)) return tokens;
    if (Date.now() > deadline) throw new Error(`the line's tokens never qualified: ${JSON.stringify(tokens)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Moves the mouse over the first on-screen occurrence of `word` in `line`. */
export async function hoverWord(page: Page, line: Locator, word: string): Promise<void> {
  const box = await line.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return undefined;
  }, word);
  if (!box) throw new Error(`"${word}" is not rendered on the line`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** The LsrIF Score panel (its own view container in the panel area, since issue 13). */
export function scorePanel(page: Page): Locator {
  return page.locator(".part.panel");
}

/**
 * Maximises the panel holding the LsrIF Score view, so the whole result tree is rendered
 * (the list renders only visible rows). Callers toggle it back when done.
 */
export async function showScorePanelMaximised(page: Page): Promise<Locator> {
  const panel = scorePanel(page);
  await panel.locator(".monaco-list-row").first().waitFor({ timeout: 15_000 });
  await runFromPalette(page, "View: Toggle Maximized Panel");
  return panel;
}
