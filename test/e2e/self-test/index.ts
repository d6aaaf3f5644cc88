// Entry of the harness self-test: runs self-test/**/*.test.js against the
// hello fixture extension, to prove the runners work before any real test.
import { runMochaFolder } from "../mocha-entry.js";

export function run(): Promise<void> {
  return runMochaFolder(__dirname);
}
