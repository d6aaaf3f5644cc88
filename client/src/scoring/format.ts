// Short text for score values, shared by the results view, status bar and log.

import type { ScoreNode, ScoreResult } from "../../../server/src/client-api.js";
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** "r 1 · r' 0.5 · share 0.333 · P(YES) 0.90 (cached)" with only the parts this node has. */
export function nodeSummary(node: ScoreNode): string {
  const parts = [`r ${formatValue(node.value)}`];
  if (node.adjusted !== undefined) parts.push(`r' ${formatValue(node.adjusted)}`);
  parts.push(`share ${formatValue(node.share)}`);
  if (node.probability !== undefined) parts.push(`P(YES) ${node.probability.toFixed(2)}`);
  const summary = parts.join(" · ");
  return node.cached ? `${summary} (cached)` : summary;
}

const EVIDENCE_CHARS = 80;

/** A leaf's evidence (hard: the measured evidence; soft: the judge's) or judge error, shortened for one line; "" when there is none. */
export function judgeNote(node: ScoreNode): string {
  if (node.error !== undefined) return `judge error: ${node.error}`;
  if (node.explanation) return node.explanation.message;
  if (node.evidence === undefined || node.evidence === "") return "";
  const evidence = node.evidence.replace(/\s+/g, " ").trim();
  return `“${evidence.length > EVIDENCE_CHARS ? `${evidence.slice(0, EVIDENCE_CHARS - 1)}…` : evidence}”`;
}

/** "condition held" / "condition did not hold" for a condition leaf; undefined for constraints. */
export function conditionWords(node: ScoreNode, inCondition: boolean): string | undefined {
  if (node.conditionHolds !== undefined) return node.conditionHolds === null ? "condition undecided" : node.conditionHolds ? "condition held" : "condition did not hold";
  if (!inCondition || (node.status !== "pass" && node.status !== "fail")) return undefined;
  return node.status === "pass" ? "held" : "did not hold";
}

/** "R = 0.500 · complete", or "R = 1 · incomplete, nothing applies". */
export function resultHeadline(result: ScoreResult): string {
  const notes = [result.complete ? "complete" : "incomplete", !result.applicable ? "nothing applies" : ""].filter(Boolean);
  return `R = ${formatValue(result.score)} · ${notes.join(", ")}`;
}
