// What `lsrif report` computes: plain JSON values, the same for the HTML page, the
// Markdown tables and the editor's report view. Every list is bounded (caps below),
// so a report's size does not grow with the number of lines read.

/** Histogram bins over [0, 1]: width 0.1, [a, b), the last one [0.9, 1]. */
export const BINS = 10;
/** Responses remembered per bar for the editor's drill-down. */
export const EXAMPLES_PER_BUCKET = 100;
/** Responses kept for the LsRM-vs-flat scatter (a uniform reservoir sample past this). */
export const SCATTER_CAP = 2000;
/** Responses per group kept for the ranking comparison (a uniform reservoir sample past this). */
export const GROUP_SAMPLE_CAP = 64;
/** Unreadable lines reported by position (the rest only counted). */
export const PROBLEMS_SHOWN = 20;

/** A line of the input file, for drill-down: 1-based line number and a label (response id or prompt). */
export interface LineRef {
  line: number;
  label: string;
}

export interface Refs {
  /** How many lines are behind this bar. */
  count: number;
  /** The first EXAMPLES_PER_BUCKET of them. */
  examples: LineRef[];
}

export interface Problems {
  count: number;
  first: { file: string; line: number; message: string }[];
}

export interface Mean {
  responses: number;
  meanLsrm: number;
  meanFlat: number;
}

export interface PassRow {
  key: string;
  passed: number;
  failed: number;
  unjudged: number;
  errors: number;
  /** passed / (passed + failed); null when nothing was decided. */
  passRate: number | null;
  /** The responses that failed it. */
  failedRefs: Refs;
}

export interface ScoresReport {
  kind: "scores";
  file: string;
  responses: number;
  /** Lines whose `score` was computed with each aggregation (the other is derived from the tree). */
  aggregationInFile: { lsrm: number; flat: number };
  meanLsrm: number | null;
  meanFlat: number | null;
  /** Responses with an unjudged or failed soft verdict (complete: false). */
  incomplete: Refs;
  /** Responses with at least one `error` verdict (a judge failure). */
  errored: Refs;
  distribution: { bin: number; lsrm: Refs; flat: Refs }[];
  byStructure: ({ key: "parallel" | "sequential" | "conditional"; refs: Refs } & Mean)[];
  byDepth: ({ depth: number; refs: Refs } & Mean)[];
  hard: PassRow[];
  soft: PassRow[];
  ablation: {
    /** Distinct (flat, R) pairs of the sampled responses, with how many share each. */
    points: { flat: number; lsrm: number; count: number; refs: Refs }[];
    shown: number;
    total: number;
    sampled: boolean;
    /** Exact over all responses. */
    lsrmAbove: number;
    equal: number;
    lsrmBelow: number;
  };
  groups: {
    /** Instructions with at least two responses (GRPO groups). */
    groups: number;
    /** Instructions with one response (left out of group figures). */
    singletons: number;
    /** Groups where LsRM and flat order some pair of responses differently. */
    orderDiffers: Refs;
    pairs: number;
    pairsDiffer: number;
    /** Groups whose ranking used a sample of GROUP_SAMPLE_CAP responses. */
    sampledGroups: number;
    allEqualLsrm: Refs;
    allEqualFlat: Refs;
    /** Per-group spread (max - min), binned like the distribution. */
    spread: { bin: number; lsrm: Refs; flat: Refs }[];
  };
  /** With --instructions: how many of its instructions have responses in the file. */
  coverage?: { instructions: number; withResponses: number; missing: string[]; unknownInFile: number };
  problems: Problems;
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number | null;
}

export type EvalMode = "strict" | "loose";

export interface EvalReport {
  kind: "eval";
  files: Partial<Record<EvalMode, string>>;
  modes: { mode: EvalMode; prompts: number; promptLevel: Accuracy; instructionLevel: Accuracy }[];
  /** Per instruction id, instruction-level accuracy in each mode (the official tables' shape). */
  byInstruction: { key: string; strict?: Accuracy; loose?: Accuracy; failedRefs: Partial<Record<EvalMode, Refs>> }[];
  problems: Problems;
}

export interface DeltaRow {
  /** What is compared: "overall", "structure", "depth", "hard", "soft", "prompt-level", "instruction-level", "instruction". */
  group: string;
  key: string;
  before: number;
  after: number;
  delta: number;
  nBefore: number;
  nAfter: number;
}

export interface Comparison {
  /** The --against file(s): the "before" run. */
  before: string;
  rows: DeltaRow[];
  /** Keys present in only one run. */
  onlyBefore: string[];
  onlyAfter: string[];
}

export type Report = (ScoresReport | EvalReport) & { against?: Comparison };
