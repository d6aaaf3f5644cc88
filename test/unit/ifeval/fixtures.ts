// Loads files from test/fixtures/ifeval (tests run from out/test/unit/ifeval).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const IFEVAL_FIXTURES = join(__dirname, "../../../../test/fixtures/ifeval");

export function ifevalFixture(name: string): string {
  return readFileSync(join(IFEVAL_FIXTURES, name), "utf8");
}
