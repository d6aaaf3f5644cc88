// The contract between the scorer and any soft-constraint judge.

export interface SoftJudgeRequest {
  /** The soft constraint, in natural language. */
  constraint: string;
  category?: string;
  /** The model response being scored. */
  response: string;
  /** The instruction's seed prompt, when known. */
  prompt?: string;
  /**
   * The whole response, when `response` is only the part a scope selected
   * (`in paragraph 1 { soft ... }`): shown to the judge as context.
   */
  context?: string;
}

/** Asks for the part of `response` that `description` names (`in extract "the checklist"`). */
export interface SpanRequest {
  description: string;
  response: string;
  prompt?: string;
}

export type SpanReplyResult =
  | { status: "ok"; span: string; cached?: boolean }
  | { status: "error"; error: string }
  /** The judge cannot answer in text (a classifier endpoint): the scope's constraints stay unjudged, with `reason`. */
  | { status: "unsupported"; reason: string };

/** Why `in extract "..."` leaves its constraints unjudged under a classifier judge (docs/language.md, "Extraction"). */
export const EXTRACTION_NEEDS_CHAT = 'in extract "..." needs a chat judge: the configured judge (a classifier) cannot name a span of the response';

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
  /** Span extraction for `in extract "..."`; under judges without it such scopes stay unjudged (EXTRACTION_NEEDS_CHAT). Never rejects. */
  extract?(request: SpanRequest, signal?: AbortSignal): Promise<SpanReplyResult>;
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
