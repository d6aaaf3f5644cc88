// docs/constraints.md lists every registered type with its aliases, and says which are approximate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HARD_TYPES } from "../../../server/src/ifeval/registry.js";

const doc = readFileSync(join(__dirname, "../../../../docs/constraints.md"), "utf8").split("## All types")[1] ?? "";

test("every id has a row with all its aliases in docs/constraints.md", () => {
  for (const type of HARD_TYPES) {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${type.id}\` |`));
    assert.ok(row, `${type.id} is listed`);
    for (const alias of type.aliases) assert.ok(row.includes(`\`${alias}\``), `${type.id} lists alias ${alias}`);
    assert.equal(row.includes("**Approximate**"), type.approximate !== undefined, `${type.id} approximate flag`);
  }
});
