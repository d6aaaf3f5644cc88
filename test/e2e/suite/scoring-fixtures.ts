// The response and result shape the judge-related editor tests share, with the
// expected values worked out by hand against examples/figure1.lsr.
import * as vscode from "vscode";

/**
 * Two sentences (the hard `sentences < 4` check passes) without the word "error",
 * so the If of step 3 takes its else branch (bolded_core_idea).
 */
export const FIGURE1_RESPONSE = "Reproduce the failure locally. Then fix the cause.";

/** The soft constraint the runner's loopback judge answers NO; every other soft gets YES. */
export const JUDGE_SAYS_NO = "Use a formal, technical style.";

export interface ScoreSummaryLike { passed: number; failed: number; unjudged: number; errors: number }
export interface ScoredLike { score: number; complete: boolean; summary: ScoreSummaryLike }

/** Runs Score Response on `uri` with `response` given, so no quick pick is shown. */
export async function scoreWith(uri: vscode.Uri, response: string): Promise<ScoredLike> {
  const result = await vscode.commands.executeCommand<ScoredLike | undefined>("lsrif.scoreResponse", uri, response);
  if (!result) throw new Error("Score Response returned no result");
  return result;
}
