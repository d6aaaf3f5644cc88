// Drives code-server's workbench with Debian's chromium through playwright-core:
// builds the workbench URL, runs an extension test suite in a page and
// collects the automation log and exit code the workbench reports.
import { format } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface WorkbenchTarget {
  host: string;
  port: number;
  baseUrl: string;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

/** `/?folder=WS&payload=...`: the payload loads a development extension and, optionally, a test suite. */
export function workbenchUrl(
  server: WorkbenchTarget,
  folder: string,
  extensionDevelopmentPath: string,
  extensionTestsPath?: string,
): string {
  const remote = (path: string) => `vscode-remote://${server.host}:${server.port}${path}`;
  const payload: [string, string][] = [["extensionDevelopmentPath", remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(["extensionTestsPath", remote(extensionTestsPath)]);
  return `${server.baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function newWorkbenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

/** Waits until the workbench has rendered and the folder's explorer is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: timeoutMs });
  await page.locator(".monaco-workbench .part.statusbar").waitFor({ state: "visible", timeout: timeoutMs });
}

/** The extension host forwards console calls as (format string, ...values). */
function formatLogArgs(args: unknown): string {
  const list: unknown[] = Array.isArray(args) ? args : [args];
  return format(...list);
}

export interface ExtensionTestRun {
  /** The code the workbench passed to codeAutomationExit; null on timeout. */
  exitCode: number | null;
  log: string[];
}

/**
 * Opens `url` (which must carry an extensionTestsPath) and waits for the
 * workbench to call codeAutomationExit, or for `timeoutMs`.
 */
export async function runTestsInWorkbench(
  page: Page,
  url: string,
  timeoutMs: number,
  onLog: (line: string) => void,
): Promise<ExtensionTestRun> {
  const log: string[] = [];
  const append = (line: string) => {
    log.push(line);
    onLog(line);
  };
  let reportExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => { reportExit = resolve; });
  await page.exposeFunction("codeAutomationLog", (type: string, args: unknown) => append(`[${type}] ${formatLogArgs(args)}`));
  await page.exposeFunction("codeAutomationExit", (code: number) => reportExit(Number(code)));
  page.on("pageerror", (err) => append(`[pageerror] ${err.message}`));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
  try {
    await page.goto(url, { timeout: timeoutMs });
    const exitCode = await Promise.race([exited, timedOut]);
    if (exitCode === null) append(`[runner] no codeAutomationExit within ${timeoutMs} ms`);
    return { exitCode, log };
  } finally {
    clearTimeout(timer);
  }
}
