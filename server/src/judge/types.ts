// The contract between the scorer and any soft-constraint judge.

export interface SoftJudgeRequest {
  /** The soft constraint, in natural language. */
  constraint: string;
  category?: string;
  /** The model response being scored. */
  response: string;
  /** The instruction's seed prompt, when known. */
  prompt?: string;
}

export interface SoftVerdict {
  /** `error`: the judge failed; never silently counted as pass or fail. */
  status: "pass" | "fail" | "error";
  /** P(YES) when the back end gives one. */
  probability?: number;
  evidence?: string;
  /** True when served from the on-disk cache. */
  cached?: boolean;
  /** Why the judge failed (no secrets). */
  error?: string;
}

export interface SoftJudge {
  judge(request: SoftJudgeRequest, signal?: AbortSignal): Promise<SoftVerdict>;
}

/** Counters a judge keeps over its lifetime. */
export interface JudgeStats {
  /** HTTP requests sent, including probes, re-asks and retries. */
  requestsSent: number;
  /** Verdicts served from the on-disk cache. */
  cacheHits: number;
  /** Requests repeated after a transient error. */
  retries: number;
  /** Verdicts returned with status "error" (cancellations included). */
  failures: number;
  /** Calls that joined an identical request already in flight. */
  deduplicated: number;
}
