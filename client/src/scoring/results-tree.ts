// The "LsrIF Score" view: the last result as a tree mirroring the logic tree,
// each node with r, r', share, and for soft leaves the judge's evidence.

import * as vscode from "vscode";
import { CLIENT_COMMANDS, INTERNAL_CLIENT_COMMANDS, type NodeStatus, type ScoreNode, type ScoreResult } from "../../../server/src/client-api.js";
import { conditionWords, formatValue, judgeNote, nodeSummary, resultHeadline } from "./format.js";
import { verdictSpans, type ScoredResponse } from "./response-highlight.js";

export const SCORE_VIEW_ID = "lsrif.scoreResults";

const STATUS_ICONS: Record<NodeStatus, vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon("pass", new vscode.ThemeColor("testing.iconPassed")),
  fail: new vscode.ThemeIcon("error", new vscode.ThemeColor("testing.iconFailed")),
  partial: new vscode.ThemeIcon("circle-large-outline", new vscode.ThemeColor("charts.yellow")),
  "not-applicable": new vscode.ThemeIcon("circle-slash"),
  unjudged: new vscode.ThemeIcon("question"),
  error: new vscode.ThemeIcon("warning", new vscode.ThemeColor("problemsWarningIcon.foreground")),
};

const ROLE_PREFIX: Record<ScoreNode["role"], string> = { item: "", step: "step: ", condition: "if: ", then: "then: ", else: "else: " };

type Element = { kind: "headline"; result: ScoreResult } | { kind: "node"; node: ScoreNode; inCondition: boolean };

function tooltip(node: ScoreNode, inCondition: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${node.kind}** · ${conditionWords(node, inCondition) ?? node.status}\n\n`);
  md.appendText(node.text ?? node.label);
  // One row per value, names left and values right-aligned, so the numbers line up.
  md.appendMarkdown("\n\n| | |\n|:--|--:|\n");
  const rows: [string, number | null | undefined][] = [["r (value)", node.value], ["r' (after penalties)", node.adjusted], ["share", node.share], ["penalty factor", node.factor], ["adds to R", node.contribution]];
  for (const [name, value] of rows) if (value !== undefined) md.appendMarkdown(`| ${name} | ${formatValue(value)} |\n`);
  if (node.probability !== undefined) md.appendMarkdown(`\nJudge P(YES): ${node.probability.toFixed(3)}\n`);
  if (node.cached) md.appendMarkdown("\nVerdict served from the judge cache.\n");
  if (node.explanation) { md.appendMarkdown("\nEvidence: "); md.appendText(node.explanation.message); }
  if (node.evidence) { md.appendMarkdown("\nJudge's evidence: "); md.appendText(node.evidence); }
  if (node.error) { md.appendMarkdown("\n\nJudge error: "); md.appendText(node.error); }
  if (node.unjudgedReason) { md.appendMarkdown("\n\nNot judged: "); md.appendText(node.unjudgedReason); }
  else if (node.status === "unjudged") md.appendMarkdown("\n\nNo judge is configured, so this soft constraint was not judged: run **LsrIF: Configure Judge…**.");
  return md;
}

export class ScoreResultsProvider implements vscode.TreeDataProvider<Element> {
  private result: ScoreResult | undefined;
  private documentUri: vscode.Uri | undefined;
  /** The response's document, when it has one: selecting a leaf highlights what it was checked on there. */
  private response: ScoredResponse | undefined;
  /** Why the shown result no longer matches the texts it was computed from. */
  private stale: string | undefined;
  private readonly changed = new vscode.EventEmitter<Element | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  show(result: ScoreResult | undefined, documentUri: vscode.Uri | undefined, response?: ScoredResponse): void {
    this.result = result;
    this.documentUri = documentUri;
    this.response = response;
    this.stale = undefined;
    this.changed.fire(undefined);
  }

  markStale(reason: string): void {
    if (!this.result) return;
    this.stale = reason;
    this.changed.fire(undefined);
  }

  isStale(): boolean {
    return this.stale !== undefined;
  }

  private headlineLabel(result: ScoreResult): string {
    return this.stale ? `Stale: ${resultHeadline(result)}` : resultHeadline(result);
  }

  getChildren(element?: Element): Element[] {
    if (!this.result) return [];
    if (!element) return [{ kind: "headline", result: this.result }, { kind: "node", node: this.result.tree, inCondition: false }];
    if (element.kind !== "node") return [];
    return element.node.children.map((node) => ({ kind: "node", node, inCondition: element.inCondition || node.role === "condition" }));
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.kind === "headline") {
      const { result } = element;
      const item = new vscode.TreeItem(this.headlineLabel(result), vscode.TreeItemCollapsibleState.None);
      const s = result.summary;
      const conditions = s.conditionsHeld + s.conditionsNotHeld > 0 ? ` · conditions ${s.conditionsHeld} held, ${s.conditionsNotHeld} not` : "";
      item.description = `${s.passed} passed, ${s.failed} failed, ${s.unjudged} unjudged, ${s.errors} errors${conditions} · gamma ${result.gamma} · ${result.mode}${result.sharesNote ? ` · ${result.sharesNote}` : ""}`;
      item.tooltip = (result.complete
        ? "Every applicable constraint was checked."
        : "Incomplete: some soft constraints were not judged or their judge failed; R leaves them out.") + (result.sharesNote ? `\n${result.sharesNote}` : "");
      item.iconPath = new vscode.ThemeIcon("checklist");
      if (this.stale) {
        item.iconPath = new vscode.ThemeIcon("history", new vscode.ThemeColor("list.warningForeground"));
        item.description = `${this.stale} — Score Again to update`;
        item.tooltip = `${this.stale}. The values below are from the earlier texts; click to score again.`;
        item.command = { command: CLIENT_COMMANDS.rescore, title: "Score Again" };
      }
      return item;
    }
    const { node, inCondition } = element;
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(`${ROLE_PREFIX[node.role]}${node.label}`, collapsible);
    item.description = [conditionWords(node, inCondition), nodeSummary(node), judgeNote(node)].filter(Boolean).join(" · ");
    item.tooltip = tooltip(node, inCondition);
    item.iconPath = STATUS_ICONS[node.status];
    if (node.range && this.documentUri) {
      const spans = verdictSpans(node);
      const checked = this.response && spans ? [this.response, spans] : [];
      item.command = { command: INTERNAL_CLIENT_COMMANDS.revealScoreNode, title: "Show in editor", arguments: [this.documentUri, node.range, ...checked] };
    }
    return item;
  }
}
