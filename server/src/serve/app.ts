// The HTTP layer of `lsrif serve` (fastify): auth, limits, draining, routes.
// Routes only translate bodies into items and items into replies; ItemScorer
// does the scoring. Logs carry counts and timings, never texts or tokens.

import { createHash, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { ServeMetrics } from "./metrics.js";
import { EXTRA_LOG_KEYS } from "./reward-block.js";
import { describeIssues, GetRewardBody, ScoreBatchBody, ScoreItem, type Detail } from "./schemas.js";
import type { InstructionSource } from "./instructions.js";
import type { ItemOutcome, ItemReply, ItemScorer } from "./score-item.js";

export type LogEvent = Record<string, unknown> & { event: string };

export interface AppConfig {
  scorer: ItemScorer;
  instructions: InstructionSource;
  metrics: ServeMetrics;
  /** Bearer token (LSRIF_SERVE_TOKEN); undefined: no auth. */
  token: string | undefined;
  bodyLimit: number;
  deadlineMs: number;
  maxInFlight: number;
  version: string;
  log: (event: LogEvent) => void;
}

export interface ServeApp {
  app: FastifyInstance;
  /** Requests being handled now (not /health or /metrics). */
  inFlight(): number;
  /** From now on every request but /health gets 503; resolves when none is in flight. */
  drain(): Promise<void>;
}

const OPEN_ROUTES = new Set(["/health"]);
const UNCAPPED_ROUTES = new Set(["/health", "/metrics"]);

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Constant-time: both sides are hashed to the same length before timingSafeEqual. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = header !== undefined && header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(body));
}

