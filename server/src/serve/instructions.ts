// Where a request's instruction comes from: an id in the preloaded set
// (--instructions, the same loader as score-batch), or inline text/JSON parsed
// once and kept by content. Never throws: a bad instruction is a reason.

import type { Instruction } from "../analysis/logic.js";
import { analyze } from "../analysis/analyze.js";
import type { BatchInstructions } from "../cli/batch/instructions.js";
import { importLsrInstructJson } from "../interchange/lsrinstruct-json.js";
import { LineIndex } from "../../../grammars/src/index.js";

export type Resolved = { ok: true; instruction: Instruction } | { ok: false; reason: string };

/** Inline instructions kept; a GRPO step repeats each one group-size times. */
const CACHE_ENTRIES = 10_000;
const JSON_TEXT = /^\s*\{/;

export class InstructionSource {
  // Keyed by the text itself: V8 hashes a string key once and compares on a hit, so
  // equal texts share an entry with no collision to rule out, and a lookup costs a small
  // fraction of a SHA-256 (which was a tenth of the server's time on one-item requests).
  // A Map keeps insertion order, which is all a bounded cache of immutable values
  // needs (oldest out first); a library LRU would add nothing here.
  private readonly inline = { json: new Map<string, Resolved>(), lsr: new Map<string, Resolved>() };

  constructor(private readonly preloaded: BatchInstructions | undefined) {}

  get preloadedCount(): number {
    return this.preloaded?.usable.size ?? 0;
  }

  has(id: string): boolean {
    return this.preloaded !== undefined && (this.preloaded.usable.has(id) || this.preloaded.broken.has(id));
  }

  byId(id: string): Resolved {
    const instruction = this.preloaded?.usable.get(id);
    if (instruction) return { ok: true, instruction };
    const broken = this.preloaded?.broken.get(id);
    if (broken !== undefined) return { ok: false, reason: `instruction '${id}' has errors (${broken})` };
    if (!this.preloaded) return { ok: false, reason: `unknown instruction id '${id}' (the server was started without --instructions)` };
    return { ok: false, reason: `unknown instruction id '${id}'` };
  }

  /** .lsr text, LsrInstruct JSON text, or an LsrInstruct JSON object. */
  inlineInstruction(value: string | object): Resolved {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const asJson = typeof value !== "string" || JSON_TEXT.test(text);
    const cache = asJson ? this.inline.json : this.inline.lsr;
    const hit = cache.get(text);
    if (hit) return hit;
    const resolved = asJson ? fromJson(text) : fromLsr(text);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(text, resolved);
    return resolved;
  }
}

function fromJson(text: string): Resolved {
  const { instruction, errors } = importLsrInstructJson(text, "instruction.json");
  if (instruction && errors.length === 0) return { ok: true, instruction };
  const first = errors[0];
  const where = first ? `${first.line}:${first.column}: ${first.message}` : "no instruction";
  return { ok: false, reason: `bad LsrInstruct JSON instruction: ${where}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}` };
}

function fromLsr(text: string): Resolved {
  const analysis = analyze(text);
  if (analysis.instruction && !analysis.hasErrors) return { ok: true, instruction: analysis.instruction };
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  const first = errors[0];
  if (!first) return { ok: false, reason: "bad .lsr instruction" };
  const pos = new LineIndex(text).positionAt(first.range.start);
  return { ok: false, reason: `bad .lsr instruction: ${pos.line + 1}:${pos.character + 1}: ${first.code} ${first.message}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}` };
}
