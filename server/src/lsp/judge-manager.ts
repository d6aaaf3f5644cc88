// The judge behind `lsrif.score` in the editor, rebuilt from the `lsrif.judge`
// settings whenever they change (the old judge is disposed, aborting its requests).
// kind none: nothing is sent anywhere. chat/classifier: createJudge with the
// per-user cache and the key the editor gives at scoring time. vscode-lm: the
// editor judges (lsrif/lmJudge). Invalid settings: every soft verdict is an error.

import { MessageType, ShowMessageNotification, type Connection } from "vscode-languageserver";
import { defaultJudgeCacheDir } from "../cli/judge-options.js";
import { createJudge, type JudgeSettings, type ManagedJudge } from "../judge/settings.js";
import { EXTRACTION_NEEDS_CHAT, type SoftJudge, type SoftVerdict } from "../judge/types.js";
import type { SoftJudgeProvider } from "./commands.js";
import { requestJudgeApiKey } from "./judge-api-key.js";
import { judgeSectionOf, resolveJudgeConfig, type JudgeConfig } from "./judge-config.js";
import { EditorLmJudge } from "./judge-lm.js";

type Env = Record<string, string | undefined>;

/** What the editor may pass in initializationOptions. */
interface JudgeInitOptions {
  /** A per-user folder for the verdict cache (VS Code: the extension's global storage). */
  judgeCacheDir?: unknown;
  /** The `lsrif` section, for editors that do not answer workspace/configuration. */
  settings?: unknown;
}

const CANCELLED: SoftVerdict = { status: "error", error: "cancelled" };

const failing = (error: string): SoftJudge => ({ judge: () => Promise.resolve({ status: "error", error }) });

/** Resolves to `value`, or to undefined as soon as `signal` fires. */
function unlessAborted<T>(value: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return value;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    void value.then((v) => {
      signal.removeEventListener("abort", onAbort);
      resolve(v);
    });
  });
}

export class EditorJudges {
  private cacheDir: string;
  private config: JudgeConfig = { kind: "none" };
  private configKey = JSON.stringify(this.config);
  /** The live HTTP judge, for the settings `configKey` and the key it was built with. */
  private http: { judge: ManagedJudge; configKey: string; apiKey: string | undefined } | undefined;
  private readonly lm: EditorLmJudge;
  private readonly log: (line: string) => void;

  constructor(private readonly connection: Connection, private readonly env: Env = process.env) {
    this.cacheDir = defaultJudgeCacheDir(env);
    this.lm = new EditorLmJudge(connection);
    this.log = (line) => connection.console.log(`judge: ${line}`);
  }

  initialize(initializationOptions: unknown): void {
    const options = (typeof initializationOptions === "object" && initializationOptions !== null ? initializationOptions : {}) as JudgeInitOptions;
    if (typeof options.judgeCacheDir === "string" && options.judgeCacheDir !== "") this.cacheDir = options.judgeCacheDir;
    if (options.settings !== undefined) this.configure(judgeSectionOf(options.settings));
  }

  /** `rawJudge`: the `judge` object of the `lsrif` section. Rebuilds only when it changed. */
  configure(rawJudge: unknown): void {
    const next = resolveJudgeConfig(rawJudge, this.cacheDir);
    const key = JSON.stringify(next);
    if (key === this.configKey) return;
    this.config = next;
    this.configKey = key;
    this.disposeHttp();
    if (next.kind === "invalid") this.log(`invalid settings: ${next.error}`);
    else if (next.kind === "http") this.log(`${next.settings.kind} judge at ${new URL(next.settings.baseUrl).origin}, model ${next.settings.model}`);
    else this.log(next.kind === "none" ? "no judge configured; soft constraints stay unjudged" : "the editor's language models judge (vscode.lm)");
  }

  /** Called once per `lsrif.score`. */
  readonly provider: SoftJudgeProvider = () => {
    const config = this.config;
    switch (config.kind) {
      case "none":
        return undefined;
      case "vscode-lm":
        return this.lm;
      case "invalid":
        return this.invalidSession(config.error);
      case "http":
        return this.httpSession(config.settings, this.configKey);
    }
  };

  dispose(): void {
    this.disposeHttp();
  }

  private disposeHttp(): void {
    this.http?.judge.dispose();
    this.http = undefined;
  }

  private invalidSession(error: string): SoftJudge {
    let shown = false;
    return {
      judge: () => {
        if (!shown) {
          shown = true;
          // A notification, not a request: nothing to wait for, and nothing to fail.
          void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `LsrIF: the judge settings are invalid: ${error}` });
        }
        return Promise.resolve({ status: "error", error: `invalid judge settings: ${error}` });
      },
    };
  }

  /** The key is asked once per scoring, on the first soft constraint, so a stored or changed key is used at once. */
  private httpSession(settings: JudgeSettings, configKey: string): SoftJudge {
    let ready: Promise<SoftJudge> | undefined;
    return {
      judge: async (request, signal) => {
        ready ??= this.httpJudgeFor(settings, configKey);
        const judge = await unlessAborted(ready, signal);
        return judge ? judge.judge(request, signal) : CANCELLED;
      },
      // `in extract "..."` scopes: the same judge names the span.
      extract: async (request, signal) => {
        ready ??= this.httpJudgeFor(settings, configKey);
        const judge = await unlessAborted(ready, signal);
        if (!judge) return { status: "error", error: "cancelled" };
        return judge.extract ? judge.extract(request, signal) : { status: "unsupported", reason: EXTRACTION_NEEDS_CHAT };
      },
    };
  }

  /** Never rejects. Reuses the live judge (its limiter, probe and in-flight sharing) while settings and key stay the same. */
  private async httpJudgeFor(settings: JudgeSettings, configKey: string): Promise<SoftJudge> {
    const apiKey = await requestJudgeApiKey(this.connection, settings.baseUrl, this.env, this.log);
    if (configKey !== this.configKey) return failing("the judge settings changed while scoring; score again");
    if (this.http && this.http.configKey === configKey && this.http.apiKey === apiKey) return this.http.judge;
    this.disposeHttp();
    try {
      const judge = createJudge({ ...settings, ...(apiKey !== undefined ? { apiKey } : {}) }, this.log);
      this.http = { judge, configKey, apiKey };
      return judge;
    } catch (error) {
      return failing(error instanceof Error ? error.message : String(error));
    }
  }
}
