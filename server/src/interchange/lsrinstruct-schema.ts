// The LsrInstruct composite-constraint JSON (LsrIF paper, Table 7), as zod schemas.
//
//   {"prompt": "...", "composite_constraints": [{"composite_constraint":
//     {"type": "And" | "Chain" | "Selection", "sub_constraints": {"c1": {...}, "c2": {...}}}}]}
//
// An atomic sub-constraint is {"constraint": "text"} (soft) or
// {"constraint": "text", "instruction_id": "<IFEval id>", "kwargs": {...}} (hard);
// a sub-constraint may itself be a {"type", "sub_constraints"} node. Selection: c1 is
// the condition, c2 the true branch, c3 the optional false branch. Chain steps are
// ordered by the number after "c", not by key order.
//
// Our extensions (both optional, ignored by tools that do not know them):
//   "gamma": number in [0, 1] at top level, the sequence penalty base (default 0.5);
//   "category": "<soft category>" on a soft atomic constraint, passed to the judge;
//   "scope": [...] on any sub-constraint, the text of the response it is checked on (scope-json.ts).
// JSONL files carry one instruction per line, optionally with "id" (string or number).
//
// Import validates level by level with the shallow schemas below (so each error names
// the exact path); the recursive schema is the full format and gives the types.

import { z } from "zod";
import { ScopesSchema } from "./scope-json.js";

export const COMPOSITION_TYPES = ["And", "Chain", "Selection"] as const;

/** `c1`, `c2`, ...: no leading zeros, so each number has one spelling. */
export const SUB_CONSTRAINT_KEY = /^c[1-9][0-9]*$/;

export const AtomicConstraintSchema = z.object({
  constraint: z.string(),
  instruction_id: z.string().optional(),
  /** IFEval data writes unused kwargs as null; import drops them. */
  kwargs: z.record(z.string(), z.unknown()).nullable().optional(),
  category: z.string().optional(),
  scope: ScopesSchema.optional(),
});

/** A composite node with its children not yet validated. */
export const ShallowCompositeSchema = z.object({
  type: z.enum(COMPOSITION_TYPES),
  sub_constraints: z.record(z.string().regex(SUB_CONSTRAINT_KEY, "sub-constraint keys are c1, c2, c3, ..."), z.unknown()),
  scope: ScopesSchema.optional(),
});

export const ShallowDocumentSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  prompt: z.string().optional(),
  gamma: z.number().min(0).max(1).optional(),
  composite_constraints: z.array(z.unknown()),
});

export type CompositionType = (typeof COMPOSITION_TYPES)[number];
export type AtomicConstraint = z.infer<typeof AtomicConstraintSchema>;

export const CompositeConstraintSchema = ShallowCompositeSchema.extend({
  get sub_constraints(): z.ZodRecord<z.ZodString, typeof SubConstraintSchema> {
    return z.record(z.string().regex(SUB_CONSTRAINT_KEY), SubConstraintSchema);
  },
});

export const SubConstraintSchema: z.ZodUnion<[typeof AtomicConstraintSchema, typeof CompositeConstraintSchema]> =
  z.union([AtomicConstraintSchema, CompositeConstraintSchema]);

export const LsrInstructJsonSchema = ShallowDocumentSchema.extend({
  composite_constraints: z.array(z.union([
    z.object({ composite_constraint: SubConstraintSchema }),
    AtomicConstraintSchema,
  ])),
});

export type CompositeConstraint = z.infer<typeof CompositeConstraintSchema>;
export type SubConstraint = z.infer<typeof SubConstraintSchema>;
export type LsrInstructJson = z.infer<typeof LsrInstructJsonSchema>;
