// `lsrif generate`: seeds in, a validated, balanced, deduplicated dataset out. Per seed, in input order: propose
// candidates, validate each (validate.ts), re-ask the model once about a bad one (llm), apply the type caps and
// dedupe against everything accepted so far, optionally probe, then write the seed's rows and rejects.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { LogicNode } from "../analysis/logic.js";
import { importLsrInstructJson } from "../interchange/lsrinstruct-json.js";
import type { LsrInstructJson } from "../interchange/lsrinstruct-schema.js";
import type { JudgeTransport } from "../judge/transport.js";
import type { SoftJudge } from "../judge/types.js";
import { readJsonl } from "../util/jsonl.js";
import { Deduper } from "./dedupe.js";
import { LlmProposer } from "./llm-proposer.js";
import { appendSeed, resume } from "./output-files.js";
import { probeInstruction } from "./probe.js";
import { Draw } from "./random.js";
import type { DatasetRow, Provenance, RejectRow } from "./rows.js";
import { sampleCandidate, typeKey } from "./sample-proposer.js";
import type { Seed } from "./seeds.js";
import type { Mix } from "./structure.js";
import { validateCandidate, type Rejection, type ValidCandidate } from "./validate.js";

export interface GenerateOptions {
  seeds: readonly Seed[];
  out: string;
  rejects: string;
  proposer: "sample" | "llm";
  seed: number;
  perSeed: number;
  mix: Mix;
  maxDepth: number;
  softShare: number;
  maxPerType: number;
  nearDedupe?: number;
  /** The chat endpoint (llm proposer and probes). */
  llm?: { transport: JudgeTransport; model: string; cacheDir?: string };
  probe?: { samples: number; model: string; dropEasy: boolean; judge?: SoftJudge };
  onSeedDone?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface GenerateSummary {
  seeds: number;
  resumedSeeds: number;
  accepted: number;
  rejected: number;
  byStructure: Record<string, number>;
  byConstraintType: Record<string, number>;
  byRejectReason: Record<string, number>;
}

/** Keys of every atomic constraint of a candidate, for caps and the summary. */
function constraintTypes(json: LsrInstructJson): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.constraint === "string") out.push(typeKey(record as { constraint: string; instruction_id?: string; category?: string }));
    else if (record.sub_constraints && typeof record.sub_constraints === "object") Object.values(record.sub_constraints).forEach(visit);
    else if (record.composite_constraint) visit(record.composite_constraint);
  };
  json.composite_constraints.forEach(visit);
  return out;
}

const bump = (map: Record<string, number>, key: string) => { map[key] = (map[key] ?? 0) + 1; };

