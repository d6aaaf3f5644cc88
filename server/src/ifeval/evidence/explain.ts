// explain(id, response, args, mode): the evidence of a hard verdict. Strict explains
// the response itself. Loose explains the first of IFEval's 8 variants on which the
// constraint holds (or the response when none does); offsets then refer to the
// response only when the explained text is the response itself.

import { findHardType } from "../registry.js";
import { looseVariants, type VerifyMode } from "../verify.js";
import { pyIsBlank } from "../python/py-text.js";
import type { Evidence, Explainer } from "./evidence.js";
import { CASE_EXPLAINERS } from "./explain-case.js";
import { FORMAT_EXPLAINERS } from "./explain-format.js";
import { KEYWORD_EXPLAINERS } from "./explain-keywords.js";
import { LENGTH_EXPLAINERS } from "./explain-length.js";

const EXPLAINERS: Record<string, Explainer> = { ...CASE_EXPLAINERS, ...FORMAT_EXPLAINERS, ...KEYWORD_EXPLAINERS, ...LENGTH_EXPLAINERS };

const VARIANT_NAMES = [
  "the response", "the response without '*'", "the response without its first line", "the response without its last line",
  "the response without its first and last lines", "the response without its first line and '*'",
  "the response without its last line and '*'", "the response without its first and last lines and '*'",
];

/** Whether a type id has its own explainer (the rest get the generic one). */
export function hasExplainer(id: string): boolean {
  return id in EXPLAINERS;
}

/** Internal: the explainer's own finding on one text, or undefined without an explainer. */
export function explainText(id: string, text: string, args: Record<string, unknown>) {
  const explainer = EXPLAINERS[id];
  if (!explainer) return undefined;
  const type = findHardType(id);
  const parsed = type?.schema.safeParse(args);
  if (!parsed?.success) return undefined;
  try {
    return explainer(text, parsed.data as Record<string, unknown>);
  } catch {
    return undefined; // an explainer never breaks a score: the generic evidence stands in
  }
}

/** The evidence behind `passed`, the verdict the checker gave. Never throws. */
export function explain(id: string, response: string, args: Record<string, unknown>, mode: VerifyMode, passed: boolean): Evidence {
  if (pyIsBlank(response)) return { message: "the response is empty", spans: [] };
  if (passed) {
    const texts = mode === "strict" ? [response] : looseVariants(response);
    for (let i = 0; i < texts.length; i++) {
      if (pyIsBlank(texts[i])) continue;
      const finding = explainText(id, texts[i], args);
      if (!finding) break;
      if (!finding.holds) continue;
      return i === 0 ? { message: finding.message, spans: finding.spans } : { message: `${finding.message} (in ${VARIANT_NAMES[i]}, as loose mode allows)`, spans: [] };
    }
    return generic(passed);
  }
  const finding = explainText(id, response, args);
  if (!finding || finding.holds) return generic(passed);
  return { message: mode === "loose" ? `${finding.message} (and in none of the loose variants)` : finding.message, spans: finding.spans };
}

function generic(passed: boolean): Evidence {
  return { message: passed ? "followed (the checker gives no details)" : "not followed (the checker gives no details)", spans: [] };
}
