// Issue 9 item 12: other answers that grow with the whole document, at 4 MB: semantic tokens
// (VS Code asks for the full document after every edit; not capped, see docs/benchmarks.md)
// and the highlights of a name used two million times (asked on every cursor move; capped
// to lsrif.maxItemsComputed around the cursor).

import { LineIndex } from "../../grammars/src/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { toLspRange } from "../../server/src/lsp/convert.js";
import { nameAt, rangesAround } from "../../server/src/lsp/features/names.js";
import { encodeSemanticTokens, semanticTokens } from "../../server/src/lsp/features/semantic-tokens.js";
import { DEFAULT_MAX_ITEMS_COMPUTED } from "../../server/src/lsp/settings.js";
import { median } from "./core-bench.js";
import { cpuMs, fill, SHAPES } from "./hostile-bench.js";

const MB = 1 << 20;

export interface AnswerSize { cpuMs: number; bytes: number }

function measure(answer: () => string, runs: number): AnswerSize {
  const bytes = answer().length; // warm-up, and the size
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) cpu.push(cpuMs(answer));
  return { cpuMs: median(cpu), bytes };
}

/** textDocument/semanticTokens/full on 4 MB of each shape: tokens, their encoding and its JSON; median of `runs`. */
export function benchSemanticTokens(bytes = 4 * MB, runs = 3): Record<string, AnswerSize> {
  const out: Record<string, AnswerSize> = {};
  for (const [shape, unit] of Object.entries(SHAPES)) {
    const text = fill(bytes, unit);
    const lines = new LineIndex(text);
    const { ast, names } = analyze(text);
    out[shape] = measure(() => JSON.stringify({ data: encodeSemanticTokens(semanticTokens(text, ast, new Set(names.keys()), lines)) }), runs);
  }
  return out;
}

/** textDocument/documentHighlight on a name defined once and used on every other line of 4 MB, whole and capped. */
export function benchHighlights(limit = DEFAULT_MAX_ITEMS_COMPUTED, bytes = 4 * MB, runs = 3): { uses: number; whole: AnswerSize; capped: AnswerSize } {
  const text = fill(bytes, (i) => (i === 0 ? "define x = no_comma\n" : "x\n"));
  const lines = new LineIndex(text);
  const analysis = analyze(text);
  const cursor = text.length >> 1;
  const at = nameAt(analysis, text.lastIndexOf("x", cursor));
  if (!at) throw new Error("the bench document should have a use of x at its middle");
  // As the server's handler: the definition, then the uses (appended in a loop, no spread of two million).
  const answer = (max: number) => () => {
    const highlights = [{ range: toLspRange(lines, at.definition), kind: 3 }];
    for (const r of rangesAround(at.references, cursor, max - 1)) highlights.push({ range: toLspRange(lines, r), kind: 2 });
    return JSON.stringify(highlights);
  };
  return { uses: at.references.length, whole: measure(answer(Infinity), runs), capped: measure(answer(limit), runs) };
}
