// `lsrif serve`: the HTTP reward server for RL trainers (docs/serve.md).
// Flags are checked here; the server itself is server/src/serve/.

import { parseArgs } from "node:util";
import type { BatchInstructions } from "../batch/instructions.js";
import { loadBatchInstructions } from "../batch/instructions.js";
import { CliError, EXIT_OK, type Io } from "../io.js";
import { JUDGE_OPTIONS, openJudgeFromFlags } from "../judge-options.js";
import { isLoopbackHost, SERVE_DEFAULTS, startServe, writePortFile } from "../../serve/server.js";
import type { SoftValue } from "../../scoring/leaf-verdicts.js";
import type { LogEvent } from "../../serve/app.js";

export const SERVE_TOKEN_ENV = "LSRIF_SERVE_TOKEN";

export const SERVE_USAGE = `  lsrif serve [--host H] [--port N|0] [--port-file FILE] [--instructions DIR_OR_JSONL]
              [--deadline-ms N] [--fallback-score X] [--strip-thinking] [--strip-suffix]
              [--soft-value binary|probability] [--max-in-flight N] [--body-limit BYTES]
              [--workers N] [--insecure-no-token] [judge flags]
                                               the HTTP reward server for RL trainers (docs/serve.md)`;

const SERVE_OPTIONS = {
  host: { type: "string" },
  port: { type: "string" },
  "port-file": { type: "string" },
  instructions: { type: "string" },
  "deadline-ms": { type: "string" },
  "fallback-score": { type: "string" },
  "strip-thinking": { type: "boolean" },
  "strip-suffix": { type: "boolean" },
  "soft-value": { type: "string" },
  "max-in-flight": { type: "string" },
  "body-limit": { type: "string" },
  "insecure-no-token": { type: "boolean" },
  workers: { type: "string" },
  ...JUDGE_OPTIONS,
} as const;

function wholeNumber(value: unknown, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\s*\d+\s*$/.test(value) || Number(value) < min) {
    throw new CliError(`--${name} must be a whole number >= ${min} (got '${String(value)}')`);
  }
  return Number(value);
}

/** "binary" (the paper) or "probability"; shared by score, score-batch and serve. */
export function softValueOption(value: unknown): SoftValue {
  if (value === undefined || value === "binary") return "binary";
  if (value === "probability") return "probability";
  throw new CliError(`--soft-value must be binary or probability (got '${String(value)}')`);
}

const jsonLine = (io: Io) => (event: LogEvent) => io.stdout(JSON.stringify({ time: new Date().toISOString(), ...event }) + "\n");

/** Resolves when the server has stopped (SIGTERM/SIGINT: drain, then close; a second signal closes at once). */
export async function runServe(args: string[], io: Io, env: Record<string, string | undefined> = process.env): Promise<number> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args, options: SERVE_OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\nUsage:\n${SERVE_USAGE}`);
  }
  const host = typeof values.host === "string" ? values.host : SERVE_DEFAULTS.host;
  const port = wholeNumber(values.port, "port", SERVE_DEFAULTS.port, 0);
  if (port > 65535) throw new CliError(`--port must be at most 65535 (got ${port})`);
  const token = env[SERVE_TOKEN_ENV] === "" ? undefined : env[SERVE_TOKEN_ENV];
  if (!isLoopbackHost(host) && token === undefined && values["insecure-no-token"] !== true) {
    throw new CliError(`refusing to listen on ${host} without a token: set ${SERVE_TOKEN_ENV}, or pass --insecure-no-token`);
  }
  const fallbackRaw = values["fallback-score"];
  const fallbackScore = fallbackRaw === undefined ? SERVE_DEFAULTS.fallbackScore : Number(fallbackRaw);
  if (typeof fallbackRaw === "string" && (fallbackRaw.trim() === "" || !(fallbackScore >= 0 && fallbackScore <= 1))) {
    throw new CliError(`--fallback-score must be a number between 0 and 1 (got '${fallbackRaw}')`);
  }
  let instructions: BatchInstructions | undefined;
  if (typeof values.instructions === "string") {
    instructions = loadBatchInstructions(values.instructions, io);
    for (const message of instructions.messages) io.stderr(message + "\n");
  }
  const judge = openJudgeFromFlags(values, env, io);
  const log = jsonLine(io);
  try {
    const server = await startServe({
      host, port, instructions, judge, token,
      deadlineMs: wholeNumber(values["deadline-ms"], "deadline-ms", SERVE_DEFAULTS.deadlineMs, 1),
      fallbackScore,
      stripThinking: values["strip-thinking"] === true,
      stripSuffix: values["strip-suffix"] === true,
      softValue: softValueOption(values["soft-value"]),
      maxInFlight: wholeNumber(values["max-in-flight"], "max-in-flight", SERVE_DEFAULTS.maxInFlight, 1),
      bodyLimit: wholeNumber(values["body-limit"], "body-limit", SERVE_DEFAULTS.bodyLimit, 1),
      workers: wholeNumber(values.workers, "workers", 0, 0),
      log,
    }).catch((error: unknown) => {
      throw new CliError(`cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (typeof values["port-file"] === "string") {
      try {
        writePortFile(values["port-file"], server.url);
      } catch (error) {
        await server.close();
        throw new CliError(`${values["port-file"]}: cannot write: ${(error as Error).message}`);
      }
    }
    await new Promise<void>((resolve) => {
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        log({ event: "signal", signal });
        const done = ++signals === 1 ? server.stop() : server.close();
        void done.then(() => {
          process.off("SIGTERM", onSignal);
          process.off("SIGINT", onSignal);
          resolve();
        });
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
    });
    return EXIT_OK;
  } finally {
    judge?.dispose();
  }
}
