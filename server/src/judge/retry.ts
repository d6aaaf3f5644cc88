// Retries transient failures with exponential backoff and jitter, honouring Retry-After.

import { JudgeCancelledError, JudgeHttpError } from "./http.js";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  maxRetries: number;
  /** First backoff step; doubles each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
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

/** Retry-After wins when given; otherwise "equal jitter": half the step plus a random half. */
export function backoffDelay(retry: number, error: JudgeHttpError, options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + options.random() * (step / 2));
}

export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof JudgeHttpError) || !error.transient || retry >= options.maxRetries) throw error;
      const delayMs = backoffDelay(retry, error, options);
      options.onRetry?.({ attempt: retry + 1, delayMs, error });
      await options.sleep(delayMs, options.signal);
    }
  }
}
