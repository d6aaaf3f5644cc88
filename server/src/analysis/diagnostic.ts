import type { Range } from "../../../grammars/src/index.js";
import { oneLine } from "../../../grammars/src/index.js";
import { CODES, type CodeName, type DiagnosticCode, type Severity } from "./codes.js";

/** Machine-readable details for quick fixes: what to insert, replace or remove. */
export interface DiagnosticData {
  /** Replacement candidates for the diagnostic's range (did-you-mean, argument fixes). */
  replacements?: string[];
  /** A second range involved (the other half of a duplicate or contradiction). */
  related?: { range: Range; message: string }[];
  /** Editor hint: the range is unnecessary code (unused define). */
  unnecessary?: boolean;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  data?: DiagnosticData;
}

/** Every message is one line with no control characters (see grammars/src/excerpt.ts). */
export function diagnostic(name: CodeName, range: Range, rawMessage: string, data?: DiagnosticData): Diagnostic {
  const { code, severity } = CODES[name];
  const message = oneLine(rawMessage);
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
