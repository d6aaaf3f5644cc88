// Starts `lsrif serve` (in a CLI process, a test or the benchmark): builds the
// scorer, the app and the metrics, listens, and stops by draining.

import { renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { BatchInstructions } from "../cli/batch/instructions.js";
import type { ManagedJudge } from "../judge/settings.js";
import type { SoftValue } from "../scoring/leaf-verdicts.js";
import { buildApp, type LogEvent } from "./app.js";
import { HardCheckPool } from "./hard-pool.js";
import { packageVersion } from "../util/package-version.js";
import { InstructionSource } from "./instructions.js";
import { DEFAULT_FALLBACK_SCORE } from "./reward-block.js";
import { ServeMetrics } from "./metrics.js";
import { ItemScorer, type ScoreFunction } from "./score-item.js";

export interface ServeOptions {
  host: string;
  port: number;
  instructions?: BatchInstructions;
  judge?: ManagedJudge;
  token?: string;
  deadlineMs: number;
  fallbackScore: number;
  stripThinking: boolean;
  stripSuffix: boolean;
  softValue: SoftValue;
  maxInFlight: number;
  bodyLimit: number;
  scoreFunction?: ScoreFunction;
  /** Worker threads for hard-only items (0: score on the main thread). */
  workers?: number;
  log: (event: LogEvent) => void;
}

export const SERVE_DEFAULTS = {
  host: "127.0.0.1",
  port: 8765,
  deadlineMs: 60_000,
  fallbackScore: DEFAULT_FALLBACK_SCORE,
  maxInFlight: 4096,
  bodyLimit: 64 * 1024 * 1024,
} as const;

export interface RunningServer {
  url: string;
  port: number;
  /** Drains (in-flight requests finish, new ones get 503), then closes. */
  stop(): Promise<void>;
  /** Closes at once (a second signal). */
  close(): Promise<void>;
}


/** Loopback addresses only; `localhost` counts, since it resolves to loopback. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Writes FILE atomically (temp + rename) so a reader never sees half a URL. */
export function writePortFile(file: string, url: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, url + "\n");
  renameSync(temp, file);
}

export async function startServe(options: ServeOptions): Promise<RunningServer> {
  const instructions = new InstructionSource(options.instructions);
  const metrics = new ServeMetrics(() => options.judge?.stats());
  const pool = options.scoreFunction === undefined && (options.workers ?? 0) > 0 ? new HardCheckPool(options.workers as number) : undefined;
  const scorer = new ItemScorer(instructions, {
    judge: options.judge,
    fallbackScore: options.fallbackScore,
    stripThinking: options.stripThinking,
    stripSuffix: options.stripSuffix,
    softValue: options.softValue,
    scoreFunction: options.scoreFunction ?? pool?.scoreFunction,
  });
  const serve = buildApp({
    scorer, instructions, metrics,
    token: options.token,
    bodyLimit: options.bodyLimit,
    deadlineMs: options.deadlineMs,
    maxInFlight: options.maxInFlight,
    version: packageVersion(),
    log: options.log,
  });
  try {
    // A trainer opens hundreds of connections at once (one request per sample); the
    // default backlog of 511 resets the rest. The kernel caps it at somaxconn.
    await serve.app.listen({ host: options.host, port: options.port, backlog: Math.max(511, options.maxInFlight) });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const address = serve.app.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  options.log({
    event: "listening", url, port: address.port, instructions: instructions.preloadedCount,
    judge: options.judge !== undefined, auth: options.token !== undefined, workers: options.workers ?? 0,
  });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= serve.app.close().then(async () => {
    await pool?.close();
    options.log({ event: "stopped" });
  }));
  return {
    url,
    port: address.port,
    close,
    stop: async () => {
      options.log({ event: "draining", inFlight: serve.inFlight() });
      // Requests are bounded by the deadline; the margin covers writing the replies.
      const drained = await Promise.race([serve.drain().then(() => true), delay(options.deadlineMs + 5000).then(() => false)]);
      if (!drained) options.log({ event: "drain-timeout", inFlight: serve.inFlight() });
      await close();
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
