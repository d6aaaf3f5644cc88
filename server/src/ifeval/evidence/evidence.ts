// What a hard verdict rests on, in words and offsets: "13 words; needs at least 120",
// "4 commas (first at line 2)". Kept apart from the checkers (types/*.ts) on purpose:
// a checker answers yes or no as fast as it can; an explainer measures again, once,
// for the one response a person is looking at. Explainers are keyed by type id.

/** A stretch of the response a verdict refers to: offsets, end exclusive. */
export interface EvidenceSpan {
  start: number;
  end: number;
}

export interface Evidence {
  /** One line, for people: what was measured and what was needed. */
  message: string;
  /** Where in the explained text; at most MAX_SPANS. */
  spans: EvidenceSpan[];
}

/** What an explainer finds: the evidence, and whether by its measure the constraint holds. */
export interface Finding extends Evidence {
  holds: boolean;
}

export type Explainer = (text: string, args: Record<string, unknown>) => Finding;

export const MAX_SPANS = 20;

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The spans of a global regex's matches (at most MAX_SPANS) and how many there are in all. */
export function matchSpans(text: string, regex: RegExp, keep: (match: string) => boolean = () => true): { count: number; spans: EvidenceSpan[] } {
  const spans: EvidenceSpan[] = [];
  let count = 0;
  const global = regex.global ? regex : new RegExp(regex.source, `${regex.flags}g`);
  global.lastIndex = 0;
  for (const m of text.matchAll(global)) {
    if (!keep(m[0])) continue;
    count++;
    if (spans.length < MAX_SPANS) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return { count, spans };
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A short quotation of a piece of the response. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export function firstAt(text: string, spans: EvidenceSpan[]): string {
  return spans.length > 0 ? ` (first at line ${lineAt(text, spans[0].start)})` : "";
}
