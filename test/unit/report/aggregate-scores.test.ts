// The numbers behind every chart of a scores report, worked out by hand on
// test/fixtures/report/scores-before.jsonl (18 responses, 6 instructions).
//
// Each response's R (LsRM) and flat mean, from its response text and instruction:
//   notes (Sequential title -> words>=8 -> P.S., gamma 0.5):
//     notes-1 all pass: R 1, flat 1
//     notes-2 title fails, the rest pass: r' = [0, 1*0.5, 1*0.5] -> R 1/3; flat 2/3
//     notes-3 only title passes: r' = [1, 0, 0] -> R 1/3; flat 1/3
//     notes-4 none pass: 0, 0
//   lighthouse (Parallel no_comma, contains keeper, soft tone judged YES/YES/NO):
//     lighthouse-1 1, 1; lighthouse-2 (comma) 2/3, 2/3; lighthouse-3 (no keeper, NO) 1/3, 1/3
//   storm (if storm { lowercase } else { no_comma }; the condition does not count):
//     storm-1 1, 1; storm-2 (capital A) 0, 0; storm-3 1, 1; storm-4 (comma) 0, 0
//   guide (Sequential [title + soft "Cite a source." (judge error, left out)] -> if temple { placeholders } else { no_comma }):
//     guide-1 1, 1; guide-2 (no placeholder) r' = [1, 0] -> R 1/2, flat 1/2; guide-3 (no title, comma) 0, 0
//   moon (Parallel no_comma + Sequential title -> words>=5 -> P.S.):
//     moon-1 only no_comma: R (1 + 0)/2 = 1/2, flat 1/4; moon-2 only no_comma fails: R (0 + 1)/2 = 1/2, flat 3/4; moon-3 1, 1
//   solo (no_comma, one response): solo-1 (comma) 0, 0

import { strict as assert } from "node:assert";
import { test } from "node:test";
import type { ScoresReport } from "../../../server/src/report/model.js";
import { readReport } from "../../../server/src/report/read-report.js";
import { close, fixture } from "./report-fixture.js";

async function before(): Promise<ScoresReport> {
  const report = await readReport([fixture("scores-before.jsonl")]);
  assert.equal(report.kind, "scores");
  return report as ScoresReport;
}

const counts = (bins: ScoresReport["distribution"], which: "lsrm" | "flat") => bins.map((b) => b[which].count);

test("totals, means, incomplete and errored", async () => {
  const r = await before();
  assert.equal(r.responses, 18);
  // Sum of R: notes 5/3 + lighthouse 2 + storm 2 + guide 3/2 + moon 2 + solo 0 = 55/6.
  assert.ok(close(r.meanLsrm, 55 / 6 / 18));
  // Sum of flat: notes 2 + lighthouse 2 + storm 2 + guide 3/2 + moon 2 + solo 0 = 19/2.
  assert.ok(close(r.meanFlat, 19 / 2 / 18));
  // The three guide responses carry the judge error, so they are incomplete and errored.
  assert.deepEqual(r.incomplete.examples.map((e) => e.label), ["guide-1", "guide-2", "guide-3"]);
  assert.deepEqual(r.errored.examples.map((e) => e.label), ["guide-1", "guide-2", "guide-3"]);
  assert.deepEqual(r.aggregationInFile, { lsrm: 18, flat: 0 });
  assert.equal(r.problems.count, 0);
});

test("distribution of R and flat in bins of 0.1", async () => {
  const r = await before();
  // R: 0 x5 (notes-4, storm-2, storm-4, guide-3, solo-1); 1/3 x3 (notes-2, notes-3, lighthouse-3);
  // 1/2 x3 (guide-2, moon-1, moon-2); 2/3 x1 (lighthouse-2); 1 x6.
  assert.deepEqual(counts(r.distribution, "lsrm"), [5, 0, 0, 3, 0, 3, 1, 0, 0, 6]);
  // flat: 0 x5; 1/4 (moon-1); 1/3 x2 (notes-3, lighthouse-3); 1/2 (guide-2); 2/3 x2 (notes-2, lighthouse-2); 3/4 (moon-2); 1 x6.
  assert.deepEqual(counts(r.distribution, "flat"), [5, 0, 1, 2, 0, 1, 2, 1, 0, 6]);
  assert.deepEqual(r.distribution[5].lsrm.examples.map((e) => e.label), ["guide-2", "moon-1", "moon-2"]);
});

test("mean R per structure type and nesting depth", async () => {
  const r = await before();
  const structure = Object.fromEntries(r.byStructure.map((s) => [s.key, s]));
  // parallel = lighthouse + moon + solo (7 responses): R (2 + 2 + 0)/7, flat (2 + 2 + 0)/7.
  assert.equal(structure.parallel.responses, 7);
  assert.ok(close(structure.parallel.meanLsrm, 4 / 7) && close(structure.parallel.meanFlat, 4 / 7));
  // sequential = notes + guide (7): R (5/3 + 3/2)/7 = 19/42, flat (2 + 3/2)/7 = 1/2.
  assert.equal(structure.sequential.responses, 7);
  assert.ok(close(structure.sequential.meanLsrm, 19 / 42) && close(structure.sequential.meanFlat, 0.5));
  // conditional = storm (4): 2/4.
  assert.equal(structure.conditional.responses, 4);
  assert.ok(close(structure.conditional.meanLsrm, 0.5));
  // Depth 1: notes, lighthouse, storm, solo (12): R (5/3 + 2 + 2 + 0)/12 = 17/36, flat 6/12.
  // Depth 2: guide (a Conditional step in a Sequential) and moon (a Sequential in the list) (6): 7/2 / 6 both.
  assert.deepEqual(r.byDepth.map((d) => [d.depth, d.responses]), [[1, 12], [2, 6]]);
  assert.ok(close(r.byDepth[0].meanLsrm, 17 / 36) && close(r.byDepth[0].meanFlat, 0.5));
  assert.ok(close(r.byDepth[1].meanLsrm, 7 / 12) && close(r.byDepth[1].meanFlat, 7 / 12));
});

