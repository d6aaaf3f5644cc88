// The two outputs of `lsrif generate`. A dataset row is LsrInstruct JSON at its top level (`id`, `prompt`,
// `composite_constraints`), so `score-batch --instructions` and `export-dataset` read the file as it is; the other
// fields say how the row was made. A reject row says why a candidate was dropped.

import { z } from "zod";
import type { LsrInstructJson } from "../interchange/lsrinstruct-schema.js";
import type { RejectReason } from "./validate.js";

export interface Provenance {
  proposer: "sample" | "llm";
  model?: string;
  /** The run's --seed. */
  seed: number;
  /** A hash of the proposer's system prompt (llm) or of the sampler's settings (sample). */
  prompt_hash: string;
}

export interface ProbeResult {
  samples: number;
  /** Share of sampled responses that met every constraint (R = 1 and complete). */
  pass_rate: number;
  mean_score: number;
}

export interface DatasetRow extends LsrInstructJson {
  id: string;
  seed_id: string;
  /** The seed question (the instruction's prompt) is `prompt`; this is the full text a policy is given. */
  rendered_prompt: string;
  lsr: string;
  structure: string;
  depth: number;
  counts: { hard: number; soft: number; total: number };
  constraint_types: string[];
  validation: { warnings: string[]; reasked: boolean };
  probe?: ProbeResult;
  provenance: Provenance;
}

export interface RejectRow {
  seed_id: string;
  /** Which candidate of the seed (1-based, in the order proposed). */
  candidate: number;
  reason: RejectReason | "type-cap";
  messages: string[];
  /** The candidate as proposed, when there was one. */
  proposed?: unknown;
  provenance: Provenance;
}

/** What resuming needs from each kind of line; the rest is carried as it is. */
export const ResumedRow = z.object({ seed_id: z.string(), rendered_prompt: z.string(), constraint_types: z.array(z.string()) }).passthrough();
export const ResumedReject = z.object({ seed_id: z.string() }).passthrough();
