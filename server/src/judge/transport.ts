// Sends a judge's HTTP requests: concurrency limit, retries, timeouts, stats and
// redacted log lines. Both back ends (chat, classifier) post through this.

import { JudgeHttpError, postJson } from "./http.js";
import { AdaptiveLimiter } from "./limiter.js";
import { redact, redactJson } from "./redact.js";
import { withRetry, type Sleep } from "./retry.js";
import type { JudgeStats } from "./types.js";

export interface TransportSettings {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
}

/** Injectable clock, sleep and randomness (tests pin them). */
export interface JudgeDeps {
  sleep: Sleep;
  now: () => number;
  random: () => number;
}

/** The longest wait between two attempts, also when a Retry-After asks for more. */
export const MAX_WAIT_MS = 30_000;

/**
 * One call's budget, waits included: as long as every attempt could take with its
 * timeout. A wait that would end past it is not made, and the verdict is `error`.
 */
export function verdictDeadlineMs(settings: Pick<TransportSettings, "timeoutMs" | "maxRetries">): number {
  return (settings.maxRetries + 1) * settings.timeoutMs;
}

export class JudgeTransport {
  readonly limiter: AdaptiveLimiter;
  private readonly secrets: string[];

  constructor(
    private readonly settings: TransportSettings,
    readonly stats: JudgeStats,
    private readonly sink: (line: string) => void,
    private readonly deps: JudgeDeps,
  ) {
    this.limiter = new AdaptiveLimiter(settings.concurrency);
    this.secrets = settings.apiKey ? [settings.apiKey] : [];
  }

  log(line: string): void {
    this.sink(redact(line, this.secrets));
  }

  /** Redacts secrets from text that may end up in a verdict's `error`. */
  clean(text: string): string {
    return redact(text, this.secrets);
  }

  /** POSTs to baseUrl + path with retries; throws JudgeHttpError or JudgeCancelledError. */
  post(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const url = this.settings.baseUrl.replace(/\/+$/, "") + path;
    const headers: Record<string, string> = {};
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    return withRetry(
      () =>
        this.limiter.run(async () => {
          this.stats.requestsSent++;
          const started = this.deps.now();
          try {
            const raw = await postJson(url, body, {
              headers,
              timeoutMs: this.settings.timeoutMs,
              signal,
              secrets: this.secrets,
              now: this.deps.now,
            });
            // Whatever the judge says (evidence, echoed headers) is redacted before anyone sees it.
            const reply = redactJson(raw, this.secrets);
            this.limiter.onSuccess();
            this.log(`POST ${path} -> ok (${this.deps.now() - started} ms)`);
            return reply;
          } catch (error) {
            if (error instanceof JudgeHttpError && error.status === 429) this.limiter.onRateLimited();
            this.log(`POST ${path} -> ${error instanceof Error ? error.message : String(error)}`);
            throw error;
          }
        }, signal),
      {
        maxRetries: this.settings.maxRetries,
        baseDelayMs: 250,
        maxDelayMs: 8000,
        maxWaitMs: MAX_WAIT_MS,
        deadlineMs: verdictDeadlineMs(this.settings),
        now: this.deps.now,
        sleep: this.deps.sleep,
        random: this.deps.random,
        signal,
        onRetry: ({ attempt, delayMs, error }) => {
          this.stats.retries++;
          this.log(`retry ${attempt}/${this.settings.maxRetries} in ${delayMs} ms after ${error.message.slice(0, 80)}`);
        },
      },
    );
  }
}
