// A GRPO step's worth of reward requests built from the IFEval conformance data
// (test/fixtures/ifeval), for the serve tests and the benchmark (test code, like
// test/helpers/loopback-judge.ts). Each IFEval prompt becomes an
// LsrInstruct "And" of its hard constraints, optionally with soft ones, and each gets
// a group of distinct responses made from the official GPT-4 response.

import { readFileSync } from "node:fs";
import { join } from "node:path";

export const IFEVAL_FIXTURES = join(__dirname, "../../../test/fixtures/ifeval");

export interface StepItem {
  id: string;
  /** An LsrInstruct JSON object. */
  instruction: Record<string, unknown>;
  response: string;
}

export interface StepOptions {
  instructions: number;
  groupSize: number;
  /** Soft constraints added to each instruction (distinct texts per instruction). */
  softPerInstruction?: number;
  /** The first IFEval prompt used (default 0). */
  offset?: number;
  /** Appended to each instruction id, so a repeated step is not served from a parse cache. */
  tag?: string;
}

interface IfevalInput {
  key: number;
  prompt: string;
  instruction_id_list: string[];
  kwargs: Record<string, unknown>[];
}

const lines = (file: string) => readFileSync(join(IFEVAL_FIXTURES, file), "utf8").split("\n").filter((line) => line.trim() !== "");

/** Five distinct variants of a response, so a group is not five copies. */
const VARIANTS: ((response: string) => string)[] = [
  (r) => r,
  (r) => r.toLowerCase(),
  (r) => r.replaceAll(",", ""),
  (r) => r.slice(0, Math.ceil(r.length / 2)),
  (r) => `${r}\n\nP.S. I hope this helps.`,
];

export function grpoStep(options: StepOptions): StepItem[] {
  const inputs = lines("input_data.jsonl").map((line) => JSON.parse(line) as IfevalInput);
  const responses = new Map(
    lines("input_response_data_gpt4_20231107_145030.jsonl").map((line) => {
      const row = JSON.parse(line) as { prompt: string; response: string };
      return [row.prompt, row.response] as const;
    }),
  );
  const offset = options.offset ?? 0;
  if (offset + options.instructions > inputs.length) throw new Error(`only ${inputs.length} IFEval prompts`);
  const items: StepItem[] = [];
  for (const input of inputs.slice(offset, offset + options.instructions)) {
    const sub: Record<string, unknown> = {};
    input.instruction_id_list.forEach((id, i) => {
      // IFEval writes absent arguments as null; the instruction format leaves them out.
      const kwargs = Object.fromEntries(Object.entries(input.kwargs[i] ?? {}).filter(([, value]) => value !== null));
      sub[`c${i + 1}`] = { constraint: id, instruction_id: id, kwargs };
    });
    for (let s = 0; s < (options.softPerInstruction ?? 0); s++) {
      sub[`c${input.instruction_id_list.length + s + 1}`] = { constraint: `Soft constraint ${s + 1} of prompt ${input.key}: stay helpful.`, category: "style" };
    }
    const instruction = { id: `${input.key}${options.tag ?? ""}`, prompt: input.prompt, composite_constraints: [{ composite_constraint: { type: "And", sub_constraints: sub } }] };
    const base = responses.get(input.prompt) ?? "";
    const group = new Set<string>();
    for (let g = 0; g < options.groupSize; g++) {
      let response = VARIANTS[g % VARIANTS.length](base);
      // A variant that changed nothing (already lowercase, no commas) would be judged
      // once for two items; every response of a group is distinct.
      if (group.has(response)) response += `\n\n(variant ${g + 1})`;
      group.add(response);
      items.push({ id: `${input.key}-${g}`, instruction, response });
    }
  }
  return items;
}
