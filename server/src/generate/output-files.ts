// The dataset and rejects files of a run, and how a run resumes: every line names its seed, seeds are written in
// input order, one seed at a time (its rejects, then its rows). So after a kill the seeds in the files form a
// prefix of the input, and only the last of them can be partial: resuming drops that seed's lines and does it
// again, which gives exactly the files of a clean run (the proposers are deterministic per seed, llm replies are
// cached).

import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { CliError } from "../cli/io.js";
import { readJsonl } from "../util/jsonl.js";
import { ResumedReject, ResumedRow } from "./rows.js";

export interface ResumeState {
  /** Seeds finished in an earlier run (every seed before the last one found). */
  done: Set<string>;
  /** Kept dataset rows, in file order. */
  rows: Record<string, unknown>[];
}

function readLines(path: string): { text: string; values: Record<string, unknown>[] } {
  if (!existsSync(path)) return { text: "", values: [] };
  let text = readFileSync(path, "utf8");
  // A line cut short by a kill has no newline yet: it is dropped, and its seed is redone.
  if (text !== "" && !text.endsWith("\n")) text = text.slice(0, text.lastIndexOf("\n") + 1);
  const { values, failures } = readJsonl(text);
  if (failures.length > 0) throw new CliError(`${path}:${failures[0].line}: ${failures[0].message}; not a file this command wrote, so it is not resumed`);
  return { text, values: values.map((v) => v.value as Record<string, unknown>) };
}

export function resume(outPath: string, rejectsPath: string, seedOrder: readonly string[]): ResumeState {
  const out = readLines(outPath);
  const rejects = readLines(rejectsPath);
  const index = new Map(seedOrder.map((id, i) => [id, i]));
  const seedOf = (value: Record<string, unknown>, path: string, schema: typeof ResumedRow | typeof ResumedReject): string => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CliError(`${path}: a line without seed_id; not a file this command wrote, so it is not resumed`);
    if (!index.has(parsed.data.seed_id)) throw new CliError(`${path}: seed '${parsed.data.seed_id}' is not in the seeds file; use another --out to start afresh`);
    return parsed.data.seed_id;
  };
  const rowSeeds = out.values.map((v) => seedOf(v, outPath, ResumedRow));
  const rejectSeeds = rejects.values.map((v) => seedOf(v, rejectsPath, ResumedReject));
  let last = -1;
  for (const seed of [...rowSeeds, ...rejectSeeds]) last = Math.max(last, index.get(seed)!);
  const lastSeed = last >= 0 ? seedOrder[last] : undefined;
  const keptRows = out.values.filter((_, i) => rowSeeds[i] !== lastSeed);
  const keptRejects = rejects.values.filter((_, i) => rejectSeeds[i] !== lastSeed);
  if (existsSync(outPath)) writeFileSync(outPath, keptRows.map((v) => JSON.stringify(v) + "\n").join(""));
  if (existsSync(rejectsPath)) writeFileSync(rejectsPath, keptRejects.map((v) => JSON.stringify(v) + "\n").join(""));
  return { done: new Set(seedOrder.slice(0, Math.max(0, last))), rows: keptRows };
}

/** Appends one seed's lines with one write per file (rejects first, then rows: see the file comment). */
export function appendSeed(outPath: string, rejectsPath: string, rows: readonly unknown[], rejects: readonly unknown[]): void {
  appendFileSync(rejectsPath, rejects.map((r) => JSON.stringify(r) + "\n").join(""));
  appendFileSync(outPath, rows.map((r) => JSON.stringify(r) + "\n").join(""));
}
