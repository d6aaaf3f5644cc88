// Reading IFEval's JSONL files: prompts with instructions, and responses.
// Every line is validated; a bad line becomes an issue with file:line, never an exception.

import { z } from "zod";
import { readJsonl } from "../util/jsonl.js";
import { findHardType, type HardConstraintType } from "./registry.js";

export interface FileIssue {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

const inputLineSchema = z
  .object({
    // IFBench writes the key as a string of digits ("0").
    key: z.union([z.int(), z.string().regex(/^\d+$/, "a whole number").transform(Number)]),
    prompt: z.string(),
    instruction_id_list: z.array(z.string()),
    kwargs: z.array(z.record(z.string(), z.unknown())),
  })
  .refine((row) => row.kwargs.length === row.instruction_id_list.length, {
    message: "kwargs must have one object per instruction id",
    path: ["kwargs"],
  });

const responseLineSchema = z.object({
  prompt: z.string(),
  response: z.string(),
  /** Not in the official files; when present it joins the response to the prompt with this key. */
  key: z.int().optional(),
});

export type ResponseRow = z.output<typeof responseLineSchema> & { line: number };

export interface InstructionToCheck {
  id: string;
  type: HardConstraintType;
  args: Record<string, unknown>;
}

export interface InputRow {
  key: number;
  prompt: string;
  instruction_id_list: string[];
  instructions: InstructionToCheck[];
  line: number;
}

function readLines<T>(text: string, file: string, parseLine: (value: unknown, line: number) => T | string, issues: FileIssue[]): T[] {
  const rows: T[] = [];
  const { values, failures } = readJsonl(text);
  const found: FileIssue[] = failures.map((f) => ({ file, ...f }));
  for (const { line, value } of values) {
    const parsed = parseLine(value, line);
    if (typeof parsed === "string") found.push({ file, line, message: parsed });
    else rows.push(parsed);
  }
  // One issue per bad line: as many as the file has lines, too many for a spread.
  for (const issue of found.sort((a, b) => a.line - b.line)) issues.push(issue);
  return rows;
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/**
 * Parses input_data.jsonl (IFEval or IFBench). Each instruction id must name a registered type
 * and its kwargs must satisfy that type's schema. Keys whose value is null are
 * dropped first (the Hugging Face copy of IFEval lists every key with null).
 */
export function parseInputJsonl(text: string, file: string): { rows: InputRow[]; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const rows = readLines(text, file, (value, line): InputRow | string => {
    const parsed = inputLineSchema.safeParse(value);
    if (!parsed.success) return describeZodError(parsed.error);
    const instructions: InstructionToCheck[] = [];
    const problems: string[] = [];
    parsed.data.instruction_id_list.forEach((id, i) => {
      const type = findHardType(id);
      if (!type) return problems.push(`instruction ${i + 1}: unknown instruction id "${id}"`);
      const kwargs = Object.fromEntries(Object.entries(parsed.data.kwargs[i]).filter(([, v]) => v !== null));
      const args = type.schema.safeParse(kwargs);
      if (!args.success) return problems.push(`instruction ${i + 1} (${id}): ${describeZodError(args.error)}`);
      instructions.push({ id, type, args: args.data });
    });
    if (problems.length) return problems.join("; ");
    const { key, prompt, instruction_id_list } = parsed.data;
    return { key, prompt, instruction_id_list, instructions, line };
  }, issues);
  return { rows, issues };
}

/** Parses a responses file: one {"prompt", "response"} object per line. */
export function parseResponsesJsonl(text: string, file: string): { rows: ResponseRow[]; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const rows = readLines(text, file, (value, line): ResponseRow | string => {
    const parsed = responseLineSchema.safeParse(value);
    return parsed.success ? { ...parsed.data, line } : describeZodError(parsed.error);
  }, issues);
  return { rows, issues };
}

export function formatIssue(issue: FileIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}
