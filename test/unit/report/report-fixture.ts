// Paths of the report fixtures (test/fixtures/report, made by its make-fixtures.mjs).
import { join } from "node:path";
import { FIXTURES_DIR } from "../../helpers/fixtures.js";

export const REPORT_FIXTURES = join(FIXTURES_DIR, "report");
export const fixture = (name: string) => join(REPORT_FIXTURES, name);
export const close = (a: number | null | undefined, b: number) => typeof a === "number" && Math.abs(a - b) < 1e-9;
