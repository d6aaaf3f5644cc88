// `lsrif generate --seeds seeds.jsonl --out dataset.jsonl`: flags to options, the chat endpoint for the llm
// proposer and probes (the judge's transport: key from LSRIF_JUDGE_API_KEY only), progress and the summary.

import { writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { JudgeStats } from "../../judge/types.js";
import { realSleep } from "../../judge/retry.js";
import { JudgeTransport } from "../../judge/transport.js";
import { runGenerate, type GenerateSummary } from "../../generate/run-generate.js";
import { readSeeds } from "../../generate/seeds.js";
import { DEFAULT_MIX, parseMix } from "../../generate/structure.js";
import { createProgress } from "../batch/progress.js";
import { CliError, EXIT_OK, readInput, type Io } from "../io.js";
import { JUDGE_API_KEY_ENV, openJudgeFromFlags, type JudgeFlagValues } from "../judge-options.js";

export const GENERATE_OPTIONS = {
  seeds: { type: "string" }, out: { type: "string" }, rejects: { type: "string" }, "summary-json": { type: "string" },
  proposer: { type: "string" }, seed: { type: "string" }, "per-seed": { type: "string" }, mix: { type: "string" },
  "max-depth": { type: "string" }, "soft-share": { type: "string" }, "max-per-type": { type: "string" }, "near-dedupe": { type: "string" },
  "proposer-url": { type: "string" }, "proposer-model": { type: "string" },
  probe: { type: "string" }, "probe-model": { type: "string" }, "drop-easy": { type: "boolean" },
} as const;

export const GENERATE_USAGE = `lsrif generate --seeds SEEDS --out DATASET.jsonl [options]
  SEEDS: JSON Lines of {"id", "prompt"}, or plain text with one prompt per line.
  --proposer sample|llm        sample (default): no network, deterministic for --seed; llm: the paper's method
  --seed N                     run seed (default 0)
  --per-seed N                 instructions per seed (default 3, as in LsrInstruct)
  --mix parallel=W,sequential=W,conditional=W   structure weights (default equal)
  --max-depth N                1 (default): one composition; 2: compositions inside compositions
  --soft-share X               share of soft constraints drawn by the sampler (default 0.3)
  --max-per-type N             cap on accepted uses of one constraint type (default: none)
  --near-dedupe X              also drop rows whose rendered text is X-similar (5-gram Jaccard) to a kept one
  --proposer-url URL --proposer-model M   the OpenAI-compatible chat endpoint (default: --judge-url)
  --probe N [--probe-model M] [--drop-easy]   score N sampled responses per instruction; drop all-fail (and all-pass)
  --rejects FILE               default: DATASET with .rejects.jsonl; --summary-json FILE
  Resumable: run the same command again after an interruption. The API key is read from ${JUDGE_API_KEY_ENV} only.`;

type Values = { [K in keyof typeof GENERATE_OPTIONS]?: string | boolean } & JudgeFlagValues;

function numberFlag(values: Values, name: keyof Values, fallback: number, check: (n: number) => boolean, what: string): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(n) || !check(n)) throw new CliError(`--${name} must be ${what} (got '${String(raw)}')`);
  return n;
}

export function printSummary(summary: GenerateSummary, io: Io): void {
  const rows = (title: string, counts: Record<string, number>) =>
    Object.keys(counts).length === 0 ? [] : [`${title}:`, ...Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `  ${k}: ${v}`)];
  io.stderr([
    `generate: ${summary.accepted} instructions from ${summary.seeds} seeds${summary.resumedSeeds ? ` (${summary.resumedSeeds} seeds from an earlier run)` : ""}, ${summary.rejected} candidates rejected`,
    ...rows("by structure", summary.byStructure),
    ...rows("by constraint type", summary.byConstraintType),
    ...rows("rejected because", summary.byRejectReason),
  ].join("\n") + "\n");
}

