// Judge settings (validated here, at the boundary) and the factory the scorer,
// the language server and the CLI call.

import { z } from "zod";
import { VerdictCache } from "./cache.js";
import { ChatVerdictSource } from "./chat-judge.js";
import { ClassifierVerdictSource, DEFAULT_CLASSIFIER_TEMPLATE } from "./classifier-judge.js";
import { CachingJudge } from "./judge.js";
import { realSleep } from "./retry.js";
import { JudgeTransport, type JudgeDeps } from "./transport.js";
import type { JudgeStats, SoftJudge } from "./types.js";

export const JudgeSettings = z.object({
  kind: z.enum(["chat", "classifier"]).default("chat"),
  /** Chat: the OpenAI-style base ending in /v1. Classifier: the server root. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  model: z.string().min(1),
  /** Only ever from an env var or SecretStorage; never logged, cached or part of a cache key. */
  apiKey: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
  concurrency: z.number().int().min(1).max(256).default(8),
  /** Undefined: no cache. */
  cacheDir: z.string().min(1).optional(),
  seed: z.number().int().default(0),
  temperature: z.literal(0).default(0),
  /** Used only by the 3-sample vote fallback. */
  voteTemperature: z.number().min(0).max(2).default(0.7),
  maxTokens: z.number().int().positive().default(512),
  classifierApi: z.enum(["vllm-classify", "tei-predict", "lsrif-predict"]).default("vllm-classify"),
  classifierTemplate: z.string().min(1).default(DEFAULT_CLASSIFIER_TEMPLATE),
  positiveIndex: z.number().int().min(0).optional(),
  positiveLabel: z.string().min(1).optional(),
  /** Classifier inputs per HTTP request (vllm-classify, tei-predict accept lists). */
  batchSize: z.number().int().min(1).max(1024).default(32),
});
export type JudgeSettings = z.output<typeof JudgeSettings>;
export type JudgeSettingsInput = z.input<typeof JudgeSettings>;

export type ManagedJudge = SoftJudge & { stats(): JudgeStats; dispose(): void };

/** Validation messages name the field and the problem, never the value. */
export function parseJudgeSettings(raw: unknown): { ok: true; settings: JudgeSettings } | { ok: false; error: string } {
  const parsed = JudgeSettings.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`).join("; ") };
}

/**
 * Builds a judge. Throws only when `settings` do not validate. The optional `deps`
 * replace the clock, sleep and randomness (tests).
 */
export function createJudge(settings: JudgeSettingsInput, log: (line: string) => void = () => {}, deps?: Partial<JudgeDeps>): ManagedJudge {
  const parsed = parseJudgeSettings(settings);
  if (!parsed.ok) throw new Error(`invalid judge settings: ${parsed.error}`);
  const valid = parsed.settings;
  const stats: JudgeStats = { requestsSent: 0, cacheHits: 0, retries: 0, failures: 0, deduplicated: 0 };
  const transport = new JudgeTransport(valid, stats, log, { sleep: realSleep, now: Date.now, random: Math.random, ...deps });
  const cache = valid.cacheDir === undefined ? undefined : new VerdictCache(valid.cacheDir);
  const lifetime = new AbortController();
  const source =
    valid.kind === "chat" ? new ChatVerdictSource(valid, transport, lifetime.signal) : new ClassifierVerdictSource(valid, transport);
  const judge = new CachingJudge(source, cache, transport);
  return {
    judge: (request, signal) => judge.judge(request, signal),
    stats: () => judge.stats(),
    dispose: () => {
      lifetime.abort();
      judge.dispose();
    },
  };
}
