// The lines `lsrif report` reads: score lines (`lsrif score-batch`) and eval_results
// rows (`lsrif ifeval`, `lsrif ifbench`, the official evaluators). Checked with zod
// here, at the boundary; the aggregators get typed values.

import { z } from "zod";

const NodeKind = z.enum(["parallel", "sequential", "conditional", "hard", "soft"]);

/** The part of a score tree the report reads (labels, args, evidence are ignored). */
const ReportNode = z.object({
  kind: NodeKind,
  role: z.string(),
  status: z.string(),
  value: z.number().nullable().optional(),
  id: z.string().optional(),
  category: z.string().optional(),
  get children() {
    return z.array(ReportNode);
  },
});
export type ReportNode = z.output<typeof ReportNode>;

export const ReportScoreLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  instruction: z.union([z.string(), z.number()]).transform(String),
  score: z.number().min(0).max(1),
  complete: z.boolean(),
  /** Which aggregation `score` is; lines from before the field existed are LsRM. */
  aggregation: z.enum(["lsrm", "flat"]).default("lsrm"),
  tree: ReportNode,
});
export type ReportScoreLine = z.output<typeof ReportScoreLine>;

export const EvalResultLine = z
  .object({
    follow_all_instructions: z.boolean(),
    follow_instruction_list: z.array(z.boolean()),
    instruction_id_list: z.array(z.string()),
    prompt: z.string(),
  })
  .refine((row) => row.follow_instruction_list.length === row.instruction_id_list.length, {
    message: "follow_instruction_list and instruction_id_list differ in length",
  });
export type EvalResultLine = z.output<typeof EvalResultLine>;

export type LineKind = "scores" | "eval";

/** What a parsed JSON line looks like it is (decided by the first line of a file). */
export function kindOf(value: unknown): LineKind | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if ("follow_instruction_list" in value) return "eval";
  if ("tree" in value && "score" in value) return "scores";
  return undefined;
}

/** A zod error as one short line. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
