// The report derives the aggregation a line was not scored with from the tree it
// carries (finalReward). Here: for every fixture response, scoring with LsRM and with
// --flat gives two trees, and each tree's derived other reward equals the other run's score.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadBatchInstructions } from "../../../server/src/cli/batch/instructions.js";
import { finalReward } from "../../../server/src/scoring/final-reward.js";
import { scoreInstruction } from "../../../server/src/scoring/lsrm.js";
import { close, fixture } from "./report-fixture.js";

const io = { stdout: () => {}, stderr: () => {}, readStdin: () => "" };

test("finalReward on either tree gives both aggregations' scores", async () => {
  const instructions = loadBatchInstructions(fixture("instructions"), io).usable;
  let checked = 0;
  for (const file of ["responses-before.jsonl", "responses-after.jsonl"]) {
    for (const text of readFileSync(fixture(file), "utf8").split("\n").filter(Boolean)) {
      const row = JSON.parse(text) as { id: string; instruction: string; response: string };
      const instruction = instructions.get(row.instruction);
      assert.ok(instruction, row.instruction);
      const lsrm = await scoreInstruction(instruction, row.response);
      const flat = await scoreInstruction(instruction, row.response, { flat: true });
      assert.ok(close(finalReward(lsrm.tree, "flat"), flat.score), `${file} ${row.id}: flat`);
      assert.ok(close(finalReward(flat.tree, "lsrm"), lsrm.score), `${file} ${row.id}: lsrm`);
      assert.ok(close(finalReward(lsrm.tree, "lsrm"), lsrm.score));
      checked++;
    }
  }
  assert.equal(checked, 36);
});