test("pass rate per hard id and soft category, ranked, with counts", async () => {
  const r = await before();
  const rows = r.hard.map((h) => [h.key, h.passed, h.failed]);
  assert.deepEqual(rows, [
    // keeper in lighthouse-1/2 (the storm and temple conditions are not counted)
    ["keywords:existence", 2, 1],
    // notes 2/4 + guide 2/3 + moon 2/3
    ["detectable_format:title", 6, 4],
    // notes 2/4 + moon 2/3, for both
    ["detectable_content:postscript", 4, 3],
    ["length_constraints:number_words", 4, 3],
    // storm-1 passes, storm-2 fails; guide-1 has the placeholder, guide-2 not
    ["change_case:english_lowercase", 1, 1],
    ["detectable_content:number_placeholders", 1, 1],
    // lighthouse 2/3 + storm else-branch 1/2 + guide-3 0/1 + moon 2/3 + solo 0/1
    ["punctuation:no_comma", 5, 5],
  ]);
  const noComma = r.hard.find((h) => h.key === "punctuation:no_comma");
  assert.deepEqual(noComma?.failedRefs.examples.map((e) => e.label), ["guide-3", "lighthouse-2", "moon-2", "solo-1", "storm-4"]);
  assert.deepEqual(r.soft.map((s) => [s.key, s.passed, s.failed, s.errors, s.passRate === null ? null : Number(s.passRate.toFixed(4))]), [
    ["tone", 2, 1, 0, 0.6667],
    ["content", 0, 0, 3, null],
  ]);
});

test("the ablation scatter: distinct (flat, R) pairs with counts, and R against flat", async () => {
  const r = await before();
  const a = r.ablation;
  assert.equal(a.sampled, false);
  assert.equal(a.total, 18);
  // R > flat only for moon-1; R < flat for notes-2 and moon-2.
  assert.deepEqual([a.lsrmAbove, a.equal, a.lsrmBelow], [1, 15, 2]);
  const points = a.points.map((p) => [Number(p.flat.toFixed(4)), Number(p.lsrm.toFixed(4)), p.count]);
  assert.deepEqual(points, [
    [0, 0, 5],
    [0.25, 0.5, 1],
    [0.3333, 0.3333, 2],
    [0.5, 0.5, 1],
    [0.6667, 0.3333, 1],
    [0.6667, 0.6667, 1],
    [0.75, 0.5, 1],
    [1, 1, 6],
  ]);
});

test("GRPO groups: ranking differences, spread, all-equal groups", async () => {
  const r = await before();
  const g = r.groups;
  assert.equal(g.groups, 5);
  assert.equal(g.singletons, 1); // solo
  // Pairs: notes C(4,2) + lighthouse C(3,2) + storm C(4,2) + guide C(3,2) + moon C(3,2) = 21.
  assert.equal(g.pairs, 21);
  // notes-2 vs notes-3: R ties (1/3, 1/3), flat prefers notes-2 (2/3 > 1/3);
  // moon-1 vs moon-2: R ties (1/2, 1/2), flat prefers moon-2. Every other pair is ordered alike.
  assert.equal(g.pairsDiffer, 2);
  assert.deepEqual(new Set(g.orderDiffers.examples.map((e) => e.label)), new Set(["moon (3 responses)", "notes (4 responses)"]));
  // Spread of R: notes 1, lighthouse 2/3, storm 1, guide 1, moon 1/2. Of flat: 1, 2/3, 1, 1, 3/4.
  assert.deepEqual(g.spread.map((b) => b.lsrm.count), [0, 0, 0, 0, 0, 1, 1, 0, 0, 3]);
  assert.deepEqual(g.spread.map((b) => b.flat.count), [0, 0, 0, 0, 0, 0, 1, 1, 0, 3]);
  assert.equal(g.allEqualLsrm.count, 0);
  assert.equal(g.allEqualFlat.count, 0);
  assert.equal(g.sampledGroups, 0);
});

test("after training: groups whose rewards are all equal", async () => {
  const r = (await readReport([fixture("scores-after.jsonl")])) as ScoresReport;
  // After (responses-after.jsonl): notes 1, 1, 1/2 (notes-3 has 7 words: r' = [1, 0, 0.5]), 1;
  // lighthouse 1, 1, 1/3 (lighthouse-3: comma, judged NO); storm 1, 1, 1, 1; guide 1, 1, 1;
  // moon 1, 1, 1. So storm, guide and moon give GRPO no advantage signal.
  assert.equal(r.groups.groups, 5);
  assert.deepEqual(new Set(r.groups.allEqualLsrm.examples.map((e) => e.label)), new Set(["guide (3 responses)", "moon (3 responses)", "storm (4 responses)"]));
  assert.equal(r.groups.allEqualFlat.count, 3);
});
