// Test data shared by several suites, read from test/fixtures/ (compiled tests run from out/test/).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES_DIR = join(__dirname, "../../../test/fixtures");

export function readFixture(relativePath: string): string {
  return readFileSync(join(FIXTURES_DIR, relativePath), "utf8");
}

/** The paper's Figure 1 instruction in .lsr, with a leading comment line. */
export const FIGURE_1_LSR = readFixture("grammar/figure1.lsr");
