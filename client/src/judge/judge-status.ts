// The status bar item for the judge: which judge is configured and whether it answered
// the last time it was asked (the connection test or a score). A click configures it.

import * as vscode from "vscode";
import type { JudgeTestResult } from "../../../server/src/client-api.js";
import type { ScoreResult } from "../../../server/src/client-api.js";
import { judgeSection } from "./judge-wiring.js";

type Reachable = "unknown" | "yes" | "no";

export const createJudgeStatusItem = (): vscode.StatusBarItem => vscode.window.createStatusBarItem("lsrif.judgeStatus", vscode.StatusBarAlignment.Left, 49);

export class JudgeStatus implements vscode.Disposable {
  private reachable: Reachable = "unknown";
  private lastError: string | undefined;
  private readonly subscription: vscode.Disposable;

  /** `item` is passed in so the e2e test harness can read what it says. */
  constructor(configureCommand: string, private readonly item: vscode.StatusBarItem = createJudgeStatusItem()) {
    this.item.name = "LsrIF judge";
    this.item.command = configureCommand;
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("lsrif.judge")) return;
      this.reachable = "unknown";
      this.render();
    });
    this.render();
  }

  update(result: JudgeTestResult): void {
    this.reachable = !result.configured ? "unknown" : result.ok ? "yes" : "no";
    this.lastError = result.configured && !result.ok ? result.error : undefined;
    this.render();
  }

  /** A score tells too: a judged soft constraint means it answered; only errors mean it did not. */
  noteScore(result: ScoreResult): void {
    const leaves: ScoreResult["tree"][] = [];
    const visit = (n: ScoreResult["tree"]) => {
      if (n.kind === "soft") leaves.push(n);
      n.children.forEach(visit);
    };
    visit(result.tree);
    const judged = leaves.filter((l) => l.status === "pass" || l.status === "fail");
    const errors = leaves.filter((l) => l.status === "error" && l.error !== "cancelled");
    if (judged.length > 0) this.update({ configured: true, ok: true, verdict: judged[0].status });
    else if (errors.length > 0) this.update({ configured: true, ok: false, error: errors[0].error ?? "judge error" });
  }

  private render(): void {
    const section = judgeSection();
    const kind = typeof section.kind === "string" ? section.kind : "none";
    const model = typeof section.model === "string" && section.model !== "" ? ` · ${section.model}` : "";
    if (kind === "none") {
      this.item.text = "$(circle-slash) Judge: none";
      this.item.tooltip = "LsrIF: no judge configured, so soft constraints stay unjudged. Click to configure one.";
    } else {
      const icon = this.reachable === "yes" ? "$(pass)" : this.reachable === "no" ? "$(error)" : "$(law)";
      const state = this.reachable === "yes" ? "reachable" : this.reachable === "no" ? "unreachable" : "not tested yet";
      this.item.text = `${icon} Judge: ${kind}${model}`;
      this.item.tooltip = `LsrIF judge: ${kind}${model} — ${state}${this.lastError ? ` (${this.lastError})` : ""}. Click to configure or test it.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
