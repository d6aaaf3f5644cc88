// Loads an instruction from .lsr or LsrInstruct JSON, with diagnostics as
// `file:line:col: severity code message` lines.

import { LineIndex } from "../../../grammars/src/index.js";
import { analyze, type Analysis } from "../analysis/analyze.js";
import { CODES } from "../analysis/codes.js";
import type { Diagnostic } from "../analysis/diagnostic.js";
import type { Instruction } from "../analysis/logic.js";
import type { ImportError } from "../interchange/lsrinstruct-import.js";
import { importLsrInstructJson } from "../interchange/lsrinstruct-json.js";
import { readInput, type Io } from "./io.js";

export interface LoadedInstruction {
  instruction: Instruction | undefined;
  /** Diagnostics formatted for a terminal, errors and warnings. */
  messages: string[];
  hasErrors: boolean;
  analysis?: Analysis;
}

export function formatDiagnostic(file: string, text: string, d: Diagnostic, index = new LineIndex(text)): string {
  const pos = index.positionAt(d.range.start);
  return `${file}:${pos.line + 1}:${pos.character + 1}: ${d.severity} ${d.code} ${d.message}`;
}

/** An LsrInstruct JSON import error in the same `file:line:col: severity code message` form as `check`. */
export function formatImportError(file: string, e: ImportError): string {
  return `${file}:${e.line}:${e.column}: error ${CODES.invalidJsonInstruction.code} ${e.message}`;
}

export function isJsonInstruction(path: string, text: string): boolean {
  return /\.jsonl?$/i.test(path) || (path === "-" && /^\s*\{/.test(text));
}

export function loadInstruction(path: string, io: Io): LoadedInstruction {
  const text = readInput(path, io);
  const name = path === "-" ? "<stdin>" : path;
  if (isJsonInstruction(path, text)) {
    const { instruction, errors } = importLsrInstructJson(text, name);
    return {
      instruction,
      messages: errors.map((e) => formatImportError(name, e)),
      hasErrors: errors.length > 0 || instruction === undefined,
    };
  }
  const analysis = analyze(text);
  const index = new LineIndex(text);
  return {
    instruction: analysis.instruction,
    messages: analysis.diagnostics.map((d) => formatDiagnostic(name, text, d, index)),
    hasErrors: analysis.hasErrors,
    analysis,
  };
}