/** A label of OpenRLHF's: an instruction object, a JSON string of one, .lsr text, or an instruction id. */
function itemFromLabel(label: unknown, response: string, instructions: InstructionSource): unknown {
  if (typeof label === "number") return { instruction_id: String(label), response };
  if (typeof label === "string") {
    if (instructions.has(label)) return { instruction_id: label, response };
    if (/^\s*\{/.test(label) || label.includes("\n")) return { instruction: label, response };
    return { instruction_id: label, response };
  }
  if (typeof label === "object" && label !== null && !Array.isArray(label)) return { instruction: label, response };
  return { response };
}

/**
 * Runs `job` for each of `count` items under one deadline timer for the request.
 * `ownSignals`: each item gets its own signal, for when something listens to it (the
 * judge, the worker pool): Node's EventTarget checks each new listener against all the
 * others, so thousands of judge calls on one signal would cost quadratic time. Without a
 * listener (hard checks on the main thread) there is nothing to interrupt: no timer, no
 * controller. With own signals the items are also started in slices of
 * a few milliseconds, so the judge requests of the first items go out (and the judge
 * works) while the hard checks of later items still run, instead of after all of them.
 */
async function allWithDeadline<T>(count: number, ms: number, ownSignals: boolean, job: (index: number, signal: AbortSignal) => Promise<T>): Promise<T[]> {
  // Hard checks on the main thread cannot be interrupted, and nothing reads the signal: no timer.
  if (!ownSignals) return Promise.all(Array.from({ length: count }, (_, index) => job(index, NEVER_ABORTED)));
  const shared = new AbortController();
  const own: AbortController[] = [];
  const timer = setTimeout(() => {
    shared.abort();
    for (const controller of own) controller.abort();
  }, ms);
  try {
    const jobs: Promise<T>[] = [];
    let sliceStart = performance.now();
    for (let index = 0; index < count; index++) {
      const controller = new AbortController();
      own.push(controller);
      if (shared.signal.aborted) controller.abort();
      jobs.push(job(index, controller.signal));
      if (performance.now() - sliceStart > START_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return await Promise.all(jobs);
  } finally {
    clearTimeout(timer);
  }
}

const NEVER_ABORTED = new AbortController().signal;

/** How long items are started before the event loop gets a turn (judge requests go out). */
const START_SLICE_MS = 2;

export function buildApp(config: AppConfig): ServeApp {
  const { metrics, scorer } = config;
  const app = Fastify({ logger: false, bodyLimit: config.bodyLimit, return503OnClosing: true, forceCloseConnections: "idle" });
  // JSON.parse's own message names the position, which fastify's parser drops.
  // Prototype keys are harmless here: bodies go through zod, never merged into objects.
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(Object.assign(new Error(`malformed JSON body: ${(error as Error).message}`), { statusCode: 400, code: "LSRIF_BAD_JSON" }), undefined);
    }
  });
  let inFlight = 0;
  metrics.countInFlight(() => inFlight);
  let draining = false;
  let idle: (() => void) | undefined;

  app.addHook("onRequest", async (request, reply) => {
    const route = request.routeOptions.url ?? "other";
    const started = performance.now();
    let counted = false;
    reply.raw.once("close", () => {
      metrics.requests.inc({ endpoint: route, status: String(reply.statusCode) });
      metrics.latency.observe({ endpoint: route }, (performance.now() - started) / 1000);
      if (!counted) return;
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    if (config.token !== undefined && !OPEN_ROUTES.has(route) && !tokenMatches(request.headers.authorization, config.token)) {
      return sendJson(reply, 401, { error: "missing or wrong bearer token (Authorization: Bearer <LSRIF_SERVE_TOKEN>)" });
    }
    if (UNCAPPED_ROUTES.has(route)) return;
    if (draining) return sendJson(reply, 503, { error: "the server is shutting down" });
    if (inFlight >= config.maxInFlight) return sendJson(reply, 503, { error: `too many requests in flight (--max-in-flight ${config.maxInFlight})` });
    inFlight++;
    counted = true;
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    let message = error.message;
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") message = `the request body is larger than ${config.bodyLimit} bytes (--body-limit)`;
    else if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") message = "malformed JSON body: the body is empty";
    else if (status >= 500) config.log({ event: "internal-error", endpoint: request.routeOptions.url ?? "other", message: error.message });
    return sendJson(reply, status, { error: message });
  });
  app.setNotFoundHandler((request, reply) => sendJson(reply, 404, { error: `no such endpoint: ${request.method} ${request.url.split("?")[0]}` }));

  const scoreAll = async (items: unknown[], request: FastifyRequest, detail: Detail): Promise<ItemReply[]> => {
    const started = performance.now();
    const outcomes = await allWithDeadline(items.length, config.deadlineMs, scorer.listensToSignal, (index, signal) => scoreOne(items[index], signal, detail));
    const errors = outcomes.filter((o) => o.reply.reward.error === 1).length;
    // One line per batch or failure; one-item calls arrive by the thousand and are counted in /metrics.
    if (items.length > 1 || errors > 0) config.log({ event: "scored", endpoint: request.routeOptions.url, items: items.length, errors, ms: Math.round(performance.now() - started) });
    return outcomes.map((o) => o.reply);
  };

  /** `detail` is the request's; an item's own `detail` wins. */
  const scoreOne = async (raw: unknown, signal: AbortSignal, detail: Detail): Promise<ItemOutcome> => {
    const parsed = ScoreItem.safeParse(raw);
    const outcome = parsed.success
      ? await scorer.score(parsed.data, signal, config.deadlineMs, (parsed.data.detail ?? detail) === "full")
      : scorer.invalid(raw, `invalid item: ${describeIssues(parsed.error)}`);
    const { reward, reason } = outcome.reply;
    metrics.items.inc({ outcome: reward.error === 1 ? "error" : reason === "no </think>" ? "no_think" : "ok" });
    if (reward.error === 1) metrics.fallbacks.inc();
    if (outcome.verdicts > 0) metrics.verdicts.inc(outcome.verdicts);
    return outcome;
  };

  app.post("/v1/score", async (request, reply) => {
    const parsed = ScoreItem.safeParse(request.body);
    if (!parsed.success) return sendJson(reply, 400, { error: `invalid body: ${describeIssues(parsed.error)}` });
    const [result] = await scoreAll([parsed.data], request, "full");
    return sendJson(reply, 200, result);
  });

  app.post("/v1/score_batch", async (request, reply) => {
    const parsed = ScoreBatchBody.safeParse(request.body);
    if (!parsed.success) return sendJson(reply, 400, { error: `invalid body: ${describeIssues(parsed.error)}` });
    return sendJson(reply, 200, { results: await scoreAll(parsed.data.items, request, parsed.data.detail ?? "full") });
  });

  app.post("/get_reward", async (request, reply) => {
    const parsed = GetRewardBody.safeParse(request.body);
    if (!parsed.success) return sendJson(reply, 400, { error: `invalid body: ${describeIssues(parsed.error)}` });
    const { query, prompts, labels } = parsed.data;
    const items = query.map((text, i) => {
      const prompt = prompts?.[i];
      // OpenRLHF sends prompt + response; the response is what follows the prompt.
      const response = prompt !== undefined && text.startsWith(prompt) ? text.slice(prompt.length) : text;
      return itemFromLabel(labels?.[i], response, config.instructions);
    });
    const results = await scoreAll(items, request, "reward");
    const rewards = results.map((r) => r.reward.score);
    const extra_logs = Object.fromEntries(EXTRA_LOG_KEYS.map((key) => [key, results.map((r) => r.reward[key])]));
    return sendJson(reply, 200, { rewards, scores: rewards, extra_logs });
  });

  app.get("/health", async (_request, reply) => sendJson(reply, 200, { status: "ok", version: config.version }));

  app.get("/metrics", async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.code(200).type(metrics.registry.contentType).send(text);
  });

  return {
    app,
    inFlight: () => inFlight,
    drain: () => {
      draining = true;
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle = resolve;
      });
    },
  };
}
