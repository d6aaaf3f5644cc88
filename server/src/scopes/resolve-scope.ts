// From a scope head as written (`in last 3 lines`, `each numbered item`) to its
// meaning (a Scope of the logic tree), with a coded diagnostic for every
// selector that cannot work. Never throws.

import type { NumberNode, ScopeHeadNode, SelectorNode } from "../../../grammars/src/index.js";
import { diagnostic, type Diagnostic } from "../analysis/diagnostic.js";
import type { ListKind, LogicNode, Scope, Selector } from "../analysis/logic.js";
import { compilePyRegex } from "../ifeval/python/py-regex.js";

type Unit = "paragraphs" | "lines" | "items" | "section" | "before" | "after" | "between" | "extract";

const UNITS: Record<string, { unit: Unit; list?: ListKind }> = {
  paragraph: { unit: "paragraphs" },
  paragraphs: { unit: "paragraphs" },
  line: { unit: "lines" },
  lines: { unit: "lines" },
  item: { unit: "items", list: "any" },
  items: { unit: "items", list: "any" },
  bullet: { unit: "items", list: "bullet" },
  bullets: { unit: "items", list: "bullet" },
  numbered: { unit: "items", list: "numbered" },
  section: { unit: "section" },
  before: { unit: "before" },
  after: { unit: "after" },
  between: { unit: "between" },
  extract: { unit: "extract" },
};

/** The selector words completion offers, with what each selects. */
export const SELECTOR_WORDS: readonly { word: string; detail: string }[] = [
  { word: "paragraph", detail: "paragraph N, paragraphs N..M, first/last paragraph: blank-line separated paragraphs" },
  { word: "line", detail: "line N, first/last N lines, lines matching \"RE\"" },
  { word: "bullet", detail: "bullet list items (* or -)" },
  { word: "numbered item", detail: "numbered list items (1. or 1))" },
  { word: "item", detail: "bullet or numbered list items" },
  { word: "section", detail: "section \"NAME\": a Markdown section by heading, or a SECTION X marker" },
  { word: "before", detail: "before \"MARKER\": the text before a literal marker" },
  { word: "after", detail: "after \"MARKER\": the text after a literal marker" },
  { word: "between", detail: "between \"A\" and \"B\": the text between two markers" },
  { word: "extract", detail: "extract \"DESCRIPTION\": the span the judge names" },
  { word: "first", detail: "first [N] paragraphs/lines/items" },
  { word: "last", detail: "last [N] paragraphs/lines/items" },
];

/** Selectors that yield items `each` can range over. */
export function yieldsItems(selector: Selector): boolean {
  return selector.kind === "paragraphs" || selector.kind === "lines" || selector.kind === "items" || selector.kind === "lines-matching";
}

export interface ScopeResolution {
  scope: Scope | undefined;
  diagnostics: Diagnostic[];
}

export function resolveScopeHead(head: ScopeHeadNode): ScopeResolution {
  const diagnostics: Diagnostic[] = [];
  const selector = head.selector && resolveSelector(head.selector, diagnostics);
  if (selector === undefined) return { scope: undefined, diagnostics };
  if (head.quantifier === "each" && !yieldsItems(selector)) {
    diagnostics.push(diagnostic("eachWithoutItems", head.keywordRange,
      `'each' needs a selector that yields items (paragraphs, lines, list items); '${head.selector!.unit}' selects one span. Use 'in'.`,
      { replacements: ["in"] }));
    return { scope: undefined, diagnostics };
  }
  return { scope: { quantifier: head.quantifier, selector, range: head.range }, diagnostics };
}

