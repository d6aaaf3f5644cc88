// One JSON POST with a per-request timeout, classified errors, and no secrets in messages.
//
// Sent with node:http(s) on keep-alive agents rather than fetch: a GRPO step sends
// thousands of judge requests, and fetch's WHATWG stream layers (a tee of every request
// body, web streams per reply, their garbage) left `lsrif serve` CPU-bound at
// concurrency 64; on the serve bench's soft step (3,840 requests) the server's CPU fell
// from 6.5 s to about 4 s with this (docs/benchmarks.md). node:http never follows redirects.

import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
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
async function readCapped(response: IncomingMessage, max: number): Promise<string> {
  const tooBig = () => new JudgeHttpError(`the judge's reply is larger than ${max} bytes; not read`, false, response.statusCode);
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    response.destroy();
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) {
      response.destroy();
      throw tooBig();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// One pool of kept-alive connections per protocol for every judge of the process.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** Sends the request; resolves with the response once its head has arrived. */
function send(url: string, payload: Buffer, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  const https = url.startsWith("https:");
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(url, {
      method: "POST",
      agent: https ? agents.https : agents.http,
      headers: { "content-type": "application/json", "content-length": String(payload.length), ...headers },
      signal,
    }, resolve);
    request.on("error", reject);
    request.end(payload);
  });
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
    if (!/^https?:\/\//i.test(url)) throw new JudgeHttpError(`the judge URL must start with http:// or https:// (got ${oneLine(clean(url), 200)})`, false);
    const response = await send(url, Buffer.from(JSON.stringify(body)), options.headers, controller.signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      response.destroy();
      const location = response.headers.location;
      const target = location === undefined ? "(no Location header)" : resolveTarget(location, url);
      throw new JudgeHttpError(
        `the judge endpoint redirected (HTTP ${status}) to ${oneLine(clean(target), 200)}; redirects are not followed, set the judge's base URL to the final address`,
        false, status);
    }
    const text = await readCapped(response, options.maxReplyBytes ?? MAX_REPLY_BYTES);
    if (status < 200 || status >= 300) {
      const retryAfter = response.headers["retry-after"];
      const retryAfterMs = parseRetryAfter(typeof retryAfter === "string" ? retryAfter : null, options.now());
      const transient = status === 429 || status >= 500;
      const excerpt = clean(text.slice(0, 300));
      throw new JudgeHttpError(`HTTP ${status}: ${excerpt}`, transient, status, retryAfterMs, excerpt);
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
