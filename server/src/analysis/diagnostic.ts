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

/**
 * A diagnostic whose message and data are worked out the first time they are read, then kept
 * (so the value never changes). For costly messages that are usually never read: past the
 * per-file cap (diagnostic-cap.ts) a diagnostic is counted, not shown, and 4 MB of distinct
 * misspelt names spent most of `check` on did-you-mean suggestions nobody saw.
 */
export function lazyDiagnostic(name: CodeName, range: Range, compute: () => { message: string; data: DiagnosticData }): Diagnostic {
  const { code, severity } = CODES[name];
  let computed: { message: string; data: DiagnosticData } | undefined;
  const get = () => {
    if (computed === undefined) {
      const { message, data } = compute();
      computed = { message: oneLine(message), data };
    }
    return computed;
  };
  // Getters in a literal are own, enumerable properties (JSON, spreads and deep equality see
  // the values), and one object shape for all, unlike defineProperty.
  return {
    code,
    severity,
    get message() {
      return get().message;
    },
    range,
    get data() {
      return get().data;
    },
  };
}
