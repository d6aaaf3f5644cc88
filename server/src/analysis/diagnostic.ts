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

/** Where a lazy diagnostic keeps its state: not enumerable, so JSON, spreads, deep equality and structured clones skip it. */
const LAZY = Symbol("lazy diagnostic");

interface LazyState {
  compute: (() => { message: string; data: DiagnosticData }) | undefined;
  message: string;
  data: DiagnosticData | undefined;
}

function lazyState(d: object): LazyState {
  const state = (d as { [LAZY]: LazyState })[LAZY];
  if (state.compute !== undefined) {
    const { message, data } = state.compute();
    state.message = oneLine(message);
    state.data = data;
    state.compute = undefined;
  }
  return state;
}

// One pair of getters for every lazy diagnostic: getters written in an object literal are new
// functions (and a new hidden class) per object, 850 bytes a diagnostic where a plain one is
// about 100; 4 MB of unknown names makes 350,000 of them.
const MESSAGE: PropertyDescriptor = { get(this: object) { return lazyState(this).message; }, enumerable: true, configurable: true };
const DATA: PropertyDescriptor = { get(this: object) { return lazyState(this).data; }, enumerable: true, configurable: true };

/**
 * A diagnostic whose message and data are worked out the first time they are read, then kept
 * (so the value never changes). For costly messages that are usually never read: past the
 * per-file cap (diagnostic-cap.ts) a diagnostic is counted, not shown, and 4 MB of distinct
 * misspelt names spent most of `check` on did-you-mean suggestions nobody saw. The getters are
 * own, enumerable properties (JSON, spreads and deep equality see the values), in the order of
 * a plain diagnostic's fields.
 */
export function lazyDiagnostic(name: CodeName, range: Range, compute: () => { message: string; data: DiagnosticData }): Diagnostic {
  const { code, severity } = CODES[name];
  const d = { code, severity } as Diagnostic;
  Object.defineProperty(d, "message", MESSAGE);
  d.range = range;
  Object.defineProperty(d, "data", DATA);
  const state: LazyState = { compute, message: "", data: undefined };
  Object.defineProperty(d, LAZY, { value: state });
  return d;
}
