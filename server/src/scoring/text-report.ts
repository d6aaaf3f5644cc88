// A score tree as readable text, for the CLI and the output channel.

import type { ScoreNode, ScoreResult } from "./result.js";

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? "-" : Number(x.toFixed(4)).toString());

const STATUS: Record<ScoreNode["status"], string> = {
  pass: "PASS",
  fail: "FAIL",
  partial: "PARTIAL",
  "not-applicable": "N/A",
  unjudged: "UNJUDGED",
  error: "ERROR",
};

function describe(node: ScoreNode): string {
  const role = node.role === "condition" ? "if " : node.role === "else" ? "else " : node.role === "then" ? "then " : "";
  let head: string;
  if (node.kind === "hard") {
    const args = node.args && Object.keys(node.args).length ? `(${Object.entries(node.args).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")})` : "";
    head = `hard ${node.ref ? `${node.ref} = ` : ""}${node.id}${args}`;
  } else if (node.kind === "soft") {
    head = `soft${node.category ? ` ${node.category}` : ""} ${node.ref ? `${node.ref} = ` : ""}${JSON.stringify(node.text)}`;
  } else {
    head = node.label;
  }
  const inCondition = node.role === "condition";
  const status = inCondition && (node.status === "pass" || node.status === "fail") ? (node.status === "pass" ? "HELD" : "DID NOT HOLD") : STATUS[node.status];
  const scope = node.scope ? `[${node.scope}] ` : "";
  const parts = [`${role}${scope}${head}`, status, `r=${fmt(node.value)}`];
  if (node.adjusted !== undefined) parts.push(`r'=${fmt(node.adjusted)}`);
  if (node.role !== "condition") parts.push(`share=${fmt(node.share)}`, `adds=${fmt(node.contribution)}`);
  if (node.conditionHolds !== undefined) parts.push(`condition ${node.conditionHolds === null ? "undecided" : node.conditionHolds ? "held" : "did not hold"}`);
  if (node.probability !== undefined) parts.push(`P(yes)=${fmt(node.probability)}`);
  if (node.cached) parts.push("(cached)");
  if (node.error) parts.push(`error: ${node.error}`);
  if (node.unjudgedReason) parts.push(`unjudged: ${node.unjudgedReason}`);
  return parts.join("  ");
}

export function formatScoreTree(result: ScoreResult): string {
  const lines: string[] = [];
  const headline = `Score ${fmt(result.score)}  (${result.aggregation === "flat" ? "flat mean, w/o LsRM" : `LsRM, gamma ${result.gamma}`}, ${result.mode})`;
  lines.push(headline + (result.complete ? "" : "  INCOMPLETE: some soft constraints are unjudged or failed to judge") + (result.applicable ? "" : "  (no constraint applies: scored 1)"));
  const walk = (node: ScoreNode, prefix: string, last: boolean, top: boolean) => {
    lines.push(top ? describe(node) : `${prefix}${last ? "└─ " : "├─ "}${describe(node)}`);
    const why = node.explanation?.message ?? node.evidence;
    if (why) lines.push(`${prefix}${top ? "" : last ? "   " : "│  "}   evidence: ${why}`);
    for (const span of node.extracted ?? []) lines.push(`${prefix}${top ? "" : last ? "   " : "│  "}   extracted: ${JSON.stringify(span.length > 80 ? `${span.slice(0, 77)}...` : span)}`);
    const childPrefix = top ? "" : prefix + (last ? "   " : "│  ");
    node.children.forEach((c, i) => walk(c, childPrefix, i === node.children.length - 1, false));
  };
  walk(result.tree, "", true, true);
  const s = result.summary;
  const conditions = s.conditionsHeld + s.conditionsNotHeld > 0 ? `; conditions: ${s.conditionsHeld} held, ${s.conditionsNotHeld} did not hold` : "";
  lines.push(`${s.hard} hard, ${s.soft} soft: ${s.passed} passed, ${s.failed} failed, ${s.unjudged} unjudged, ${s.errors} judge errors, ${s.notApplicable} not applicable${conditions}`);
  if (result.sharesNote) lines.push(result.sharesNote);
  return lines.join("\n");
}
