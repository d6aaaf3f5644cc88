// Expectations kept in files that update themselves, as rust-analyzer's expect-test: a test compares its output
// with a committed file; `UPDATE=1 npm run test:unit` rewrites the files instead, and the diff is reviewed in git.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root (compiled tests run from out/test/helpers/). */
const ROOT = join(__dirname, "../../..");

export const UPDATING = process.env.UPDATE === "1";

/** Asserts `actual` equals the file at `path` (relative to the repo root), or writes it when UPDATE=1. */
export function expectFile(path: string, actual: string): void {
  const file = join(ROOT, path);
  const text = actual.endsWith("\n") ? actual : actual + "\n";
  if (UPDATING) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.ok(existsSync(file), `${path} does not exist: run the test with UPDATE=1 to create it, then review it`);
  assert.equal(text, readFileSync(file, "utf8"), `${path} differs (UPDATE=1 rewrites it; review the diff)`);
}
