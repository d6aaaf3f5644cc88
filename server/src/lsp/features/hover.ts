// Hover: logic-tree previews on structures and the prompt, constraint docs on
// constraints, the sequence formula on `gamma`, and the last verdict after scoring.

import type { CallNode, Range, ScopeNode, SoftNode } from "../../../../grammars/src/index.js";
import { scopeMarkdown } from "./scope-docs.js";
import type { Analysis } from "../../analysis/analyze.js";
import type { LogicNode } from "../../analysis/logic.js";
import { describeArgs, findHardType } from "../../ifeval/registry.js";
import type { ScoreNode, ScoreResult } from "../../scoring/result.js";
import { argumentDoc, constraintTypeMarkdown } from "./constraint-docs.js";
import { escapeMarkdown } from "./markdown.js";
import { formatNumber, leafLabel, logicTreeMarkdown } from "./logic-tree-markdown.js";
import { isStep, logicNodeFor, logicNodesByRange, pathAt, touches, type SyntaxNode } from "./syntax-path.js";

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hoverAt(analysis: Analysis, offset: number, lastScore?: ScoreResult): HoverResult | undefined {
  const { ast, instruction } = analysis;
  const gamma = ast.gammas.find((g) => touches(g.range, offset));
  if (gamma) return { markdown: gammaMarkdown(analysis), range: gamma.range };
  const prompt = ast.prompts.find((p) => touches(p.range, offset));
  if (prompt) return { markdown: logicTreeMarkdown(instruction.root, instruction, "The whole instruction"), range: prompt.range };

  const path = pathAt(ast, offset);
  const byRange = logicNodesByRange(instruction);
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    const parent = path[i - 1];
    const result = hoverNode(node, parent, analysis, offset, byRange, lastScore);
    if (result) return result;
  }
  return undefined;
}

function hoverNode(
  node: SyntaxNode, parent: SyntaxNode | undefined, analysis: Analysis, offset: number,
  byRange: Map<string, LogicNode>, lastScore: ScoreResult | undefined,
): HoverResult | undefined {
  const { instruction } = analysis;
  if (isStep(node)) {
    if (!touches(node.keywordRange, offset) || !parent) return undefined;
    const sequence = logicNodeFor(byRange, parent.range);
    return sequence ? { markdown: logicTreeMarkdown(sequence, instruction, "Sequential"), range: node.keywordRange } : undefined;
  }
  switch (node.kind) {
    case "define": {
      if (!touches(node.nameRange, offset) || node.name === undefined) return undefined;
      const info = analysis.names.get(node.name);
      const uses = info?.references.length ?? 0;
      const leaf = info?.leaf ? `\n\n\`${leafLabel(info.leaf)}\`` : "";
      return { markdown: `**${node.name}** — named constraint, used ${uses} time${uses === 1 ? "" : "s"}.${leaf}`, range: node.nameRange };
    }
    case "call":
      return callHover(node, analysis, offset, byRange, lastScore);
    case "soft":
      return softHover(node, byRange, lastScore);
    case "and":
    case "sequence":
    case "if": {
      const logic = logicNodeFor(byRange, node.range);
      if (!logic) return undefined;
      const title = node.kind === "and" ? "Parallel" : node.kind === "sequence" ? "Sequential" : "Conditional";
      const keyword = "keywordRange" in node && node.keywordRange && touches(node.keywordRange, offset) ? node.keywordRange : node.range;
      const elseKeyword = node.kind === "if" && touches(node.elseKeywordRange, offset) ? node.elseKeywordRange : undefined;
      return { markdown: logicTreeMarkdown(logic, instruction, title), range: elseKeyword ?? keyword };
    }
    case "scope":
      return scopeHover(node, analysis, offset, byRange);
    case "orphan-else":
      return touches(node.keywordRange, offset)
        ? { markdown: "`else` without a preceding `if` block: it is left out of the instruction.", range: node.keywordRange }
        : undefined;
    default:
      return undefined;
  }
}

/** On a scope's heads: what each selects, in words, and the logic tree it applies to. */
function scopeHover(node: ScopeNode, analysis: Analysis, offset: number, byRange: Map<string, LogicNode>): HoverResult | undefined {
  const head = node.heads.find((h) => touches(h.range, offset));
  if (!head) return undefined;
  const logic = node.body && logicNodeFor(byRange, node.body.range);
  const scopes = logic?.scopes;
  if (!logic || !scopes) return { markdown: "**Scope**\n\n_Not part of the instruction until its problems are fixed._", range: head.range };
  return { markdown: [scopeMarkdown(scopes), "", logicTreeMarkdown(logic, analysis.instruction, "Checked on that text")].join("\n"), range: head.range };
}