export async function runGenerateCommand(values: Values, io: Io, env: Record<string, string | undefined>, stderrIsTty: boolean): Promise<number> {
  for (const name of ["seeds", "out"] as const) if (typeof values[name] !== "string") throw new CliError(`lsrif generate needs --${name}\n\n${GENERATE_USAGE}`);
  const proposer = values.proposer ?? "sample";
  if (proposer !== "sample" && proposer !== "llm") throw new CliError(`--proposer must be sample or llm (got '${String(proposer)}')`);
  const mix = values.mix === undefined ? DEFAULT_MIX : parseMix(String(values.mix));
  if (typeof mix === "string") throw new CliError(`--mix: ${mix}`);
  const seedsPath = values.seeds as string;
  const { seeds, errors } = readSeeds(readInput(seedsPath, io));
  if (errors.length > 0) throw new CliError(errors.map((e) => `${seedsPath}:${e.line}: ${e.message}`).join("\n"));
  if (seeds.length === 0) throw new CliError(`${seedsPath}: no seed prompts`);
  const out = values.out as string;
  const probeSamples = numberFlag(values, "probe", 0, (n) => Number.isInteger(n) && n >= 1 && n <= 64, "an integer from 1 to 64");
  const url = (values["proposer-url"] ?? values["judge-url"]) as string | undefined;
  const model = (values["proposer-model"] ?? values["judge-model"]) as string | undefined;
  const needsEndpoint = proposer === "llm" || probeSamples > 0;
  if (needsEndpoint && (typeof url !== "string" || typeof model !== "string")) {
    throw new CliError(`${proposer === "llm" ? "--proposer llm" : "--probe"} needs a chat endpoint: --proposer-url URL --proposer-model M (or --judge-url/--judge-model)`);
  }
  if (needsEndpoint && !/^https?:\/\/[^/]/.test(url!)) throw new CliError(`--proposer-url must be an http(s) URL (got '${url}')`);
  const stats: JudgeStats = { requestsSent: 0, cacheHits: 0, retries: 0, failures: 0, deduplicated: 0 };
  const timeoutMs = numberFlag(values, "timeout-ms", 120_000, (n) => n >= 1000, "at least 1000");
  const transport = needsEndpoint
    ? new JudgeTransport({ baseUrl: url!, apiKey: env[JUDGE_API_KEY_ENV] || undefined, timeoutMs, maxRetries: 3, concurrency: 4 }, stats,
      (line) => { if (values.verbose) io.stderr(`generate: ${line}\n`); }, { sleep: realSleep, now: Date.now, random: Math.random })
    : undefined;
  const cacheDir = values["no-cache"] ? undefined : typeof values["cache-dir"] === "string" ? join(values["cache-dir"], "generate")
    : join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "lsrif", "generate");
  // Probes judge soft constraints only with a judge of their own (--judge-url); --no-cache also covers proposals.
  const judge = probeSamples > 0 && typeof values["judge-url"] === "string" ? openJudgeFromFlags(values, env, io) : undefined;
  const progress = createProgress(seeds.length, io.stderr, stderrIsTty, Date.now, { unit: "seeds", command: "generate" });
  try {
    const summary = await runGenerate({
      seeds, out, rejects: typeof values.rejects === "string" ? values.rejects : out.replace(/\.jsonl$/i, "") + ".rejects.jsonl",
      proposer, seed: numberFlag(values, "seed", 0, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, "an integer from 0 to 2^32-1"),
      perSeed: numberFlag(values, "per-seed", 3, (n) => Number.isInteger(n) && n >= 1 && n <= 100, "an integer from 1 to 100"),
      mix,
      maxDepth: numberFlag(values, "max-depth", 1, (n) => Number.isInteger(n) && n >= 1 && n <= 4, "an integer from 1 to 4"),
      softShare: numberFlag(values, "soft-share", 0.3, (n) => n >= 0 && n <= 1, "a number from 0 to 1"),
      maxPerType: numberFlag(values, "max-per-type", Infinity, (n) => Number.isInteger(n) && n >= 1, "an integer of at least 1"),
      nearDedupe: values["near-dedupe"] === undefined ? undefined : numberFlag(values, "near-dedupe", 0.9, (n) => n > 0 && n <= 1, "a number in (0, 1]"),
      llm: transport ? { transport, model: model!, cacheDir } : undefined,
      probe: probeSamples > 0 ? { samples: probeSamples, model: (values["probe-model"] as string | undefined) ?? model!, dropEasy: values["drop-easy"] === true, judge } : undefined,
      onSeedDone: (done) => progress.update(done, 0),
    });
    progress.finish(seeds.length, 0);
    printSummary(summary, io);
    if (typeof values["summary-json"] === "string") writeFileSync(values["summary-json"], JSON.stringify(summary, null, 2) + "\n");
    return EXIT_OK;
  } finally {
    judge?.dispose();
  }
}
