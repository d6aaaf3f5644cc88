// Scopes in plain words: for the rendered instruction ("In the first paragraph, ..."),
// for hovers and the logic tree, and for the evidence of a selector that matched nothing.

import type { ListKind, Scope, Selector } from "../analysis/logic.js";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

function unitNoun(selector: Selector, plural: boolean): string {
  const s = plural ? "s" : "";
  switch (selector.kind) {
    case "paragraphs":
      return `paragraph${s}`;
    case "lines":
      return `line${s}`;
    case "items":
      return `${listAdjective(selector.list)}item${s}`;
    default:
      return selector.kind;
  }
}

function listAdjective(list: ListKind): string {
  return list === "bullet" ? "bullet " : list === "numbered" ? "numbered " : "list ";
}

const quoted = (s: string): string => JSON.stringify(s);

/** A positional range as a noun phrase: "the first paragraph", "lines 2 to 4", "the last 3 bullet items", "every line". */
function rangePhrase(selector: Selector & { from: number; to: number }, each: boolean): string {
  const { from, to } = selector;
  const one = unitNoun(selector, false);
  const many = unitNoun(selector, true);
  if (from === 1 && to === -1) return each ? `every ${one}` : `all ${many}`;
  if (from === to) {
    if (from > 0) return from <= ORDINALS.length ? `the ${ORDINALS[from - 1]} ${one}` : `${one} ${from}`;
    if (from === -1) return `the last ${one}`;
  }
  if (from === 1 && to > 0) return `${each ? "each of " : ""}the first ${to} ${many}`;
  if (to === -1 && from < 0) return `${each ? "each of " : ""}the last ${-from} ${many}`;
  return `${each ? "each of " : ""}${many} ${from} to ${to}`;
}

/** What a selector selects, as a noun phrase. */
export function selectorPhrase(selector: Selector, each = false): string {
  switch (selector.kind) {
    case "paragraphs":
    case "lines":
    case "items":
      return rangePhrase(selector, each);
    case "lines-matching":
      return `${each ? "every line" : "the lines"} matching the regular expression ${quoted(selector.pattern)}`;
    case "section":
      return `the section ${quoted(selector.name)}`;
    case "before":
      return `the text before ${quoted(selector.marker)}`;
    case "after":
      return `the text after ${quoted(selector.marker)}`;
    case "between":
      return `the text between ${quoted(selector.start)} and ${quoted(selector.end)}`;
    case "extract":
      return `the part of the response that is ${selector.description}`;
  }
}

/** "In the first paragraph", "In every bullet item". */
export function scopePhrase(scope: Scope): string {
  return `In ${selectorPhrase(scope.selector, scope.quantifier === "each")}`;
}

/** A chain of scopes, outermost first: "In the section "Summary", in the first paragraph". */
export function scopesPhrase(scopes: readonly Scope[]): string {
  return scopes.map((s, i) => (i === 0 ? scopePhrase(s) : `in ${scopePhrase(s).slice(3)}`)).join(", ");
}

/** The evidence of a selector that matched nothing: "no paragraph 3", "no section "Summary"". */
export function missingEvidence(selector: Selector): string {
  switch (selector.kind) {
    case "paragraphs":
    case "lines":
    case "items": {
      const { from, to } = selector;
      if (from === 1 && to === -1) return `no ${unitNoun(selector, true)}`;
      if (from === to) return from > 0 ? `no ${unitNoun(selector, false)} ${from}` : `no ${unitNoun(selector, false)} ${from === -1 ? "at all" : `${-from} from the end`}`;
      if (from === 1) return `fewer than ${to} ${unitNoun(selector, true)}`;
      if (to === -1) return `fewer than ${-from} ${unitNoun(selector, true)}`;
      return `no ${unitNoun(selector, true)} ${from} to ${to}`;
    }
    case "lines-matching":
      return `no line matches ${quoted(selector.pattern)}`;
    case "section":
      return `no section ${quoted(selector.name)}`;
    case "before":
      return `no text before ${quoted(selector.marker)}`;
    case "after":
      return `no text after ${quoted(selector.marker)}`;
    case "between":
      return `no text between ${quoted(selector.start)} and ${quoted(selector.end)}`;
    case "extract":
      return `no part of the response is ${selector.description}`;
  }
}

/** The scope as written in .lsr (for hovers, printing and export warnings). */
export function scopeSource(scope: Scope): string {
  const sel = scope.selector;
  const q = scope.quantifier;
  switch (sel.kind) {
    case "paragraphs":
    case "lines":
    case "items": {
      const word = sel.kind === "items" ? (sel.list === "bullet" ? "bullet" : sel.list === "numbered" ? "numbered item" : "item") : sel.kind.slice(0, -1);
      const plural = `${word}s`;
      if (sel.from === 1 && sel.to === -1) return `${q} ${q === "each" ? word : plural}`;
      if (sel.from === sel.to && sel.from > 0) return `${q} ${word} ${sel.from}`;
      if (sel.from === -1 && sel.to === -1) return `${q} last ${word}`;
      if (sel.from === 1 && sel.to > 0) return `${q} first ${sel.to} ${plural}`;
      if (sel.to === -1 && sel.from < 0) return `${q} last ${-sel.from} ${plural}`;
      return `${q} ${plural} ${sel.from}..${sel.to}`;
    }
    case "lines-matching":
      return `${q} lines matching ${quoted(sel.pattern)}`;
    case "section":
      return `${q} section ${quoted(sel.name)}`;
    case "before":
    case "after":
      return `${q} ${sel.kind} ${quoted(sel.marker)}`;
    case "between":
      return `${q} between ${quoted(sel.start)} and ${quoted(sel.end)}`;
    case "extract":
      return `${q} extract ${quoted(sel.description)}`;
  }
}

export function scopesSource(scopes: readonly Scope[]): string {
  return scopes.map(scopeSource).join(" ");
}
