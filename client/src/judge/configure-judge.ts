// "LsrIF: Configure Judge…": pick the kind, the URL and the model, store the key in
// SecretStorage, then test the connection with one probe question (lsrif.testJudge).
// Settings are written to the user settings; the workspace-trust rule is unchanged
// (judge/judge-wiring.ts): a trusted workspace's own judge settings still win.

import * as vscode from "vscode";
import { z } from "zod";
import { DidChangeConfigurationNotification, type LanguageClient } from "vscode-languageclient/node";
import { CLIENT_COMMANDS, type JudgeTestResult } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";
import type { ServerApi } from "../server-api.js";
import { originOf, type JudgeKeyStore } from "./judge-key.js";
import type { JudgeStatus } from "./judge-status.js";
import { judgeSection, lsrifSection } from "./judge-wiring.js";

export const CONFIGURE_JUDGE_COMMAND = CLIENT_COMMANDS.configureJudge;

/** Answers given up front (command arguments from links and tests): each one given is not asked. */
export const ConfigureJudgeAnswers = z.object({
  kind: z.enum(["none", "chat", "classifier", "vscode-lm"]).optional(),
  baseUrl: z.string().optional(),
  model: z.string().optional(),
  /** "" stores nothing (an endpoint without a key). */
  apiKey: z.string().optional(),
}).strict();
export type ConfigureJudgeAnswers = z.infer<typeof ConfigureJudgeAnswers>;
type Kind = NonNullable<ConfigureJudgeAnswers["kind"]>;

const KINDS: (vscode.QuickPickItem & { judgeKind: Kind })[] = [
  { judgeKind: "chat", label: "OpenAI-compatible chat model", description: "vLLM, Ollama, llama.cpp, LM Studio, OpenAI, gateways" },
  { judgeKind: "classifier", label: "Reward classifier", description: "vLLM classify or text-embeddings-inference predict API" },
  { judgeKind: "vscode-lm", label: "VS Code language model", description: "for example Copilot models; consent is asked on first use" },
  { judgeKind: "none", label: "No judge", description: "soft constraints stay unjudged; nothing is sent anywhere" },
];

function validUrl(value: string): string | undefined {
  return originOf(value.trim()) ? undefined : "An http:// or https:// URL, e.g. http://localhost:8000/v1";
}

export class JudgeSetup {
  constructor(
    private readonly api: ServerApi,
    private readonly client: LanguageClient,
    private readonly keys: JudgeKeyStore,
    private readonly status: JudgeStatus,
    private readonly log: Log,
  ) {}

  /** Runs the flow; resolves to the connection test's answer, or undefined when the user stopped. */
  async configure(answers: unknown = {}): Promise<JudgeTestResult | undefined> {
    const parsed = ConfigureJudgeAnswers.safeParse(answers ?? {});
    if (!parsed.success) {
      void vscode.window.showErrorMessage(`LsrIF: Configure Judge: invalid arguments: ${z.prettifyError(parsed.error)}`);
      return undefined;
    }
    const given = parsed.data;
    const config = vscode.workspace.getConfiguration("lsrif.judge");
    const kind = given.kind ?? (await vscode.window.showQuickPick(KINDS, { title: "LsrIF: Configure Judge (1/3): which judge scores soft constraints?", ignoreFocusOut: true }))?.judgeKind;
    if (!kind) return undefined;
    let baseUrl = config.get<string>("baseUrl", "");
    let model = config.get<string>("model", "");
    if (kind === "chat" || kind === "classifier") {
      const url = given.baseUrl ?? (await vscode.window.showInputBox({
        title: "LsrIF: Configure Judge (2/3): endpoint URL",
        prompt: kind === "chat" ? "The base URL of the chat completions API (…/v1)" : "The base URL of the classifier endpoint",
        value: baseUrl || "http://localhost:8000/v1",
        ignoreFocusOut: true,
        validateInput: validUrl,
      }));
      if (url === undefined) return undefined;
      baseUrl = url.trim();
      const name = given.model ?? (await vscode.window.showInputBox({
        title: "LsrIF: Configure Judge (3/3): model name",
        prompt: "The model name sent to the endpoint",
        value: model,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === "" ? "The endpoint needs a model name." : undefined),
      }));
      if (name === undefined) return undefined;
      model = name.trim();
    } else if (kind === "vscode-lm") {
      model = given.model ?? (await vscode.window.showInputBox({ title: "LsrIF: Configure Judge: model family (optional)", value: model, ignoreFocusOut: true })) ?? model;
    }

    const target = vscode.ConfigurationTarget.Global;
    await config.update("kind", kind, target);
    if (kind === "chat" || kind === "classifier") {
      await config.update("baseUrl", baseUrl, target);
      await config.update("model", model, target);
      const origin = originOf(baseUrl)!;
      if (given.apiKey !== undefined) {
        if (given.apiKey !== "") await this.keys.store(origin, given.apiKey);
      } else if (!(await this.keys.hasKeyFor(baseUrl))) {
        await this.keys.ask(origin, true);
      }
    } else if (kind === "vscode-lm") {
      await config.update("model", model, target);
    }
    this.warnIfShadowed();
    // The server gets the new settings before the test, on the same connection (messages stay in order).
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { lsrif: lsrifSection() } });
    return this.test();
  }

  /** Asks the judge one question; shows and logs the outcome and updates the status bar. */
  async test(): Promise<JudgeTestResult> {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "LsrIF: testing the judge…" },
      () => this.api.testJudge(),
    );
    this.status.update(result);
    if (!result.configured) {
      void vscode.window.showInformationMessage("LsrIF: no judge is configured; soft constraints stay unjudged.");
    } else if (result.ok) {
      this.log.info(`Judge test: answered ${result.verdict}`);
      void vscode.window.showInformationMessage(`LsrIF: the judge answered (${result.verdict}${result.probability !== undefined ? `, P(YES) ${result.probability.toFixed(2)}` : ""}). Soft constraints will be judged.`);
    } else {
      this.log.warn(`Judge test failed: ${result.error}`);
      void offerJudgeFix(`LsrIF: the judge did not answer: ${result.error}`);
    }
    return result;
  }

  /** A trusted workspace that sets its own judge overrides the user settings just written: say so. */
  private warnIfShadowed(): void {
    const inspect = vscode.workspace.getConfiguration("lsrif.judge").inspect("kind");
    const effective = judgeSection().kind;
    if (inspect?.workspaceValue !== undefined && effective === inspect.workspaceValue && inspect.workspaceValue !== inspect.globalValue) {
      void vscode.window.showWarningMessage(`LsrIF: this workspace's settings set lsrif.judge.kind to "${String(inspect.workspaceValue)}", which overrides your user settings here.`);
    }
  }
}

/**
 * A judge problem as a toast with the commands that fix it: "Configure Judge…" always,
 * "Set API Key" when the message is about authorisation.
 */
export async function offerJudgeFix(message: string): Promise<void> {
  const configure = "Configure Judge…";
  const setKey = "Set API Key";
  const auth = /\b(401|403|unauthori[sz]ed|forbidden|api key|authenticat)/i.test(message);
  const answer = await vscode.window.showErrorMessage(message, ...(auth ? [setKey, configure] : [configure]));
  if (answer === configure) await vscode.commands.executeCommand(CONFIGURE_JUDGE_COMMAND);
  else if (answer === setKey) await vscode.commands.executeCommand(CLIENT_COMMANDS.setJudgeApiKey);
}
