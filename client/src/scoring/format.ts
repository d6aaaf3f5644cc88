// Short text for score values, shared by the results view, status bar and log.

import type { ScoreNode, ScoreResult } from "../../../server/src/scoring/result.js";

export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** "r 1 · r' 0.5 · share 0.333" with only the parts this node has. */
export function nodeSummary(node: ScoreNode): string {
  const parts = [`r ${formatValue(node.value)}`];
  if (node.adjusted !== undefined) parts.push(`r' ${formatValue(node.adjusted)}`);
  parts.push(`share ${formatValue(node.share)}`);
  if (node.probability !== undefined) parts.push(`P(yes) ${node.probability.toFixed(2)}`);
  if (node.cached) parts.push("cached");
  return parts.join(" · ");
}

export function resultHeadline(result: ScoreResult): string {
  const notes = [!result.complete ? "incomplete" : "", !result.applicable ? "nothing applies" : ""].filter(Boolean);
  return `R = ${formatValue(result.score)}${notes.length ? ` (${notes.join(", ")})` : ""}`;
}