export async function runGenerate(options: GenerateOptions): Promise<GenerateSummary> {
  const signal = options.signal ?? new AbortController().signal;
  const llm = options.proposer === "llm" && options.llm ? new LlmProposer({ model: options.llm.model, count: options.perSeed, temperature: 0.7, cacheDir: options.llm.cacheDir }, options.llm.transport) : undefined;
  if (options.proposer === "llm" && !llm) throw new Error("the llm proposer needs a chat endpoint");
  const provenance: Provenance = {
    proposer: options.proposer,
    ...(llm ? { model: options.llm!.model } : {}),
    seed: options.seed,
    prompt_hash: llm ? llm.promptHash() : createHash("sha256").update(JSON.stringify({ mix: options.mix, maxDepth: options.maxDepth, softShare: options.softShare })).digest("hex").slice(0, 16),
  };
  const typeCounts = new Map<string, number>();
  const deduper = new Deduper(options.nearDedupe);

  const state = resume(options.out, options.rejects, options.seeds.map((s) => s.id));
  appendSeed(options.out, options.rejects, [], []); // both files exist from the start, also when nothing is rejected
  const accept = (row: { rendered_prompt: string; constraint_types: string[]; structure?: unknown }, root: LogicNode) => {
    deduper.add(deduper.keys(row.rendered_prompt, root));
    for (const key of row.constraint_types) typeCounts.set(key, (typeCounts.get(key) ?? 0) + 1);
  };
  for (const row of state.rows) {
    const instruction = importLsrInstructJson(JSON.stringify(row), "row.json").instruction;
    if (instruction) accept(row as unknown as DatasetRow, instruction.root);
  }

  let done = 0;
  for (const seed of options.seeds) {
    if (signal.aborted) break;
    if (state.done.has(seed.id)) {
      done++;
      continue;
    }
    const rows: DatasetRow[] = [];
    const rejects: RejectRow[] = [];
    const reject = (candidate: number, rejection: Rejection | { reason: "type-cap"; messages: string[] }, proposed?: unknown) => {
      rejects.push({ seed_id: seed.id, candidate, reason: rejection.reason, messages: rejection.messages, ...(proposed === undefined ? {} : { proposed }), provenance });
    };
    const consider = async (candidate: number, value: ValidCandidate, reasked: boolean, proposed: unknown) => {
      const types = constraintTypes(value.json);
      const capped = types.filter((t) => (typeCounts.get(t) ?? 0) >= options.maxPerType);
      if (capped.length > 0) return reject(candidate, { reason: "type-cap", messages: capped.map((t) => `${t} already has ${options.maxPerType} uses`) }, proposed);
      const keys = deduper.keys(value.rendered, value.instruction.root);
      const duplicate = deduper.check(keys);
      if (duplicate) return reject(candidate, { reason: duplicate, messages: ["an accepted instruction says the same"] }, proposed);
      let probe;
      if (options.probe && options.llm) {
        probe = await probeInstruction(value.instruction, value.rendered, options.probe, options.llm.transport, signal);
        if (probe.pass_rate === 0) return reject(candidate, { reason: "probe-all-fail", messages: [`0 of ${probe.samples} sampled responses met every constraint`] }, proposed);
        if (options.probe.dropEasy && probe.pass_rate === 1) return reject(candidate, { reason: "probe-all-pass", messages: [`all ${probe.samples} sampled responses met every constraint`] }, proposed);
      }
      const row: DatasetRow = {
        ...value.json,
        id: `${seed.id}-${rows.length + 1}`,
        seed_id: seed.id,
        prompt: seed.prompt,
        rendered_prompt: value.rendered,
        lsr: value.lsr,
        structure: value.structure,
        depth: value.depth,
        counts: value.counts,
        constraint_types: types,
        validation: { warnings: value.warnings, reasked },
        ...(probe ? { probe } : {}),
        provenance,
      };
      rows.push(row);
      deduper.add(keys);
      for (const key of types) typeCounts.set(key, (typeCounts.get(key) ?? 0) + 1);
    };

    if (llm) {
      try {
        const first = await llm.propose(seed.prompt, signal);
        if (first.replyError) {
          reject(1, { reason: "proposer-error", messages: [first.replyError] });
        } else {
          const results = first.candidates.map(validateCandidate);
          const problems = results.flatMap((r, i) => (r.ok ? [] : r.rejection.messages.map((m) => `composite ${i + 1}: ${m}`)));
          // The re-ask: once, with every problem, for the whole reply; a candidate still bad after it is rejected.
          const second = problems.length > 0 ? await llm.reask(seed.prompt, first, problems, signal) : undefined;
          for (let i = 0; i < first.candidates.length; i++) {
            const r = results[i];
            if (r.ok) {
              await consider(i + 1, r.value, false, first.candidates[i]);
              continue;
            }
            const retried = second && !second.replyError ? second.candidates[i] : undefined;
            const again = retried === undefined ? undefined : validateCandidate(retried);
            if (again?.ok) await consider(i + 1, again.value, true, retried);
            else reject(i + 1, again && !again.ok ? again.rejection : r.rejection, retried ?? first.candidates[i]);
          }
        }
      } catch (error) {
        if (signal.aborted) break;
        reject(1, { reason: "proposer-error", messages: [error instanceof Error ? error.message : String(error)] });
      }
    } else {
      const draw = new Draw(options.seed, seed.id);
      // A few more draws than rows wanted, so rejections (contradictions, duplicates) are replaced.
      for (let attempt = 1; attempt <= options.perSeed * 4 && rows.length < options.perSeed; attempt++) {
        const candidate = sampleCandidate(draw, seed.prompt, { mix: options.mix, maxDepth: options.maxDepth, softShare: options.softShare, typeCounts, maxPerType: options.maxPerType });
        if (candidate === undefined) {
          reject(attempt, { reason: "type-cap", messages: ["every constraint type is at its cap"] });
          break;
        }
        const result = validateCandidate(candidate);
        if (result.ok) await consider(attempt, result.value, false, candidate);
        else reject(attempt, result.rejection, candidate);
      }
    }
    if (signal.aborted) break;
    appendSeed(options.out, options.rejects, rows, rejects);
    done++;
    options.onSeedDone?.(done, options.seeds.length);
  }
  // Counted from the files, resumed seeds included, so a resumed run reports what a clean run reports.
  return summariseFiles(options.out, options.rejects, options.seeds.length, state.done.size);
}

export function summariseFiles(outPath: string, rejectsPath: string, seeds: number, resumedSeeds: number): GenerateSummary {
  const summary: GenerateSummary = { seeds, resumedSeeds, accepted: 0, rejected: 0, byStructure: {}, byConstraintType: {}, byRejectReason: {} };
  for (const value of readJsonl(existsSync(outPath) ? readFileSync(outPath, "utf8") : "").values) {
    const row = value.value as DatasetRow;
    summary.accepted++;
    bump(summary.byStructure, row.structure);
    for (const t of row.constraint_types) bump(summary.byConstraintType, t);
  }
  for (const value of readJsonl(existsSync(rejectsPath) ? readFileSync(rejectsPath, "utf8") : "").values) {
    summary.rejected++;
    bump(summary.byRejectReason, (value.value as RejectRow).reason);
  }
  return summary;
}
