// The front every judge shares: on-disk cache, sharing of identical in-flight
// requests, cancellation, and turning every failure into a status "error" verdict.
//
// Cancellation contract: when the caller's signal fires, judge() resolves (never
// rejects) with {status: "error", error: "cancelled"}; the HTTP request is aborted
// once no other caller is waiting for the same verdict.

import { cacheKey, type VerdictCache } from "./cache.js";
import { JudgeCancelledError } from "./http.js";
import type { VerdictSource } from "./source.js";
import type { JudgeTransport } from "./transport.js";
import { EXTRACTION_NEEDS_CHAT, type JudgeStats, type SoftJudge, type SoftJudgeRequest, type SoftVerdict, type SpanReplyResult, type SpanRequest } from "./types.js";

interface InFlight {
  verdict: Promise<SoftVerdict>;
  controller: AbortController;
  waiters: number;
}

const CANCELLED: SoftVerdict = { status: "error", error: "cancelled" };

export class CachingJudge implements SoftJudge {
  private readonly inFlight = new Map<string, InFlight>();
  private disposed = false;

  constructor(
    private readonly source: VerdictSource,
    private readonly cache: VerdictCache | undefined,
    private readonly transport: JudgeTransport,
  ) {}

  stats(): JudgeStats {
    return { ...this.transport.stats };
  }

  /** Aborts everything in flight; later calls return status "error". */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.inFlight.values()) entry.controller.abort();
  }

  async judge(request: SoftJudgeRequest, signal?: AbortSignal): Promise<SoftVerdict> {
    const verdict = await this.judgeOrCancel(request, signal);
    if (verdict.status === "error") this.transport.stats.failures++;
    return verdict;
  }

  /** The span a description names (`in extract "..."`), through the same cache; never rejects. */
  async extract(request: SpanRequest, signal?: AbortSignal): Promise<SpanReplyResult> {
    const { source } = this;
    if (source.extractSpan === undefined || source.spanCacheKeyParts === undefined) return { status: "unsupported", reason: EXTRACTION_NEEDS_CHAT };
    if (signal?.aborted || this.disposed) return { status: "error", error: "cancelled" };
    try {
      const key = cacheKey(source.spanCacheKeyParts(request));
      const cached = this.cache?.getSpan(key);
      if (cached !== undefined) {
        this.transport.stats.cacheHits++;
        return { status: "ok", span: cached, cached: true };
      }
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal?.addEventListener("abort", abort, { once: true });
      try {
        const reply = await source.extractSpan(request, controller.signal);
        // Only a span that can be used is kept: one not in the response stays a fresh question.
        if (reply.status === "ok" && reply.span !== "" && request.response.includes(reply.span)) await this.cache?.setSpan(key, reply.span);
        else if (reply.status === "error") this.transport.stats.failures++;
        return reply;
      } finally {
        signal?.removeEventListener("abort", abort);
      }
    } catch (error) {
      this.transport.stats.failures++;
      if (error instanceof JudgeCancelledError || signal?.aborted) return { status: "error", error: "cancelled" };
      return { status: "error", error: this.transport.clean(error instanceof Error ? error.message : String(error)) };
    }
  }

  private judgeOrCancel(request: SoftJudgeRequest, signal?: AbortSignal): Promise<SoftVerdict> {
    if (signal?.aborted || this.disposed) return Promise.resolve(CANCELLED);
    let key: string;
    try {
      key = cacheKey(this.source.cacheKeyParts(request));
    } catch (error) {
      return Promise.resolve({ status: "error", error: `bad request: ${String(error)}` });
    }
    let entry = this.inFlight.get(key);
    if (entry) {
      this.transport.stats.deduplicated++;
    } else {
      const controller = new AbortController();
      entry = { controller, waiters: 0, verdict: this.fetchVerdict(key, request, controller.signal) };
      this.inFlight.set(key, entry);
      const settled = entry;
      void settled.verdict.then(() => {
        if (this.inFlight.get(key) === settled) this.inFlight.delete(key);
      });
    }
    return join(entry, signal);
  }

  /** Never rejects. */
  private async fetchVerdict(key: string, request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict> {
    try {
      const cached = this.cache?.get(key);
      if (cached) {
        this.transport.stats.cacheHits++;
        return { ...cached, cached: true };
      }
      const verdict = await this.source.decide(request, signal);
      if (verdict.status !== "error") await this.cache?.set(key, verdict);
      return verdict;
    } catch (error) {
      if (error instanceof JudgeCancelledError || signal.aborted) return CANCELLED;
      const message = error instanceof Error ? error.message : String(error);
      return { status: "error", error: this.transport.clean(message) };
    }
  }
}

/** Waits for a shared verdict; leaving early aborts the request when nobody else waits. */
function join(entry: InFlight, signal?: AbortSignal): Promise<SoftVerdict> {
  entry.waiters++;
  return new Promise((resolve) => {
    const leave = () => {
      entry.waiters--;
      if (entry.waiters === 0) entry.controller.abort();
      resolve(CANCELLED);
    };
    signal?.addEventListener("abort", leave, { once: true });
    void entry.verdict.then((verdict) => {
      signal?.removeEventListener("abort", leave);
      resolve(verdict);
    });
  });
}
