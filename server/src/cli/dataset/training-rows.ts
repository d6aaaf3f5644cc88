// Training rows from instructions, one shape per trainer (docs/training.md#data-rows).
//
// Every row carries the prompt the policy sees (the rendered instruction as a chat message
// list) and the instruction the reward needs, as LsrInstruct JSON text: self-contained, so
// a reward server scores it without preloading the dataset.

import type { Instruction } from "../../analysis/logic.js";
import { exportLsrInstructJson } from "../../interchange/lsrinstruct-json.js";
import { renderInstruction } from "../../render/natural-language.js";

export const DATASET_FORMATS = ["verl", "trl", "openrlhf", "open-instruct"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface ChatMessage {
  role: "user";
  content: string;
}

export interface TrainingExample {
  index: number;
  id: string;
  prompt: ChatMessage[];
  /** LsrInstruct JSON text of the instruction. */
  instruction: string;
}

/** The TRL column `lsrif_reward.trl.LsrifReward` reads by default. */
export const TRL_INSTRUCTION_COLUMN = "lsrif_instruction";

export function trainingExamples(instructions: ReadonlyMap<string, Instruction>): TrainingExample[] {
  return [...instructions].map(([id, instruction], index) => ({
    index,
    id,
    prompt: [{ role: "user", content: renderInstruction(instruction) }],
    instruction: JSON.stringify(exportLsrInstructJson(instruction)),
  }));
}

/** VeRL's RLHFDataset row (the shape of its own examples' parquet files). */
export function verlRow(example: TrainingExample, dataSource: string) {
  return {
    data_source: dataSource,
    prompt: example.prompt,
    ability: "instruction_following",
    reward_model: { style: "rule", ground_truth: example.instruction },
    extra_info: { index: example.index, instruction_id: example.id, split: "train" },
  };
}

export type VerlRow = ReturnType<typeof verlRow>;

/** TRL conversational prompt plus the instruction column. */
export function trlRow(example: TrainingExample) {
  return { id: example.id, prompt: example.prompt, [TRL_INSTRUCTION_COLUMN]: example.instruction };
}

/** OpenRLHF: `--input_key prompt --apply_chat_template --label_key label`. */
export function openrlhfRow(example: TrainingExample) {
  return { id: example.id, prompt: example.prompt, label: example.instruction };
}

/** open-instruct: `messages`, `ground_truth`, and `dataset` naming the verifier (`lsrif`). */
export function openInstructRow(example: TrainingExample) {
  return { id: example.id, messages: example.prompt, ground_truth: example.instruction, dataset: "lsrif" };
}

/** The JSONL formats, each with its row shape. */
export const JSONL_ROWS = { trl: trlRow, openrlhf: openrlhfRow, "open-instruct": openInstructRow } as const;
