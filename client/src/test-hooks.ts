// The editor tier's window into the extension: one hidden command, `lsrif.test.state`,
// registered only when the test runner sets LSRIF_TEST_HOOKS=1 (test/e2e/README.md,
// "Test harness"). It records what the production parts announce (events, tree data,
// the status bar item) and answers a snapshot, so no production class keeps state for
// tests. Users never get the command: it is not contributed and not registered.

import * as vscode from "vscode";
import { INTERNAL_CLIENT_COMMANDS, type ScoreNode, type ScoreResult } from "../../server/src/client-api.js";
import type { LogicTreePanel, TreeMessage } from "./logic-tree/panel.js";
import type { ScoreDecorations } from "./scoring/decorations.js";
import type { MarkedLeaf } from "./scoring/marks.js";
import type { ReportPanel } from "./report/report-panel.js";
import type { ScoreResultsProvider } from "./scoring/results-tree.js";
import type { ScoreAllProvider, ScoredRow } from "./scoring/score-all.js";

export const TEST_STATE_COMMAND = INTERNAL_CLIENT_COMMANDS.testState;
/** Clicks in the report page: `(key: string)` a chart mark, `(index: number)` a listed response. */
export const TEST_REPORT_CLICK_COMMAND = INTERNAL_CLIENT_COMMANDS.testReportClick;
export const TEST_HOOKS_ENV = "LSRIF_TEST_HOOKS";

/** What `lsrif.test.state` answers (mirrored by test/e2e/helpers/test-state.ts). */
export interface TestState {
  /** The LsrIF Score view's node rows, depth first: each node and the command a click on its row runs. */
  scoreRows: readonly { node: ScoreNode; command?: vscode.Command }[];
  /** The result the LsrIF Score view shows (the last score, or an opened Score All row); none after Clear Score. */
  lastScore?: ScoreResult;
  /** The view's headline as drawn ("R = 0.500 · complete", "Stale: …"), and whether the result is stale. */
  results: { headline?: string; stale: boolean };
  /** The failure marks in the editor of the uri passed to the command (none without one). */
  marks: readonly MarkedLeaf[];
  /** The last drawing posted to the logic-tree webview. */
  logicTree?: TreeMessage;
  /** Score All Responses rows in the view's order. */
  scoreAll: readonly ScoredRow[];
  /** The judge status bar item's text. */
  judgeStatus: string;
  /** The report page's messages since it last opened, and the last line read back for it. */
  report: { events: readonly unknown[]; lastLine?: unknown };
}

export interface ObservedParts {
  logicTree: LogicTreePanel;
  decorations: ScoreDecorations;
  results: ScoreResultsProvider;
  scoreAll: ScoreAllProvider;
  judgeStatusItem: vscode.StatusBarItem;
  report: ReportPanel;
}

/** Registers the harness when LSRIF_TEST_HOOKS=1; otherwise returns nothing to dispose. */
export function registerTestHooks(parts: ObservedParts): vscode.Disposable[] {
  if (process.env[TEST_HOOKS_ENV] !== "1") return [];
  const marks = new Map<string, readonly MarkedLeaf[]>();
  let logicTree: TreeMessage | undefined;
  const report: { events: unknown[]; lastLine?: unknown } = { events: [] };
  const state = (uri?: unknown): TestState => {
    const headline = parts.results.getChildren().find((e) => e.kind === "headline");
    const label = headline ? parts.results.getTreeItem(headline).label : undefined;
    return {
      ...(headline?.kind === "headline" ? { lastScore: headline.result } : {}),
      results: { ...(label !== undefined ? { headline: typeof label === "string" ? label : label.label } : {}), stale: parts.results.isStale() },
      scoreRows: scoreRows(parts.results),
      marks: marks.get(String(uri)) ?? [],
      ...(logicTree ? { logicTree } : {}),
      scoreAll: parts.scoreAll.getChildren(),
      judgeStatus: parts.judgeStatusItem.text,
      report: { events: [...report.events], ...(report.lastLine !== undefined ? { lastLine: report.lastLine } : {}) },
    };
  };
  return [
    parts.decorations.onDidChangeMarks((e) => marks.set(e.uri.toString(), e.marks)),
    parts.logicTree.onDidPostMessage((m) => { logicTree = m; }),
    parts.report.onDidExchange((e) => {
      if (e.kind === "opened") report.events = [];
      else if (e.kind === "page") report.events.push(e.message);
      else report.lastLine = e.line;
    }),
    vscode.commands.registerCommand(TEST_STATE_COMMAND, state),
    vscode.commands.registerCommand(TEST_REPORT_CLICK_COMMAND, (target: unknown) =>
      parts.report.postToPage(typeof target === "number" ? { type: "clickLine", index: target } : { type: "click", key: String(target) })),
  ];
}

function scoreRows(results: ScoreResultsProvider): { node: ScoreNode; command?: vscode.Command }[] {
  const rows: { node: ScoreNode; command?: vscode.Command }[] = [];
  const visit = (element: ReturnType<ScoreResultsProvider["getChildren"]>[number]): void => {
    if (element.kind === "node") {
      const command = results.getTreeItem(element).command;
      rows.push({ node: element.node, ...(command ? { command } : {}) });
    }
    for (const child of results.getChildren(element)) visit(child);
  };
  for (const element of results.getChildren()) visit(element);
  return rows;
}
