// Bad input: 10,000+ generated and mutated documents through analysis and every
// editor feature; none may throw. Speed is not asserted here (a loaded machine makes
// timed tests flaky): `npm run bench` times the degenerate shapes; a hang still fails
// through the suite's timeout.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { format, LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { quickFixes } from "../../../server/src/lsp/features/code-actions.js";
import { completionsAt } from "../../../server/src/lsp/features/completion.js";
import { foldingRanges } from "../../../server/src/lsp/features/folding.js";
import { hoverAt } from "../../../server/src/lsp/features/hover.js";
import { nameAt, renameName } from "../../../server/src/lsp/features/names.js";
import { encodeSemanticTokens, semanticTokens } from "../../../server/src/lsp/features/semantic-tokens.js";
import { signatureAt } from "../../../server/src/lsp/features/signature-help.js";
import { documentSymbols } from "../../../server/src/lsp/features/symbols.js";
import { FIGURE_1_LSR } from "../../helpers/fixtures.js";

const SEEDS = [
  FIGURE_1_LSR,
  `prompt "Answer in German."
language(language: de)
and { no_comma lowercase words(relation: at_least, num_words: 100) }
if json { title } else if bullets(num_bullets: 3) { postscript(postscript_marker: "P.S.") } else { soft tone "calm" }
`,
  `define a = no_comma
define a = lowercase
else { a }
then first finally
gamma -3
keywords(keywords: ["x", "y",], bogus: 1)
`,
];

const TOKENS = [
  "prompt", "gamma", "define", "first", "then", "finally", "if", "else", "and", "soft", "{", "}", "(", ")", "[", "]",
  ",", ":", "=", "\"", "\"\"\"", "\"text\"", "\"\"\"multi\nline\"\"\"", "#c\n", "//c\n", "0.5", "-1", "3", "1e9",
  "no_comma", "words", "relation", "num_words", "\"less than\"", "at_least", "tone", "x", "punctuation:no_comma", "a:b:c",
  "\\", "\u00e9", "\ud83d\ude00", "\r\n", "\n", "\t", " ", "@", "\u0000",
];

const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).chain((parts) =>
  fc.array(fc.constantFrom(" ", "\n", "", "  "), { minLength: parts.length, maxLength: parts.length })
    .map((seps) => parts.map((p, i) => p + seps[i]).join("")));

type Edit = { at: number; remove: number; insert: string };
const mutated = fc.tuple(
  fc.constantFrom(...SEEDS),
  fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }), { minLength: 1, maxLength: 6 }),
).map(([seed, edits]: [string, Edit[]]) => edits.reduce((text, e) => {
  const at = text.length ? e.at % (text.length + 1) : 0;
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}, seed));

/** Only catches hangs: the whole suite normally takes seconds. */
const HANG_TIMEOUT_MS = 10 * 60_000;

function exercise(text: string): void {
  const analysis = analyze(text);
  const lines = new LineIndex(text);
  const names = new Set(analysis.names.keys());
  const probes = [0, text.length, Math.floor(text.length / 3), Math.floor((2 * text.length) / 3), text.length + 5, -1];
  for (const offset of probes) {
    hoverAt(analysis, offset);
    completionsAt(analysis, text, Math.max(0, Math.min(offset, text.length)));
    signatureAt(text, Math.max(0, Math.min(offset, text.length)));
    if (nameAt(analysis, offset)) renameName(analysis, offset, "renamed");
  }
  encodeSemanticTokens(semanticTokens(text, analysis.ast, names, lines));
  foldingRanges(analysis.ast, lines);
  documentSymbols(analysis.ast, names);
  quickFixes(analysis, text, { start: 0, end: text.length });
  // Every feature answered; the analysis is a value: its diagnostics lie inside the text.
  for (const d of analysis.diagnostics) assert.ok(d.range.start >= 0 && d.range.end <= text.length && d.range.start <= d.range.end, `diagnostic range ${d.range.start}..${d.range.end} in ${text.length} chars`);
  format(text);
}

describe("lsp features on arbitrary input", { timeout: HANG_TIMEOUT_MS }, () => {
  it("never throw on 5,000 random token soups", () => {
    fc.assert(fc.property(soup, (text) => { exercise(text); }), { numRuns: 5000, seed: 20260101 });
  });

  it("never throw on 5,000 mutations of real documents", () => {
    fc.assert(fc.property(mutated, (text) => { exercise(text); }), { numRuns: 5000, seed: 20260102 });
  });

  it("never throw on 200 arbitrary unicode strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => { exercise(text); }), { numRuns: 200, seed: 20260103 });
  });

  it("survive a very deep nesting without hanging", () => {
    exercise(`${"and { ".repeat(3000)}no_comma${" }".repeat(3000)}`);
    exercise("if ".repeat(2000));
  });
});
