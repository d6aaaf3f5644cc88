// The judge flags shared by `lsrif score` and `lsrif score-batch`, turned into a
// validated judge. The API key comes only from LSRIF_JUDGE_API_KEY, never a flag.

import { homedir } from "node:os";
import { join } from "node:path";
import { createJudge, parseJudgeSettings, type JudgeSettings, type ManagedJudge } from "../judge/settings.js";
import { CliError, type Io } from "./io.js";

export const JUDGE_API_KEY_ENV = "LSRIF_JUDGE_API_KEY";

/** parseArgs option definitions for the judge flags. */
export const JUDGE_OPTIONS = {
  "judge-url": { type: "string" },
  "judge-model": { type: "string" },
  "judge-kind": { type: "string" },
  "classifier-api": { type: "string" },
  "judge-batch": { type: "string" },
  concurrency: { type: "string" },
  "timeout-ms": { type: "string" },
  "no-cache": { type: "boolean" },
  "cache-dir": { type: "string" },
  verbose: { type: "boolean" },
} as const;

export const JUDGE_USAGE = `Judge flags (score, score-batch); without --judge-url nothing is sent anywhere:
  --judge-url URL --judge-model M    an OpenAI-compatible base (…/v1) or a classifier server root
  --judge-kind chat|classifier       default chat
  --classifier-api vllm-classify|tei-predict|lsrif-predict
                                     the classifier's wire format (default vllm-classify)
  --judge-batch N                    classifier inputs per request (default 32; lsrif-predict sends 1)
  --concurrency N --timeout-ms N     requests in flight (default 8), per-request timeout (default 60000)
  --no-cache | --cache-dir DIR       default cache: $XDG_CACHE_HOME/lsrif/judge or ~/.cache/lsrif/judge
  --verbose                          judge log lines on stderr
  The API key is read from ${JUDGE_API_KEY_ENV} only.`;

/** The values parseArgs returns for JUDGE_OPTIONS (other options may be present). */
export type JudgeFlagValues = Partial<Record<keyof typeof JUDGE_OPTIONS, string | boolean | (string | boolean)[]>>;

type Env = Record<string, string | undefined>;

/** Settings field -> the flag (or variable) a user writes, for error messages. */
const FLAG_OF_FIELD: Record<string, string> = {
  kind: "--judge-kind",
  baseUrl: "--judge-url",
  model: "--judge-model",
  apiKey: JUDGE_API_KEY_ENV,
  timeoutMs: "--timeout-ms",
  concurrency: "--concurrency",
  classifierApi: "--classifier-api",
  batchSize: "--judge-batch",
  cacheDir: "--cache-dir",
};

export function defaultJudgeCacheDir(env: Env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg !== undefined && xdg.startsWith("/") ? xdg : join(home, ".cache");
  return join(base, "lsrif", "judge");
}

function stringFlag(values: JudgeFlagValues, name: keyof typeof JUDGE_OPTIONS): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function integerFlag(values: JudgeFlagValues, name: "concurrency" | "timeout-ms" | "judge-batch"): number | undefined {
  const raw = stringFlag(values, name);
  if (raw === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(raw)) throw new CliError(`--${name} must be a positive whole number (got '${raw}')`);
  return Number(raw);
}

/**
 * The judge settings the flags ask for, or undefined when no --judge-url is given.
 * Throws CliError (exit 2) on values the judge would not accept.
 */
export function judgeSettingsFromFlags(values: JudgeFlagValues, env: Env): JudgeSettings | undefined {
  const url = stringFlag(values, "judge-url");
  if (url === undefined) {
    const stray = (["judge-model", "judge-kind", "classifier-api", "judge-batch", "timeout-ms", "cache-dir", "no-cache"] as const).filter((name) => values[name] !== undefined);
    if (stray.length > 0) throw new CliError(`${stray.map((name) => `--${name}`).join(", ")} need${stray.length === 1 ? "s" : ""} --judge-url`);
    return undefined;
  }
  if (stringFlag(values, "judge-model") === undefined) throw new CliError("--judge-url needs --judge-model");
  if (values["no-cache"] === true && values["cache-dir"] !== undefined) throw new CliError("use either --no-cache or --cache-dir");
  const key = env[JUDGE_API_KEY_ENV];
  const raw = {
    kind: stringFlag(values, "judge-kind"),
    baseUrl: url,
    model: stringFlag(values, "judge-model"),
    apiKey: key === undefined || key === "" ? undefined : key,
    timeoutMs: integerFlag(values, "timeout-ms"),
    concurrency: integerFlag(values, "concurrency"),
    classifierApi: stringFlag(values, "classifier-api"),
    batchSize: integerFlag(values, "judge-batch"),
    cacheDir: values["no-cache"] === true ? undefined : (stringFlag(values, "cache-dir") ?? defaultJudgeCacheDir(env)),
  };
  const parsed = parseJudgeSettings(raw);
  if (parsed.ok) return parsed.settings;
  // parseJudgeSettings names fields, never values, so the key cannot leak here.
  const message = parsed.error.replace(/(^|; )([A-Za-z]+):/g, (_, sep: string, field: string) => `${sep}${FLAG_OF_FIELD[field] ?? field}:`);
  throw new CliError(`invalid judge settings: ${message}`);
}

/** A judge built from the flags (log lines to stderr with --verbose), or undefined without --judge-url. */
export function openJudgeFromFlags(values: JudgeFlagValues, env: Env, io: Io): ManagedJudge | undefined {
  const settings = judgeSettingsFromFlags(values, env);
  if (settings === undefined) return undefined;
  const log = values.verbose === true ? (line: string) => io.stderr(`judge: ${line}\n`) : undefined;
  return createJudge(settings, log);
}
