// The contract of a browser smoke module: a compiled file that exports
// `smokeSteps`, run in order in one workbench page after the extension tests.
import type { Page } from "playwright-core";

export interface SmokeContext {
  page: Page;
  /** Absolute path of the workspace folder the page has open (a per-run copy). */
  workspace: string;
  /** Saves a full-page PNG as <resultsDir>/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  log(line: string): void;
}

export interface SmokeStep {
  name: string;
  run(ctx: SmokeContext): Promise<void>;
}

export interface SmokeModule {
  smokeSteps: SmokeStep[];
}
