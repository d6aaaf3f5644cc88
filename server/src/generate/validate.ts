// Every candidate, from either proposer, goes through the same gate: our importer (schema, ids, arguments), then
// the full analysis of its .lsr text (contradictions per branch and per step, conditions decided in advance,
// duplicates), then rendering. A rejection carries a reason code and the messages behind it.

import { analyze } from "../analysis/analyze.js";
import { CODES } from "../analysis/codes.js";
import type { Instruction, LogicNode } from "../analysis/logic.js";
import { exportLsrInstructJson, importLsrInstructJson, type LsrInstructJson } from "../interchange/lsrinstruct-json.js";
import { printLsr } from "../interchange/print-lsr.js";
import { renderInstruction } from "../render/natural-language.js";
import type { Structure } from "./structure.js";

export const REJECT_REASONS = [
  "schema", "unknown-id", "bad-arguments", "analysis", "contradiction", "decided-condition", "duplicate-constraint",
  "duplicate-text", "duplicate-tree", "near-duplicate", "probe-all-fail", "probe-all-pass", "proposer-error",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  reason: RejectReason;
  messages: string[];
}

export interface ValidCandidate {
  instruction: Instruction;
  json: LsrInstructJson;
  lsr: string;
  rendered: string;
  structure: Structure | "mixed";
  depth: number;
  counts: { hard: number; soft: number; total: number };
  /** Analysis warnings that did not reject the candidate. */
  warnings: string[];
}

const ANALYSIS_REASONS: Readonly<Record<string, RejectReason>> = {
  [CODES.contradiction.code]: "contradiction",
  [CODES.conditionNeverHolds.code]: "decided-condition",
  [CODES.conditionAlwaysHolds.code]: "decided-condition",
  [CODES.duplicateConstraint.code]: "duplicate-constraint",
};

function importReason(message: string): RejectReason {
  if (message.includes("unknown instruction_id")) return "unknown-id";
  if (message.includes(".kwargs")) return "bad-arguments";
  return "schema";
}

function depthOf(node: LogicNode): number {
  switch (node.kind) {
    case "hard":
    case "soft":
      return 0;
    case "parallel":
      return 1 + Math.max(0, ...node.children.map(depthOf));
    case "sequential":
      return 1 + Math.max(0, ...node.steps.map(depthOf));
    case "conditional":
      return 1 + Math.max(depthOf(node.condition), depthOf(node.then), node.else ? depthOf(node.else) : 0);
  }
}

function countLeaves(node: LogicNode, counts: { hard: number; soft: number; total: number }): void {
  if (node.kind === "hard" || node.kind === "soft") {
    counts[node.kind]++;
    counts.total++;
    return;
  }
  const children = node.kind === "parallel" ? node.children : node.kind === "sequential" ? node.steps : [node.condition, node.then, ...(node.else ? [node.else] : [])];
  for (const child of children) countLeaves(child, counts);
}

/** Never throws. `candidate` is whatever a proposer produced (a model's parsed JSON, or the sampler's object). */
export function validateCandidate(candidate: unknown): { ok: true; value: ValidCandidate } | { ok: false; rejection: Rejection } {
  const imported = importLsrInstructJson(JSON.stringify(candidate), "candidate.json");
  if (imported.errors.length > 0 || imported.instruction === undefined) {
    const messages = imported.errors.map((e) => e.message);
    return { ok: false, rejection: { reason: importReason(messages[0] ?? ""), messages } };
  }
  const instruction = imported.instruction;
  const lsr = printLsr(instruction);
  const analysis = analyze(lsr);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  const blocking = analysis.diagnostics.filter((d) => d.severity === "error" || ANALYSIS_REASONS[d.code] !== undefined);
  if (blocking.length > 0) {
    const first = blocking.find((d) => ANALYSIS_REASONS[d.code] !== undefined) ?? errors[0];
    return { ok: false, rejection: { reason: ANALYSIS_REASONS[first.code] ?? "analysis", messages: blocking.map((d) => `${d.code} ${d.message}`) } };
  }
  const top = instruction.root.children;
  const structure = top.length === 1 && top[0].kind !== "hard" && top[0].kind !== "soft" ? top[0].kind : "mixed";
  const counts = { hard: 0, soft: 0, total: 0 };
  countLeaves(instruction.root, counts);
  return {
    ok: true,
    value: {
      instruction,
      json: exportLsrInstructJson(instruction),
      lsr,
      rendered: renderInstruction(instruction),
      structure,
      depth: Math.max(0, ...top.map(depthOf)),
      counts,
      warnings: analysis.diagnostics.map((d) => `${d.code} ${d.message}`),
    },
  };
}
