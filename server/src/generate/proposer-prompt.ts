// The instructions the `llm` proposer sends: the task of the LsrIF paper's data construction (a seed question in,
// three composite constraints out, without rewriting the question), the paper's 25 reference constraint types
// (its Table 7), and the exact hard constraint ids and arguments our checker knows. Our own wording.

import { SOFT_CATEGORIES } from "../analysis/soft-categories.js";
import { describeArgs, HARD_TYPES } from "../ifeval/registry.js";

/** The paper's reference list of constraint types (LsrIF, Table 7). */
export const REFERENCE_TYPES = [
  "lexical content", "element", "semantic", "word count", "sentence count", "paragraph count", "document count",
  "tone and emotion", "form and style", "audience-specific", "authorial style", "fundamental format", "bespoke format",
  "specialized format", "pragmatic", "syntactic", "morphological", "phonological", "role-based", "task-specific",
  "complex context", "example", "inverse", "contradictory", "rule",
] as const;

function hardTypeList(): string {
  return HARD_TYPES.map((type) => {
    const args = describeArgs(type).map((a) => `${a.name}: ${a.values ? a.values.map((v) => JSON.stringify(v)).join(" | ") : a.type}`);
    return `- ${type.id}(${args.join(", ")}): ${type.summary}`;
  }).join("\n");
}

export function systemPrompt(count: number): string {
  return `You design instruction-following training data. Given a seed question, add constraints to it WITHOUT rewriting the question.
Return ${count} composite constraints as JSON. Each composite has a "type":
- "And": c1 and c2 and c3 must all hold.
- "Chain": first c1, then c2, finally c3 (ordered steps of the answer).
- "Selection": if c1 holds then c2, otherwise c3 (c1 is a condition that a response may or may not meet).
Each sub-constraint c1, c2, c3 is an atomic constraint:
- a hard constraint, checked by code: {"constraint": "<how the prompt words it>", "instruction_id": "<id>", "kwargs": {...}} with an id and arguments from this list only:
${hardTypeList()}
- a soft constraint, judged by a model: {"constraint": "<text>", "category": "<one of: ${SOFT_CATEGORIES.join(", ")}>"}
Draw on these kinds of constraint: ${REFERENCE_TYPES.join(", ")}.
The constraints of one composite must be satisfiable together (no contradictions), each must matter for the seed question, and a Selection's condition must be able to go either way.
Answer with JSON only: {"composite_constraints": [{"type": ..., "sub_constraints": {"c1": ..., "c2": ..., "c3": ...}}, ...]}`;
}

export function userPrompt(seedPrompt: string): string {
  return `Seed question:\n${seedPrompt}`;
}

export function reaskPrompt(problems: readonly string[]): string {
  return `Your JSON has these problems:\n${problems.map((p) => `- ${p}`).join("\n")}\nReturn the corrected JSON only, in the same format.`;
}

/** Sent as response_format where the server supports structured output (the shape only; our importer checks the rest). */
export const PROPOSAL_JSON_SCHEMA = {
  type: "object",
  properties: {
    composite_constraints: {
      type: "array",
      items: {
        type: "object",
        properties: { type: { type: "string", enum: ["And", "Chain", "Selection"] }, sub_constraints: { type: "object" } },
        required: ["type", "sub_constraints"],
      },
    },
  },
  required: ["composite_constraints"],
} as const;
