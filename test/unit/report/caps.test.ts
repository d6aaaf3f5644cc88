// The bounds that keep a report's memory independent of the number of lines: the
// scatter keeps a uniform sample of SCATTER_CAP responses, a group compares at most
// GROUP_SAMPLE_CAP of its responses, each bar remembers EXAMPLES_PER_BUCKET lines.
// The exact counters stay exact.

import { strict as assert } from "node:assert";
import { test } from "node:test";
import { scoreSections } from "../../../server/src/report/captions.js";
import type { ReportScoreLine } from "../../../server/src/report/lines.js";
import { EXAMPLES_PER_BUCKET, GROUP_SAMPLE_CAP, SCATTER_CAP } from "../../../server/src/report/model.js";
import { ScoreAggregator } from "../../../server/src/report/score-aggregator.js";

/** A Parallel of two hard constraints, `passed` of them passing: R = flat = passed / 2. */
function line(id: string, instruction: string, passed: number): ReportScoreLine {
  const leaf = (ok: boolean) => ({ kind: "hard" as const, role: "item", status: ok ? "pass" : "fail", value: ok ? 1 : 0, id: "punctuation:no_comma", children: [] });
  return {
    id, instruction, score: passed / 2, complete: true, aggregation: "lsrm",
    tree: { kind: "parallel", role: "item", status: passed === 2 ? "pass" : passed === 0 ? "fail" : "partial", value: passed / 2, children: [leaf(passed > 0), leaf(passed > 1)] },
  };
}

test("past the caps: a sample for the scatter and the group ranking, exact counts", () => {
  const aggregator = new ScoreAggregator();
  const n = 5000;
  for (let i = 0; i < n; i++) aggregator.add(line(`r${i}`, "one-big-group", i % 3), i + 1);
  const r = aggregator.build("big.jsonl", { count: 0, first: [] });
  assert.equal(r.responses, n);
  assert.equal(r.ablation.total, n);
  assert.equal(r.ablation.shown, SCATTER_CAP);
  assert.equal(r.ablation.sampled, true);
  // R = flat for every line: the exact counters see all 5,000.
  assert.deepEqual([r.ablation.lsrmAbove, r.ablation.equal, r.ablation.lsrmBelow], [0, n, 0]);
  // Three distinct (flat, R) points whose counts add up to the sample.
  assert.equal(r.ablation.points.length, 3);
  assert.equal(r.ablation.points.reduce((s, p) => s + p.count, 0), SCATTER_CAP);
  assert.match(scoreSections(r).ablation.caption, /A uniform sample of 2000 of 5000 responses/);
  // One group of 5,000: ranked on a sample of 64, so C(64, 2) pairs; its spread is exact (0 to 1).
  assert.equal(r.groups.groups, 1);
  assert.equal(r.groups.sampledGroups, 1);
  assert.equal(r.groups.pairs, (GROUP_SAMPLE_CAP * (GROUP_SAMPLE_CAP - 1)) / 2);
  assert.equal(r.groups.spread[9].lsrm.count, 1);
  assert.match(scoreSections(r).groups.caption, /1 group larger than 64 was compared on a uniform sample of 64/);
  // Failed verdicts: counted exactly, listed up to the cap.
  const noComma = r.hard[0];
  assert.equal(noComma.passed + noComma.failed, 2 * n);
  assert.equal(noComma.failedRefs.count, noComma.failed);
  assert.equal(noComma.failedRefs.examples.length, EXAMPLES_PER_BUCKET);
  assert.equal(r.distribution[0].lsrm.count, Math.ceil(n / 3));
  assert.equal(r.distribution[0].lsrm.examples.length, EXAMPLES_PER_BUCKET);
});
