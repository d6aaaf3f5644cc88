// The texts a node is checked on. Scoring starts from the whole response; each scope
// selects within the current texts, so scopes compose (a section, then its first
// paragraph). A view keeps where its text lies in the response, for evidence and
// for the editor's highlight.

import type { Scope } from "../analysis/logic.js";
import { missingEvidence } from "./describe.js";
import { selectItems, type Span } from "./selectors.js";

/** One text a constraint is checked on: one or more spans of the response, joined by "\n". */
export interface View {
  readonly text: string;
  /** Offsets into the response, in order. */
  readonly spans: readonly Span[];
}

/**
 * Where a node's constraints are checked: on every view (all must hold); or nowhere because a
 * selector matched nothing (they fail with `evidence`); or not known because an extraction had
 * no judge (`unjudged`) or its judge failed (`error`).
 */
export type ViewSet =
  | { readonly kind: "views"; readonly views: readonly View[]; readonly whole: boolean }
  | { readonly kind: "missing"; readonly evidence: string }
  | { readonly kind: "unjudged"; readonly reason?: string }
  | { readonly kind: "error"; readonly error: string };

export function wholeResponse(response: string): ViewSet {
  return { kind: "views", views: [{ text: response, spans: [{ start: 0, end: response.length }] }], whole: true };
}

/** The outcome of asking a judge for the span a description names. */
export type Extraction =
  | { readonly status: "ok"; readonly span: string; readonly cached?: boolean }
  /** No judge (no `reason`), or one that cannot extract (`reason` says so). */
  | { readonly status: "unjudged"; readonly reason?: string }
  | { readonly status: "error"; readonly error: string };

/** Asks for the span `description` names in `text` (the judge, cached per scoring run). */
export type Extractor = (description: string, text: string) => Promise<Extraction>;

/** `local` (offsets into `view.text`) as spans of the response: the parts of `view.spans` it covers. */
export function toResponseSpans(view: View, local: Span): Span[] {
  return new SpanMapper(view).map(local);
}

/**
 * Maps local spans in increasing order of start with one forward pass over the view's spans,
 * so mapping every item of a view costs O(items + spans), not their product.
 */
class SpanMapper {
  private index = 0;
  /** Offset in `view.text` where `view.spans[index]` begins. */
  private offset = 0;

  constructor(private readonly view: View) {}

  map(local: Span): Span[] {
    const spans = this.view.spans;
    // Skip spans that end before this local span starts; later locals start no earlier.
    while (this.index < spans.length && this.offset + (spans[this.index].end - spans[this.index].start) <= local.start) {
      this.offset += spans[this.index].end - spans[this.index].start + 1; // the "\n" joining it to the next
      this.index++;
    }
    const out: Span[] = [];
    let offset = this.offset;
    for (let i = this.index; i < spans.length && offset < local.end; i++) {
      const span = spans[i];
      const length = span.end - span.start;
      const start = Math.max(local.start, offset);
      const end = Math.min(local.end, offset + length);
      if (start < end) out.push({ start: span.start + (start - offset), end: span.start + (end - offset) });
      offset += length + 1;
    }
    return out;
  }
}

function subView(view: View, local: Span, mapper: SpanMapper): View {
  return { text: view.text.slice(local.start, local.end), spans: mapper.map(local) };
}

/** Several local spans checked as one text: joined with "\n". */
function joinedView(view: View, items: readonly Span[], mapper: SpanMapper): View {
  return { text: items.map((s) => view.text.slice(s.start, s.end)).join("\n"), spans: items.flatMap((s) => mapper.map(s)) };
}

/** The views `scope` selects within each of `set`'s views. */
export async function applyScope(scope: Scope, set: ViewSet, extract: Extractor): Promise<ViewSet> {
  if (set.kind !== "views") return set;
  const out: View[] = [];
  for (const view of set.views) {
    const selector = scope.selector;
    if (selector.kind === "extract") {
      const found = await extract(selector.description, view.text);
      if (found.status === "unjudged") return found.reason === undefined ? { kind: "unjudged" } : { kind: "unjudged", reason: found.reason };
      if (found.status === "error") return { kind: "error", error: found.error };
      const at = found.span === "" ? -1 : view.text.indexOf(found.span);
      if (at < 0) return { kind: "error", error: `the judge's span for "${selector.description}" does not occur verbatim in the text: ${JSON.stringify(found.span.slice(0, 80))}` };
      out.push(subView(view, { start: at, end: at + found.span.length }, new SpanMapper(view)));
      continue;
    }
    const selected = selectItems(selector, view.text);
    if (selected === undefined) return { kind: "missing", evidence: missingEvidence(selector) };
    const { items, contiguous } = selected;
    const mapper = new SpanMapper(view);
    if (scope.quantifier === "each") for (const item of items) out.push(subView(view, item, mapper));
    else if (contiguous) out.push(subView(view, { start: items[0].start, end: items[items.length - 1].end }, mapper));
    else out.push(joinedView(view, items, mapper));
  }
  return { kind: "views", views: out, whole: false };
}

export async function applyScopes(scopes: readonly Scope[], set: ViewSet, extract: Extractor): Promise<ViewSet> {
  let current = set;
  for (const scope of scopes) current = await applyScope(scope, current, extract);
  return current;
}