function resolveSelector(node: SelectorNode, out: Diagnostic[]): Selector | undefined {
  const bad = (message: string, range = node.range): undefined => {
    out.push(diagnostic("badSelector", range, message));
    return undefined;
  };
  const word = node.unit?.toLowerCase();
  const entry = word === undefined ? undefined : UNITS[word];
  if (entry === undefined) {
    return bad(`Unknown selector '${node.unit ?? ""}'. Selectors: paragraph, line, item, bullet, numbered item, section, before, after, between, extract.`, node.unitRange ?? node.range);
  }
  if (word === "numbered" && node.unitSecond === undefined) return bad("Write 'numbered item' or 'numbered items'.", node.unitRange);
  const { unit } = entry;
  if (unit === "paragraphs" || unit === "lines" || unit === "items") {
    if (node.text !== undefined && !(unit === "lines" && node.matching)) return bad(`'${node.unit}' takes no text; did you mean 'lines matching "…"'?`, node.text.range);
    if (node.matching) {
      if (unit !== "lines") return bad("'matching' goes with 'lines': lines matching \"RE\".");
      if (node.position !== undefined || node.from !== undefined) return bad("'lines matching' selects every matching line; it takes no position or number.");
      if (node.text === undefined) return bad("'lines matching' needs a regular expression in quotes.");
      if (compilePyRegex(node.text.value, { multiline: true }) === undefined) {
        out.push(diagnostic("badScopeRegex", node.text.range, `This regular expression does not compile under Python 're' (or uses a construct the checker does not support).`));
        return undefined;
      }
      return { kind: "lines-matching", pattern: node.text.value };
    }
    const range = positions(node, out);
    if (range === undefined) return undefined;
    return unit === "items" ? { kind: "items", list: entry.list!, from: range.from, to: range.to } : { kind: unit, from: range.from, to: range.to };
  }
  if (node.position !== undefined || node.from !== undefined) return bad(`'${node.unit}' takes no position or number.`);
  if (node.text === undefined) return bad(`'${node.unit}' needs ${unit === "section" ? "a section name" : unit === "extract" ? "a description" : "a marker"} in quotes.`);
  if (node.text.value.trim() === "") {
    out.push(diagnostic("emptySelectorText", node.text.range, `An empty ${unit === "section" ? "section name" : unit === "extract" ? "description" : "marker"} selects nothing.`));
    return undefined;
  }
  if (unit !== "between" && (node.andRange !== undefined || node.text2 !== undefined)) return bad(`Only 'between' takes two markers ('between "A" and "B"').`);
  switch (unit) {
    case "section":
      return { kind: "section", name: node.text.value };
    case "before":
    case "after":
      return { kind: unit, marker: node.text.value };
    case "extract":
      return { kind: "extract", description: node.text.value };
    case "between":
      if (node.text2 === undefined) return bad("'between' needs two markers: between \"A\" and \"B\".");
      if (node.text2.value.trim() === "") {
        out.push(diagnostic("emptySelectorText", node.text2.range, "An empty marker selects nothing."));
        return undefined;
      }
      return { kind: "between", start: node.text.value, end: node.text2.value };
  }
}

function wholeNumber(n: NumberNode, out: Diagnostic[], what: string): number | undefined {
  if (!Number.isInteger(n.value) || n.value < 1) {
    out.push(diagnostic("badSelector", n.range, `${what} count from 1: '${n.raw}' is not a position.`, { replacements: ["1"] }));
    return undefined;
  }
  return n.value;
}

/** `first [N]`, `last [N]`, `N`, `N..M`, or nothing (all), as an inclusive from..to with negatives from the end. */
function positions(node: SelectorNode, out: Diagnostic[]): { from: number; to: number } | undefined {
  const what = node.unit ? `${node.unit[0].toUpperCase()}${node.unit.slice(1).toLowerCase().replace(/s$/, "")}s` : "Positions";
  if (node.position !== undefined) {
    if (node.from !== undefined) {
      out.push(diagnostic("badSelector", node.from.range, `Write either '${node.position} N ${node.unit}' or '${node.unit} N', not both.`));
      return undefined;
    }
    const n = node.count === undefined ? 1 : wholeNumber(node.count, out, what);
    if (n === undefined) return undefined;
    return node.position === "first" ? { from: 1, to: n } : { from: -n, to: -1 };
  }
  if (node.from === undefined) return { from: 1, to: -1 };
  const from = wholeNumber(node.from, out, what);
  if (from === undefined) return undefined;
  if (!node.hasRange) return { from, to: from };
  if (node.to === undefined) {
    out.push(diagnostic("badSelector", node.range, `A range needs its end: '${node.unit} ${from}..M'.`));
    return undefined;
  }
  const to = wholeNumber(node.to, out, what);
  if (to === undefined) return undefined;
  if (to < from) {
    out.push(diagnostic("badSelector", node.range, `The range ${from}..${to} is empty: its end comes before its start.`));
    return undefined;
  }
  return { from, to };
}

/** Hard constraints about the shape of a whole response, meaningless on one list item. */
const RESPONSE_SHAPE_IDS = new Set([
  "length_constraints:number_paragraphs",
  "length_constraints:nth_paragraph_first_word",
  "detectable_format:multiple_sections",
  "detectable_format:number_bullet_lists",
  "detectable_format:json_format",
  "detectable_content:postscript",
  "combination:two_responses",
  "combination:repeat_prompt",
]);

/** LSR074 for each hard leaf under `node` that means nothing on a list item. */
export function meaninglessOnItems(node: LogicNode, out: Diagnostic[]): void {
  const visit = (n: LogicNode): void => {
    switch (n.kind) {
      case "hard":
        if (RESPONSE_SHAPE_IDS.has(n.id) && n.range) {
          out.push(diagnostic("meaninglessOnItem", n.range, `'${n.id}' is about the shape of a whole response; on one list item it can never mean what it says.`));
        }
        return;
      case "soft":
        return;
      case "parallel":
        n.children.forEach(visit);
        return;
      case "sequential":
        n.steps.forEach(visit);
        return;
      case "conditional":
        visit(n.condition);
        visit(n.then);
        if (n.else) visit(n.else);
        return;
    }
  };
  visit(node);
}

/**
 * The node with `scopes` in front of its own; a new object, the input is left alone. The node
 * keeps its own range (the constraint's or the block's), so hovers, verdicts and editor marks
 * find it as they find unscoped nodes.
 */
export function withScopes<N extends LogicNode>(node: N, scopes: readonly Scope[]): N {
  return { ...node, scopes: node.scopes ? [...scopes, ...node.scopes] : scopes };
}
