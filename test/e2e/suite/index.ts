// Entry of the real extension's editor suite (the test-electron `run()` shape):
// runs every suite/**/*.test.js against the extension at the repo root.
import { runMochaFolder } from "../mocha-entry.js";

export function run(): Promise<void> {
  return runMochaFolder(__dirname);
}
