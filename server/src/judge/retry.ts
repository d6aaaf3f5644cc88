// Retries transient failures with exponential backoff and jitter, honouring Retry-After
// up to a cap: no wait is longer than maxWaitMs, and none ends past the call's deadline
// (a 429 with `Retry-After: 86400` used to hang a run for a day). Past the deadline the
// call fails, so the verdict is `error`.

import { JudgeCancelledError, JudgeHttpError } from "./http.js";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  maxRetries: number;
  /** First backoff step; doubles each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest single wait, Retry-After included. */
  maxWaitMs: number;
  /** Budget for the whole call (attempts and waits), from its start, by `now`. */
  deadlineMs: number;
  now: () => number;
  sleep: Sleep;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: JudgeHttpError }) => void;
}

/** A real sleep that rejects with JudgeCancelledError when the signal fires. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new JudgeCancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new JudgeCancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Retry-After wins when given (capped by maxWaitMs); otherwise "equal jitter": half the step plus a random half. */
export function backoffDelay(retry: number, error: JudgeHttpError, options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "maxWaitMs" | "random">): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, options.maxWaitMs);
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + options.random() * (step / 2));
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const deadline = options.now() + options.deadlineMs;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof JudgeHttpError) || !error.transient || retry >= options.maxRetries) throw error;
      const delayMs = backoffDelay(retry, error, options);
      if (options.now() + delayMs > deadline) {
        const asked = error.retryAfterMs !== undefined ? ` (Retry-After asked for ${seconds(error.retryAfterMs)})` : "";
        throw new JudgeHttpError(
          `${error.message.slice(0, 200)}; not retried: waiting ${seconds(delayMs)}${asked} would pass this verdict's deadline of ${seconds(options.deadlineMs)}`,
          false, error.status);
      }
      options.onRetry?.({ attempt: retry + 1, delayMs, error });
      await options.sleep(delayMs, options.signal);
    }
  }
}
