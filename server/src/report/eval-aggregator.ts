// Aggregates eval_results rows (IFEval/IFBench) into prompt- and instruction-level
// accuracy, overall and per instruction id, for each mode (strict, loose) read.

import type { EvalResultLine } from "./lines.js";
import type { Accuracy, EvalMode, EvalReport, Refs } from "./model.js";
import { addRef, emptyRefs } from "./refs.js";

const accuracy = (correct: number, total: number): Accuracy => ({ correct, total, accuracy: total === 0 ? null : correct / total });

interface ModeAcc {
  prompts: number;
  promptsFollowed: number;
  instructions: number;
  followed: number;
  byId: Map<string, { followed: number; total: number; failed: Refs }>;
}

/** One short line of a prompt, for drill-down labels. */
const promptLabel = (prompt: string) => {
  const flat = prompt.replace(/\s+/g, " ").trim();
  return flat.length > 70 ? flat.slice(0, 69) + "…" : flat;
};

export class EvalAggregator {
  private readonly modes = new Map<EvalMode, ModeAcc>();

  add(mode: EvalMode, row: EvalResultLine, line: number): void {
    let acc = this.modes.get(mode);
    if (!acc) this.modes.set(mode, (acc = { prompts: 0, promptsFollowed: 0, instructions: 0, followed: 0, byId: new Map() }));
    acc.prompts++;
    if (row.follow_all_instructions) acc.promptsFollowed++;
    const ref = { line, label: promptLabel(row.prompt) };
    row.instruction_id_list.forEach((id, i) => {
      const ok = row.follow_instruction_list[i];
      acc.instructions++;
      if (ok) acc.followed++;
      let entry = acc.byId.get(id);
      if (!entry) acc.byId.set(id, (entry = { followed: 0, total: 0, failed: emptyRefs() }));
      entry.total++;
      if (ok) entry.followed++;
      else addRef(entry.failed, ref);
    });
  }

  build(files: EvalReport["files"], problems: EvalReport["problems"]): EvalReport {
    const order: EvalMode[] = ["strict", "loose"];
    const present = order.filter((mode) => this.modes.has(mode));
    const ids = new Set<string>();
    for (const mode of present) for (const id of (this.modes.get(mode) as ModeAcc).byId.keys()) ids.add(id);
    const byInstruction: EvalReport["byInstruction"] = [...ids].map((key) => {
      const row: EvalReport["byInstruction"][number] = { key, failedRefs: {} };
      for (const mode of present) {
        const entry = (this.modes.get(mode) as ModeAcc).byId.get(key);
        if (!entry) continue;
        row[mode] = accuracy(entry.followed, entry.total);
        row.failedRefs[mode] = entry.failed;
      }
      return row;
    });
    // The official tables list ids alphabetically; the chart ranks them itself.
    byInstruction.sort((a, b) => a.key.localeCompare(b.key));
    return {
      kind: "eval",
      files,
      modes: present.map((mode) => {
        const acc = this.modes.get(mode) as ModeAcc;
        return { mode, prompts: acc.prompts, promptLevel: accuracy(acc.promptsFollowed, acc.prompts), instructionLevel: accuracy(acc.followed, acc.instructions) };
      }),
      byInstruction,
      problems,
    };
  }
}
