// Markdown for scopes (hover and completion): what a chain of scopes selects, in
// plain words, and what `in` and `each` mean for the constraints under it.

import type { Scope } from "../../analysis/logic.js";
import { scopePhrase, scopesSource } from "../../scopes/describe.js";

export const IN_DOC = "`in SELECTOR`: the constraints below are checked on the text the selector picks, not on the whole response. "
  + "A selector that matches nothing makes them fail (r = 0).";

export const EACH_DOC = "`each SELECTOR`: the constraints below are checked on every item the selector yields (paragraphs, lines, list items); "
  + "each holds only when it holds on all items, so its r stays 0 or 1.";

export function scopeMarkdown(scopes: readonly Scope[]): string {
  const lines = [`**Scope** \`${scopesSource(scopes)}\``, ""];
  scopes.forEach((scope, i) => lines.push(`${i + 1}. ${scopePhrase(scope)}${i > 0 ? " (within the text before)" : ""}`));
  lines.push("", scopes.some((s) => s.quantifier === "each") ? EACH_DOC : IN_DOC);
  return lines.join("\n");
}
