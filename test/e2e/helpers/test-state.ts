// The editor tier's view of the extension's state: `lsrif.test.state`, a hidden
// command the extension registers only under LSRIF_TEST_HOOKS=1 (set by both runners).
// The shape mirrors `TestState` in client/src/test-hooks.ts (this project compiles
// apart from the client, so it declares what it reads). See ../README.md, "Test harness".
import * as vscode from "vscode";

export interface OffsetRange { start: number; end: number }
export interface ScoreNodeLike { label: string; status: string; scope?: string; spans?: OffsetRange[]; explanation?: { message: string; spans: OffsetRange[] }; children: ScoreNodeLike[] }
export interface ScoreResultLike { score: number; complete: boolean; tree: ScoreNodeLike; summary: { passed: number; failed: number } }
export interface TreeMessage { svg: string; caption: string; error?: string }

export interface TestState {
  /** The Score view's node rows, depth first, with the command a click on each row runs. */
  scoreRows: readonly { node: ScoreNodeLike; command?: vscode.Command }[];
  lastScore?: ScoreResultLike;
  results: { headline?: string; stale: boolean };
  /** The marks of the uri asked for. */
  marks: readonly { status: "fail" | "error"; label: string; range: OffsetRange; why?: string }[];
  logicTree?: TreeMessage;
  scoreAll: readonly { name: string; result?: ScoreResultLike; error?: string }[];
  judgeStatus: string;
  report: { events: readonly { type: string; marks?: number; key?: string; count?: number; text?: string }[]; lastLine?: { value?: { id?: string } } };
}

/** A click in the report page: a chart mark by its drill-down key, or the index-th listed response. */
export async function clickInReport(target: string | number): Promise<boolean> {
  return (await vscode.commands.executeCommand<boolean | undefined>("lsrif.test.reportClick", target)) === true;
}

/** A snapshot of the extension's state; `uri` picks whose editor marks to return. */
export async function testState(uri?: vscode.Uri): Promise<TestState> {
  const state = await vscode.commands.executeCommand<TestState | undefined>("lsrif.test.state", uri?.toString());
  if (!state) throw new Error("lsrif.test.state is not registered: run the editor tier with LSRIF_TEST_HOOKS=1");
  return state;
}
