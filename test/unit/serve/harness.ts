// Starts a real `lsrif serve` (fastify on 127.0.0.1, port 0) in this process,
// with captured log events, and posts JSON to it with fetch.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBatchInstructions } from "../../../server/src/cli/batch/instructions.js";
import type { LogEvent } from "../../../server/src/serve/app.js";
import { SERVE_DEFAULTS, startServe, type RunningServer, type ServeOptions } from "../../../server/src/serve/server.js";

/** Hard-only, Parallel of two: "hello world" 1, "hello, world" 0.5, "Hello, world" 0. */
export const HARD_LSR = "no_comma\nchange_case:english_lowercase\n";

/** Sequential: formal (soft) -> no comma (hard) -> keeper (soft), gamma 0.5. */
export const SEQUENCE_LSR = `prompt "Describe a lighthouse."
gamma 0.5
first soft style "Use a formal tone."
then no_comma
then soft content "Mention the keeper."
`;

export const REWARD_KEYS_IN_ORDER = ["score", "flat", "hard", "soft", "complete", "error"];

/** A parsed JSON reply; tests read whatever fields they assert on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonReply = any;

export interface TestServer extends RunningServer {
  logs: LogEvent[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: JsonReply }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
}

/** A directory with hard.lsr and sequence.lsr, preloaded as ids "hard" and "sequence". */
export function instructionDir(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-serve-"));
  writeFileSync(join(dir, "hard.lsr"), HARD_LSR);
  writeFileSync(join(dir, "sequence.lsr"), SEQUENCE_LSR);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const quietIo = { stdout: () => {}, stderr: () => {}, readStdin: () => "" };

export async function startTestServer(options: Partial<ServeOptions> & { instructionsPath?: string } = {}): Promise<TestServer> {
  const logs: LogEvent[] = [];
  const { instructionsPath, ...rest } = options;
  const server = await startServe({
    host: "127.0.0.1",
    port: 0,
    deadlineMs: SERVE_DEFAULTS.deadlineMs,
    fallbackScore: 0,
    stripThinking: false,
    stripSuffix: false,
    softValue: "binary",
    maxInFlight: SERVE_DEFAULTS.maxInFlight,
    bodyLimit: SERVE_DEFAULTS.bodyLimit,
    instructions: loadBatchInstructions(instructionsPath ?? instructionDir(), quietIo),
    log: (event) => logs.push(event),
    ...rest,
  });
  return {
    ...server,
    logs,
    async post(path, body, headers = {}) {
      const res = await fetch(server.url + path, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async get(path, headers = {}) {
      const res = await fetch(server.url + path, { headers });
      return { status: res.status, text: await res.text() };
    },
  };
}

/** Every reward block has exactly the contract's keys, all finite numbers. */
export function assertRewardShape(block: Record<string, unknown>, assert: typeof import("node:assert/strict")): void {
  assert.deepEqual(Object.keys(block), REWARD_KEYS_IN_ORDER);
  for (const key of REWARD_KEYS_IN_ORDER) assert.ok(typeof block[key] === "number" && Number.isFinite(block[key]), `${key} is a finite number`);
}
