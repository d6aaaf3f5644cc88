// What a judge back end provides to the caching, deduplicating front (judge.ts).

import { JudgeCancelledError } from "./http.js";
import type { SoftJudgeRequest, SoftVerdict, SpanReplyResult, SpanRequest } from "./types.js";

export interface VerdictSource {
  /**
   * Everything that determines the verdict, for the cache key: base URL, model,
   * messages (with the nonce replaced by a placeholder), schema, sampling settings.
   * Never the API key.
   */
  cacheKeyParts(request: SoftJudgeRequest): Record<string, unknown>;
  /** Asks the back end; may throw JudgeHttpError or JudgeCancelledError. */
  decide(request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict>;
  /** Span extraction (`in extract "..."`), for back ends that can answer in text. */
  spanCacheKeyParts?(request: SpanRequest): Record<string, unknown>;
  extractSpan?(request: SpanRequest, signal: AbortSignal): Promise<SpanReplyResult>;
}

/** P(YES) >= 0.5 passes. */
export function statusOf(probability: number): "pass" | "fail" {
  return probability >= 0.5 ? "pass" : "fail";
}

/** Settles with `promise`, or rejects with JudgeCancelledError as soon as `signal` fires. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new JudgeCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new JudgeCancelledError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
