// Connects the language client to the server's judge: the `lsrif` settings the
// server sees (with the judge section computed here under the workspace-trust
// rule), the per-user cache folder, and the answers to lsrif/judgeApiKey and
// lsrif/lmJudge.

import * as path from "node:path";
import * as vscode from "vscode";
import { DidChangeConfigurationNotification, type LanguageClient, type Middleware } from "vscode-languageclient/node";
import { JUDGE_API_KEY_REQUEST, JudgeApiKeyParams, LM_JUDGE_REQUEST, type JudgeApiKeyResult } from "../../../server/src/client-api.js";
import { effectiveJudgeSection } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";
import type { JudgeKeyStore } from "./judge-key.js";
import { judgeWithLanguageModel } from "./lm-judge.js";

/** `lsrif.judge.*` as the server may use it; see server/src/lsp/judge-trust.ts. */
export function judgeSection(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("lsrif.judge");
  return effectiveJudgeSection((key) => config.inspect(key), vscode.workspace.isTrusted);
}

/** The whole `lsrif` section as sent to the server. */
export function lsrifSection(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("lsrif");
  return { maxNestingDepth: config.get<number>("maxNestingDepth"), maxItemsComputed: config.get<number>("maxItemsComputed"), judge: judgeSection() };
}

export function initializationOptions(context: vscode.ExtensionContext): { settings: Record<string, unknown>; judgeCacheDir?: string } {
  const storage = context.globalStorageUri;
  return { settings: lsrifSection(), ...(storage.scheme === "file" ? { judgeCacheDir: path.join(storage.fsPath, "judge-cache") } : {}) };
}

/**
 * Replaces the judge settings in every `lsrif` configuration the server pulls or is
 * pushed, so it never sees workspace values the trust rule excludes.
 */
export function judgeSettingsMiddleware(client: () => LanguageClient | undefined): Middleware {
  return {
    workspace: {
      configuration: async (params, token, next) => {
        const answer = await next(params, token);
        if (!Array.isArray(answer)) return answer;
        return answer.map((value: unknown, i) => {
          const section = params.items[i]?.section;
          if (section === "lsrif") return { ...(typeof value === "object" && value !== null ? value : {}), judge: judgeSection() };
          if (section === "lsrif.judge") return judgeSection();
          return value;
        });
      },
      didChangeConfiguration: async () => {
        await client()?.sendNotification(DidChangeConfigurationNotification.type, { settings: { lsrif: lsrifSection() } });
      },
    },
  };
}

/** Registers the answers to the server's judge requests; call before or after start. */
export function registerJudgeRequests(client: LanguageClient, keys: JudgeKeyStore, log: Log): vscode.Disposable[] {
  return [
    client.onRequest(JUDGE_API_KEY_REQUEST, async (params: unknown): Promise<JudgeApiKeyResult> => {
      const parsed = JudgeApiKeyParams.safeParse(params);
      if (!parsed.success) return {};
      const apiKey = await keys.keyFor(parsed.data.baseUrl);
      return apiKey === undefined ? {} : { apiKey };
    }),
    client.onRequest(LM_JUDGE_REQUEST, (params: unknown, token: vscode.CancellationToken) => {
      const model = judgeSection().model;
      return judgeWithLanguageModel(params, typeof model === "string" ? model : "", token, log);
    }),
    // VS Code also fires a configuration change on trust; this makes sure the server re-reads.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { lsrif: lsrifSection() } });
    }),
  ];
}
