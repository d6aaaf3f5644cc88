// At most MAX_DIAGNOSTICS diagnostics per file, then one "… and N more". Without a
// cap, 4 MB of `}` gave four million diagnostics: `check --json` failed with "Invalid
// string length" and the language server never published anything.

import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { CODES } from "./codes.js";

export const MAX_DIAGNOSTICS = 1000;

export interface CappedDiagnostics {
  /** The first MAX_DIAGNOSTICS (sorted by position), then LSR098 when some were left out. */
  diagnostics: Diagnostic[];
  /** Over all diagnostics, including those left out. */
  hasErrors: boolean;
}

/** Diagnostics known to lie past all of `sorted` that were never built (syntax errors beyond the cap). */
export interface Unlisted {
  count: number;
  errors: number;
}

/** `sorted` must be in position order; it is not modified. */
export function capDiagnostics(sorted: Diagnostic[], max = MAX_DIAGNOSTICS, unlisted: Unlisted = { count: 0, errors: 0 }): CappedDiagnostics {
  let errors = unlisted.errors;
  for (const d of sorted) if (d.severity === "error") errors++;
  if (sorted.length <= max) return { diagnostics: sorted, hasErrors: errors > 0 };
  const kept = sorted.slice(0, max);
  let keptErrors = 0;
  for (const d of kept) if (d.severity === "error") keptErrors++;
  const omitted = sorted.length - max + unlisted.count;
  const omittedErrors = errors - keptErrors;
  const at = sorted[max].range.start;
  if (unlisted.count > 0 || sorted.slice(max).some((d) => d.code === CODES.syntax.code || d.code === CODES.internalError.code)) {
    cutSyntaxErrors.add(kept);
  }
  kept.push(diagnostic("diagnosticsOmitted", { start: at, end: at },
    `… and ${omitted} more diagnostic${omitted === 1 ? "" : "s"} (${omittedErrors} error${omittedErrors === 1 ? "" : "s"}) not shown: only the first ${max} are listed; fix these first.`));
  return { diagnostics: kept, hasErrors: errors > 0 };
}

/** Capped lists that left out a syntax or internal error (re-analysis must then start from scratch). */
const cutSyntaxErrors = new WeakSet<readonly Diagnostic[]>();

/**
 * True when a capped list left out a syntax or internal error: re-analysis checks the
 * list for those before reusing an analysis, and must not miss one past the cap.
 */
export function omitsSyntaxErrors(diagnostics: readonly Diagnostic[]): boolean {
  return cutSyntaxErrors.has(diagnostics);
}
