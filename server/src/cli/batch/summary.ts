// The figures printed at the end of `lsrif score-batch`: counts, mean scores
// overall and per top-level structure, pass rates per constraint type, judge use.

import type { JudgeStats } from "../../judge/types.js";
import type { ScoredLine, TreeNode } from "./output-file.js";

export type StructureType = "parallel" | "sequential" | "conditional";

export interface PassRate {
  passed: number;
  failed: number;
  unjudged: number;
  errors: number;
  /** passed / (passed + failed); null when nothing was decided. */
  passRate: number | null;
}

export interface BatchSummary {
  responses: { scored: number; skipped: number; failed: number };
  /** Over scored and skipped (already in the output) responses. */
  meanScore: number | null;
  incomplete: number;
  byStructure: Partial<Record<StructureType, { responses: number; meanScore: number }>>;
  /** Hard constraints by canonical id; soft ones by category ("uncategorised" when none). */
  byConstraint: { hard: Record<string, PassRate>; soft: Record<string, PassRate> };
  /** Null when no judge was configured. */
  judge: (Pick<JudgeStats, "requestsSent" | "cacheHits" | "retries" | "failures"> & { verdicts: number }) | null;
}

/**
 * An instruction's structure type: the kind of its one top-level structure, or
 * parallel when the top level holds several items or a single constraint.
 */
export function structureTypeOf(tree: TreeNode): StructureType {
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  return only?.kind === "sequential" || only?.kind === "conditional" ? only.kind : "parallel";
}

/** Leaves that are part of the reward: conditions and unselected branches are left out. */
function rewardLeaves(node: TreeNode): TreeNode[] {
  if (node.role === "condition" || node.status === "not-applicable") return [];
  if (node.kind === "hard" || node.kind === "soft") return [node];
  return node.children.flatMap(rewardLeaves);
}

const emptyRate = (): PassRate => ({ passed: 0, failed: 0, unjudged: 0, errors: 0, passRate: null });

export class BatchSummaryBuilder {
  private scores: number[] = [];
  private incomplete = 0;
  private readonly structures = new Map<StructureType, number[]>();
  private readonly hard = new Map<string, PassRate>();
  private readonly soft = new Map<string, PassRate>();
  private scored = 0;
  private skipped = 0;
  private failed = 0;
  private softVerdicts = 0;

  /** A response scored in this run. */
  addScored(line: ScoredLine): void {
    this.scored++;
    this.count(line, true);
  }

  /** A response already in the output file. */
  addSkipped(line: ScoredLine): void {
    this.skipped++;
    this.count(line, false);
  }

  addFailure(): void {
    this.failed++;
  }

  private count(line: ScoredLine, judgedNow: boolean): void {
    this.scores.push(line.score);
    if (!line.complete) this.incomplete++;
    const type = structureTypeOf(line.tree);
    this.structures.set(type, [...(this.structures.get(type) ?? []), line.score]);
    for (const leaf of rewardLeaves(line.tree)) {
      const table = leaf.kind === "hard" ? this.hard : this.soft;
      const key = leaf.kind === "hard" ? (leaf.id ?? "unknown") : (leaf.category ?? "uncategorised");
      const rate = table.get(key) ?? emptyRate();
      if (leaf.status === "pass") rate.passed++;
      else if (leaf.status === "fail") rate.failed++;
      else if (leaf.status === "error") rate.errors++;
      else rate.unjudged++;
      table.set(key, rate);
      if (judgedNow && leaf.kind === "soft" && leaf.status !== "unjudged") this.softVerdicts++;
    }
  }

  build(judge: JudgeStats | undefined): BatchSummary {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rates = (table: Map<string, PassRate>) =>
      Object.fromEntries(
        [...table.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, r]) => {
          const decided = r.passed + r.failed;
          return [key, { ...r, passRate: decided === 0 ? null : r.passed / decided }];
        }),
      );
    const byStructure: BatchSummary["byStructure"] = {};
    for (const type of ["parallel", "sequential", "conditional"] as const) {
      const xs = this.structures.get(type);
      if (xs) byStructure[type] = { responses: xs.length, meanScore: mean(xs) };
    }
    return {
      responses: { scored: this.scored, skipped: this.skipped, failed: this.failed },
      meanScore: this.scores.length ? mean(this.scores) : null,
      incomplete: this.incomplete,
      byStructure,
      byConstraint: { hard: rates(this.hard), soft: rates(this.soft) },
      judge: judge
        ? { verdicts: this.softVerdicts, requestsSent: judge.requestsSent, cacheHits: judge.cacheHits, retries: judge.retries, failures: judge.failures }
        : null,
    };
  }
}

const fmt = (x: number | null): string => (x === null ? "-" : Number(x.toFixed(4)).toString());

function rateLines(title: string, table: Record<string, PassRate>): string[] {
  const entries = Object.entries(table);
  if (entries.length === 0) return [];
  return [
    title,
    ...entries.map(([key, r]) => {
      const extra = [r.unjudged ? `${r.unjudged} unjudged` : "", r.errors ? `${r.errors} judge errors` : ""].filter(Boolean).join(", ");
      return `  ${key}: ${r.passed}/${r.passed + r.failed} passed (${fmt(r.passRate)})${extra ? `, ${extra}` : ""}`;
    }),
  ];
}

export function formatBatchSummary(s: BatchSummary): string {
  const lines = [
    `responses: ${s.responses.scored} scored, ${s.responses.skipped} skipped (already in the output), ${s.responses.failed} failed`,
    `mean score: ${fmt(s.meanScore)} over ${s.responses.scored + s.responses.skipped} responses (${s.incomplete} incomplete)`,
    ...Object.entries(s.byStructure).map(([type, v]) => `  ${type}: ${fmt(v.meanScore)} over ${v.responses}`),
    ...rateLines("hard constraints:", s.byConstraint.hard),
    ...rateLines("soft constraints by category:", s.byConstraint.soft),
    s.judge
      ? `judge: ${s.judge.verdicts} verdicts, ${s.judge.requestsSent} requests, ${s.judge.cacheHits} cache hits, ${s.judge.retries} retries, ${s.judge.failures} failures`
      : "judge: none (soft constraints unjudged)",
  ];
  return lines.join("\n") + "\n";
}
