// Request bodies of `lsrif serve` (docs/serve.md), validated at the boundary.
// Unknown fields are ignored, so trainers may send more than we read.

import { z } from "zod";

/**
 * How much a reply carries: "full" (default) the reward block and the `lsrif score --json`
 * result tree; "reward" only the reward block (and reason, id). Trainers need only the numbers,
 * and the tree is most of the reply's size and of the server's serialization time.
 */
export const Detail = z.enum(["full", "reward"]);
export type Detail = z.output<typeof Detail>;

export const ScoreItem = z.object({
  /** .lsr text, LsrInstruct JSON text, or an LsrInstruct JSON object. */
  instruction: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  instruction_id: z.union([z.string().min(1), z.number().int()]).transform(String).optional(),
  response: z.string(),
  gamma: z.number().min(0).max(1).optional(),
  flat: z.boolean().optional(),
  loose: z.boolean().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  strip_thinking: z.boolean().optional(),
  strip_suffix: z.boolean().optional(),
  /** /v1/score only; a batch names it once for all its items. */
  detail: Detail.optional(),
});
export type ScoreItem = z.output<typeof ScoreItem>;

/** Items are checked one by one (a bad item fails alone), so the list is of anything. */
export const ScoreBatchBody = z.object({ items: z.array(z.unknown()), detail: Detail.optional() });

/** OpenRLHF's remote reward request; prompts and labels, when given, align with query. */
export const GetRewardBody = z
  .object({
    query: z.array(z.string()),
    prompts: z.array(z.string()).optional(),
    labels: z.array(z.unknown()).optional(),
  })
  .refine((body) => body.prompts === undefined || body.prompts.length === body.query.length, { message: "prompts must have as many entries as query", path: ["prompts"] })
  .refine((body) => body.labels === undefined || body.labels.length === body.query.length, { message: "labels must have as many entries as query", path: ["labels"] });
export type GetRewardBody = z.output<typeof GetRewardBody>;

/** One line per problem, naming the field, never echoing the (possibly long) value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}
