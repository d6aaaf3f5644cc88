// Loads files from test/fixtures/interchange (tests run from out/test/unit/interchange).

import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(__dirname, "../../../../test/fixtures/interchange");

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}
