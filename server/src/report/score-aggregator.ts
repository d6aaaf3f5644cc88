// Aggregates score lines one at a time into a ScoresReport, in memory bounded by the
// caps in model.ts plus a few numbers per instruction (groups.ts).

import type { ReportScoreLine } from "./lines.js";
import { GroupAggregator } from "./groups.js";
import { SCATTER_CAP, type LineRef, type PassRow, type ScoresReport } from "./model.js";
import { addRef, binOf, emptyBins, emptyRefs } from "./refs.js";
import { Reservoir } from "./reservoir.js";
import { treeFacts } from "./tree-facts.js";

interface MeanAcc {
  n: number;
  lsrm: number;
  flat: number;
  refs: ReturnType<typeof emptyRefs>;
}

const EPSILON = 1e-12;
const STRUCTURES = ["parallel", "sequential", "conditional"] as const;

function addMean(table: Map<string | number, MeanAcc>, key: string | number, lsrm: number, flat: number, ref: LineRef): void {
  let acc = table.get(key);
  if (!acc) table.set(key, (acc = { n: 0, lsrm: 0, flat: 0, refs: emptyRefs() }));
  acc.n++;
  acc.lsrm += lsrm;
  acc.flat += flat;
  addRef(acc.refs, ref);
}

const meanOf = (acc: MeanAcc) => ({ responses: acc.n, meanLsrm: acc.lsrm / acc.n, meanFlat: acc.flat / acc.n, refs: acc.refs });

function addVerdict(table: Map<string, PassRow>, key: string, status: string, ref: LineRef): void {
  let row = table.get(key);
  if (!row) table.set(key, (row = { key, passed: 0, failed: 0, unjudged: 0, errors: 0, passRate: null, failedRefs: emptyRefs() }));
  if (status === "pass") row.passed++;
  else if (status === "fail") {
    row.failed++;
    addRef(row.failedRefs, ref);
  } else if (status === "error") row.errors++;
  else row.unjudged++;
}

/** Ranked: highest pass rate first, undecided last, ties by key. */
function ranked(table: Map<string, PassRow>): PassRow[] {
  const rows = [...table.values()].map((r) => ({ ...r, passRate: r.passed + r.failed === 0 ? null : r.passed / (r.passed + r.failed) }));
  return rows.sort((a, b) => (b.passRate ?? -1) - (a.passRate ?? -1) || a.key.localeCompare(b.key));
}

export class ScoreAggregator {
  private n = 0;
  private sumLsrm = 0;
  private sumFlat = 0;
  private readonly aggregationInFile = { lsrm: 0, flat: 0 };
  private readonly incomplete = emptyRefs();
  private readonly errored = emptyRefs();
  private readonly distribution = emptyBins();
  private readonly structures = new Map<string | number, MeanAcc>();
  private readonly depths = new Map<string | number, MeanAcc>();
  private readonly hard = new Map<string, PassRow>();
  private readonly soft = new Map<string, PassRow>();
  private readonly scatter = new Reservoir<{ lsrm: number; flat: number; ref: LineRef }>(SCATTER_CAP);
  private readonly comparison = { above: 0, equal: 0, below: 0 };
  readonly groups = new GroupAggregator();

  add(line: ReportScoreLine, lineNumber: number): void {
    const facts = treeFacts(line);
    const ref = { line: lineNumber, label: line.id };
    const { lsrm, flat } = facts;
    this.n++;
    this.sumLsrm += lsrm;
    this.sumFlat += flat;
    this.aggregationInFile[line.aggregation]++;
    if (!line.complete) addRef(this.incomplete, ref);
    if (facts.errored) addRef(this.errored, ref);
    addRef(this.distribution[binOf(lsrm)].lsrm, ref);
    addRef(this.distribution[binOf(flat)].flat, ref);
    addMean(this.structures, facts.structure, lsrm, flat, ref);
    addMean(this.depths, facts.depth, lsrm, flat, ref);
    for (const leaf of facts.leaves) {
      if (leaf.kind === "hard") addVerdict(this.hard, leaf.id ?? "unknown", leaf.status, ref);
      else addVerdict(this.soft, leaf.category ?? "uncategorised", leaf.status, ref);
    }
    this.scatter.add({ lsrm, flat, ref });
    if (lsrm - flat > EPSILON) this.comparison.above++;
    else if (flat - lsrm > EPSILON) this.comparison.below++;
    else this.comparison.equal++;
    this.groups.add(line.instruction, lsrm, flat, ref);
  }

  build(file: string, problems: ScoresReport["problems"]): ScoresReport {
    const points = new Map<string, ScoresReport["ablation"]["points"][number]>();
    for (const { lsrm, flat, ref } of this.scatter.items) {
      const key = `${flat.toFixed(6)} ${lsrm.toFixed(6)}`;
      let point = points.get(key);
      if (!point) points.set(key, (point = { flat, lsrm, count: 0, refs: emptyRefs() }));
      point.count++;
      addRef(point.refs, ref);
    }
    return {
      kind: "scores",
      file,
      responses: this.n,
      aggregationInFile: { ...this.aggregationInFile },
      meanLsrm: this.n ? this.sumLsrm / this.n : null,
      meanFlat: this.n ? this.sumFlat / this.n : null,
      incomplete: this.incomplete,
      errored: this.errored,
      distribution: this.distribution,
      byStructure: STRUCTURES.filter((key) => this.structures.has(key)).map((key) => ({ key, ...meanOf(this.structures.get(key) as MeanAcc) })),
      byDepth: [...this.depths.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([depth, acc]) => ({ depth: Number(depth), ...meanOf(acc) })),
      hard: ranked(this.hard),
      soft: ranked(this.soft),
      ablation: {
        points: [...points.values()].sort((a, b) => a.flat - b.flat || a.lsrm - b.lsrm),
        shown: this.scatter.items.length,
        total: this.scatter.seen,
        sampled: this.scatter.sampled,
        lsrmAbove: this.comparison.above,
        equal: this.comparison.equal,
        lsrmBelow: this.comparison.below,
      },
      groups: this.groups.build(),
      problems,
    };
  }
}