function callHover(
  call: CallNode, analysis: Analysis, offset: number, byRange: Map<string, LogicNode>, lastScore: ScoreResult | undefined,
): HoverResult | undefined {
  const info = call.name.includes(":") ? undefined : analysis.names.get(call.name);
  const defined = info?.leaf;
  const type = defined ? (defined.kind === "hard" ? findHardType(defined.id) : undefined) : findHardType(call.name);
  const arg = call.args?.find((a) => touches(a.nameRange, offset));
  if (arg && type) {
    const spec = describeArgs(type).find((s) => s.name === arg.name);
    return spec ? { markdown: argumentDoc(spec), range: arg.nameRange } : undefined;
  }
  const parts: string[] = [];
  if (info) parts.push(`**${call.name}** — named constraint (see its \`define\`)`, "");
  if (defined?.kind === "soft") parts.push(softMarkdown(defined.text, defined.category));
  else if (type) parts.push(constraintTypeMarkdown(type));
  else return undefined;
  const leaf = logicNodeFor(byRange, call.range);
  if (leaf && leaf.kind === "hard" && Object.keys(leaf.args).length) parts.push("", `Here: \`${leafLabel(leaf)}\``);
  const verdict = verdictText(lastScore, call.range);
  if (verdict) parts.push("", verdict);
  return { markdown: parts.join("\n"), range: call.nameRange };
}

function softMarkdown(text: string, category: string | undefined): string {
  return [`**soft constraint**${category ? ` (${category})` : ""} — judged by a model`, "", `> ${text.replace(/\n/g, "\n> ")}`].join("\n");
}

function softHover(node: SoftNode, byRange: Map<string, LogicNode>, lastScore: ScoreResult | undefined): HoverResult | undefined {
  if (node.text === undefined) return undefined;
  const parts = [softMarkdown(node.text, node.category)];
  if (!logicNodeFor(byRange, node.range)) parts.push("", "_Not part of the instruction until its problems are fixed._");
  const verdict = verdictText(lastScore, node.range);
  if (verdict) parts.push("", verdict);
  return { markdown: parts.join("\n"), range: node.range };
}

/** The scored leaf at `range`, and whether it sits inside a condition. */
function findScoreNode(node: ScoreNode, range: Range, inCondition = false): { node: ScoreNode; inCondition: boolean } | undefined {
  const condition = inCondition || node.role === "condition";
  if ((node.kind === "hard" || node.kind === "soft") && node.range?.start === range.start && node.range.end === range.end) return { node, inCondition: condition };
  for (const child of node.children) {
    const hit = findScoreNode(child, range, condition);
    if (hit) return hit;
  }
  return undefined;
}

/** What a scored leaf adds, as a sentence: "It passed and adds 0.25 of R = 0.75 (share 0.25)." */
function contributionSentence(node: ScoreNode, score: number): string {
  const share = formatNumber(node.share);
  const penalty = node.factor < 1 ? `, after the penalty ${formatNumber(node.factor)} of earlier failed steps` : "";
  if (node.status === "pass") return `It passed and adds ${formatNumber(node.contribution)} of R = ${formatNumber(score)} (its share ${share}${penalty}).`;
  if (node.status === "fail") return `It failed, so it adds nothing to R = ${formatNumber(score)}; passing would have added ${formatNumber(node.share * node.factor)} (its share ${share}${penalty}).`;
  if (node.status === "not-applicable") return "It was not applicable: its branch was not selected.";
  if (node.status === "unjudged") return "It was not judged (no judge configured), so it is left out of R.";
  if (node.status === "error") return "Its judge failed, so it is left out of R.";
  return "";
}

function verdictText(lastScore: ScoreResult | undefined, range: Range): string | undefined {
  if (!lastScore) return undefined;
  const hit = findScoreNode(lastScore.tree, range);
  if (!hit) return undefined;
  const { node, inCondition } = hit;
  const lines: string[] = [];
  if (inCondition && (node.status === "pass" || node.status === "fail")) {
    lines.push(`**Last verdict:** condition ${node.status === "pass" ? "held" : "did not hold"} (a condition selects a branch; it is not counted as a constraint).`);
  } else {
    lines.push(`**Last verdict:** ${node.status}. ${contributionSentence(node, lastScore.score)}`);
  }
  const why = node.error ?? node.explanation?.message ?? node.evidence;
  if (why) lines.push(`Evidence: ${escapeMarkdown(why)}`);
  if (lastScore.sharesNote) lines.push(`_${lastScore.sharesNote}_`);
  return lines.join("\n\n");
}

function gammaMarkdown(analysis: Analysis): string {
  const g = analysis.instruction.gamma;
  return [
    `**gamma = ${formatNumber(g)}** — the penalty base of Sequential structures`,
    "",
    "Each step's value is scaled by every earlier step's failure:",
    "",
    "```text",
    "r'_i = r_i * prod_{j<i} gamma^(1 - r_j)",
    "```",
    "",
    `With gamma = ${formatNumber(g)}, a step after one failed step counts at most ${formatNumber(g)}, after two at most ${formatNumber(g * g)}. `
      + "gamma = 1 turns the penalty off; gamma = 0 zeroes every step after a failure.",
  ].join("\n");
}
