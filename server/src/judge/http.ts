// One JSON POST with a per-request timeout, classified errors, and no secrets in messages.

import { oneLine } from "../../../grammars/src/index.js";
import { redact } from "./redact.js";

/** Judge replies are small (a verdict, a few probabilities); a bigger one is refused unread. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** Why a request failed; `transient` errors are worth retrying. */
export class JudgeHttpError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** Parsed Retry-After, in milliseconds from now. */
    readonly retryAfterMs?: number,
    /** The raw error body (redacted), for callers that inspect 400 messages. */
    readonly body?: string,
  ) {
    super(message);
    this.name = "JudgeHttpError";
  }
}

/** The caller's AbortSignal fired. */
export class JudgeCancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "AbortError";
  }
}

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Strings that must never appear in an error message (the API key). */
  secrets: readonly string[];
  /** For HTTP-date Retry-After values. */
  now: () => number;
  /** Default MAX_REPLY_BYTES. */
  maxReplyBytes?: number;
}

const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if (/socket hang up|other side closed/i.test(current.message)) return "ECONNRESET";
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function resolveTarget(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** The body as text, refusing (unread) a declared or actual size over `max` bytes. */
async function readCapped(response: Response, max: number): Promise<string> {
  const tooBig = () => new JudgeHttpError(`the judge's reply is larger than ${max} bytes; not read`, false, response.status);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * POSTs `body` as JSON and returns the parsed JSON reply (or the text when it is
 * not JSON). Throws JudgeHttpError or JudgeCancelledError.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<unknown> {
  // One controller fed by the timer and the caller's signal (cheaper than AbortSignal.any per request).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const clean = (text: string) => redact(text, options.secrets);
  try {
    if (options.signal?.aborted) throw new JudgeCancelledError();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: JSON.stringify(body),
      signal: controller.signal,
      // A redirect would resend the response under test and the prompt (and the key) elsewhere.
      redirect: "manual",
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      const target = location === null ? "(no Location header)" : resolveTarget(location, url);
      throw new JudgeHttpError(
        `the judge endpoint redirected (HTTP ${response.status}) to ${oneLine(clean(target), 200)}; redirects are not followed, set the judge's base URL to the final address`,
        false, response.status);
    }
    const text = await readCapped(response, options.maxReplyBytes ?? MAX_REPLY_BYTES);
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), options.now());
      const transient = response.status === 429 || response.status >= 500;
      const excerpt = clean(text.slice(0, 300));
      throw new JudgeHttpError(`HTTP ${response.status}: ${excerpt}`, transient, response.status, retryAfterMs, excerpt);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  } catch (error) {
    if (error instanceof JudgeHttpError || error instanceof JudgeCancelledError) throw error;
    if (options.signal?.aborted) throw new JudgeCancelledError();
    if (timedOut) throw new JudgeHttpError(`timeout after ${options.timeoutMs} ms`, true);
    const code = networkCode(error);
    const message = clean(error instanceof Error ? error.message : String(error));
    throw new JudgeHttpError(code ? `${code}: ${message}` : message, code !== undefined && TRANSIENT_CODES.has(code));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}
