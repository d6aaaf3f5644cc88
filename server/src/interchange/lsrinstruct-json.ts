// The public interchange API for the LsrInstruct JSON format (see lsrinstruct-schema.ts):
// import a .json document or a .jsonl file of instructions, and export a logic tree.

import { excerpt } from "../../../grammars/src/index.js";
import type { Instruction } from "../analysis/logic.js";
import { importDocument, type ImportError, type ImportResult } from "./lsrinstruct-import.js";

export { exportLsrInstructJson, hardLeafText } from "./lsrinstruct-export.js";
export type { ImportError, ImportResult } from "./lsrinstruct-import.js";
export type { LsrInstructJson } from "./lsrinstruct-schema.js";

/**
 * Imports one instruction. Never throws. A `.jsonl` file name is read as JSON Lines
 * and must then hold exactly one instruction (use importLsrInstructJsonl for more).
 */
export function importLsrInstructJson(text: string, fileName: string): ImportResult {
  if (!fileName.toLowerCase().endsWith(".jsonl")) {
    const { instruction, errors } = importDocument(text);
    return { instruction, errors };
  }
  const entries = importLsrInstructJsonl(text);
  if (entries.length === 1) return { instruction: entries[0].instruction, errors: entries[0].errors };
  return {
    instruction: undefined,
    errors: [{ message: `${fileName} holds ${entries.length} instructions, not one; import it as JSON Lines`, line: 1, column: 1 }],
  };
}

export interface JsonlEntry {
  /** 1-based line of the file this instruction is on. */
  line: number;
  /** The line's `id` field (a number is given as its decimal string), when present. */
  id: string | undefined;
  instruction: Instruction | undefined;
  /** Lines and columns refer to the whole file. */
  errors: ImportError[];
}

/** One instruction per non-blank line. Never throws. A repeated `id` is an error on the later line. */
export function importLsrInstructJsonl(text: string): JsonlEntry[] {
  const entries: JsonlEntry[] = [];
  const seen = new Map<string, number>();
  text.split("\n").forEach((raw, index) => {
    const lineText = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (lineText.trim() === "") return;
    const line = index + 1;
    const result = importDocument(lineText);
    const errors = result.errors.map((e) => ({ ...e, line: line + e.line - 1 }));
    if (result.id !== undefined) {
      const first = seen.get(result.id);
      if (first !== undefined) errors.push({ message: `id '${excerpt(result.id)}' is already used on line ${first}`, line, column: 1 });
      else seen.set(result.id, line);
    }
    entries.push({ line, id: result.id, instruction: errors.length > 0 ? undefined : result.instruction, errors });
  });
  return entries;
}
