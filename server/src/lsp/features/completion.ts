// Completion: keywords, constraint ids and aliases, argument names and enum values,
// soft categories, defined names, and snippets for the structures.

import type { Range } from "../../../../grammars/src/index.js";
import type { Analysis } from "../../analysis/analyze.js";
import { SOFT_CATEGORIES, SOFT_CATEGORY_DESCRIPTIONS } from "../../analysis/soft-categories.js";
import { describeArgs, findHardType, HARD_TYPES, type ArgDescription } from "../../ifeval/registry.js";
import { argumentSignature, constraintTypeMarkdown } from "./constraint-docs.js";
import { contextStart, cursorContext, type StructureKeyword } from "./cursor-context.js";
import { SELECTOR_WORDS } from "../../scopes/resolve-scope.js";
import { EACH_DOC, IN_DOC } from "./scope-docs.js";

const SCOPE_DOC = `${IN_DOC}\n\n${EACH_DOC}`;
import { continuationsAt, type Continuations } from "./item-continuations.js";
import { escapeMarkdown } from "./markdown.js";

export type CompletionKind = "keyword" | "constraint" | "argument" | "value" | "name" | "snippet" | "category";

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What replaces `range`; a snippet (with $1 tab stops) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  range: Range;
  sortText?: string;
}

/** `insert`: a snippet inserted instead of the bare word. `soft` is offered by its snippet, so it is listed once. */
const KEYWORDS: { word: string; detail: string; insert?: string }[] = [
  { word: "prompt", detail: "the seed prompt: prompt \"\"\"...\"\"\"", insert: 'prompt "$1"' },
  { word: "gamma", detail: "sequence penalty base in [0, 1]" },
  { word: "define", detail: "name a constraint: define name = constraint" },
  { word: "first", detail: "start a sequence (Sequential)" },
  { word: "then", detail: "a later step of a sequence" },
  { word: "finally", detail: "the last step of a sequence" },
  { word: "if", detail: "a condition and its branch (Conditional)" },
  { word: "else", detail: "the branch when the condition fails" },
  { word: "and", detail: "a block that must hold together (Parallel)" },
  { word: "in", detail: "a scope: check what follows on part of the response (in paragraph 1 { ... })" },
  { word: "each", detail: "a scope over items: every item must pass (each bullet { ... })" },
];

/** Headers are top-level only; after a structure keyword only what can follow it. */
const HEADERS = new Set(["prompt", "gamma", "define"]);
const AFTER: Record<StructureKeyword, ReadonlySet<string>> = {
  first: new Set(["if", "and"]),
  then: new Set(["if", "and"]),
  finally: new Set(["if", "and"]),
  if: new Set(["and"]),
  else: new Set(["if", "and"]),
  and: new Set(),
};

function keywordAllowed(word: string, after: StructureKeyword | undefined, nested: boolean, continues: Continuations): boolean {
  if (after) return AFTER[after].has(word);
  // At an item's start: `else` only after an `if` block, `then`/`finally` only after a sequence's step.
  if (word === "else") return continues.else;
  if (word === "then" || word === "finally") return continues.step;
  return !(nested && HEADERS.has(word));
}

const SNIPPETS: { label: string; detail: string; body: string }[] = [
  { label: "first/then/finally", detail: "Sequential: ordered steps", body: "first ${1:constraint}\nthen ${2:constraint}\nfinally ${3:constraint}" },
  { label: "if/else", detail: "Conditional with both branches", body: "if ${1:condition} {\n\t${2:constraint}\n} else {\n\t${3:constraint}\n}" },
  { label: "and-block", detail: "Parallel: all must hold", body: "and {\n\t${1:constraint}\n}" },
  { label: "soft", detail: "soft constraint with a category", body: "soft ${1:style} \"${2:text}\"" },
  { label: "in paragraph", detail: "Scope: constraints on one paragraph", body: "in paragraph ${1:1} {\n\t${2:constraint}\n}" },
  { label: "in section", detail: "Scope: constraints on a Markdown section", body: "in section \"${1:Summary}\" {\n\t${2:constraint}\n}" },
  { label: "each bullet", detail: "Scope: every bullet item must pass", body: "each bullet {\n\t${1:constraint}\n}" },
];

export function completionsAt(analysis: Analysis, text: string, offset: number): CompletionEntry[] {
  const { context, wordRange } = cursorContext(text, offset, contextStart(analysis, offset));
  switch (context.kind) {
    case "none":
      return [];
    case "soft-category":
      return SOFT_CATEGORIES.map((c) => ({ label: c, kind: "category", detail: SOFT_CATEGORY_DESCRIPTIONS[c], insertText: c, range: wordRange }));
    case "argument-name": {
      const type = findHardType(context.call);
      if (!type) return [];
      return describeArgs(type).filter((a) => !context.given.includes(a.name)).map((a, i) => ({
        label: a.name, kind: "argument", detail: argumentSignature(a),
        // Sent as Markdown like every completion's docs: shown literally.
        ...(a.description ? { documentation: escapeMarkdown(a.description) } : {}),
        insertText: `${a.name}: `, range: wordRange, sortText: String(i).padStart(3, "0"),
      }));
    }
    case "argument-value": {
      const spec = findHardType(context.call) && describeArgs(findHardType(context.call)!).find((a) => a.name === context.argument);
      if (!spec?.values) return [];
      const range = context.string ?? wordRange;
      return spec.values.map((v) => ({ label: v, kind: "value", detail: `${context.argument}`, insertText: JSON.stringify(v), range }));
    }
    case "item":
      return itemCompletions(analysis, wordRange, context.afterDefine, context.after, context.nested === true,
        continuationsAt(analysis.ast, context.previousEnd, wordRange.start));
    case "selector":
      return selectorCompletions(wordRange, context.afterPosition);
  }
}

function itemCompletions(
  analysis: Analysis, range: Range, afterDefine: boolean, after: StructureKeyword | undefined, nested: boolean, continues: Continuations,
): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  if (!afterDefine) {
    for (const k of KEYWORDS) {
      if (!keywordAllowed(k.word, after, nested, continues)) continue;
      out.push({ label: k.word, kind: "keyword", detail: k.detail, insertText: k.insert ?? k.word, ...(k.insert ? { snippet: true } : {}), range, sortText: `1${k.word}` });
    }
    for (const s of SNIPPETS) {
      // After a keyword only the soft snippet is a constraint; the structures start an item of their own.
      if (after && s.label !== "soft" && !(s.label === "if/else" && AFTER[after].has("if")) && !(s.label === "and-block" && AFTER[after].has("and"))) continue;
      out.push({ label: s.label, kind: "snippet", detail: s.detail, insertText: s.body, snippet: true, range, sortText: `0${s.label}` });
    }
    for (const name of analysis.names.keys()) {
      out.push({ label: name, kind: "name", detail: "defined constraint", insertText: name, range, sortText: `0${name}` });
    }
  } else {
    out.push({ label: "soft", kind: "keyword", detail: "a constraint judged by a model", insertText: "soft", range });
  }
  for (const entry of constraintEntries()) out.push({ ...entry, range });
  return out;
}

/** Selector words after `in` / `each`; after `first` / `last` only the units that take a position. */
function selectorCompletions(range: Range, afterPosition: boolean): CompletionEntry[] {
  const positional = new Set(["paragraph", "line", "bullet", "numbered item", "item"]);
  return SELECTOR_WORDS.filter((w) => !afterPosition || positional.has(w.word)).map((w, i) => ({
    label: w.word, kind: "keyword", detail: w.detail, documentation: SCOPE_DOC, insertText: w.word, range, sortText: String(i).padStart(2, "0"),
  }));
}

type RangelessEntry = Omit<CompletionEntry, "range">;
let constraintCache: RangelessEntry[] | undefined;

/** One entry per constraint id and alias; built once, since the registry never changes. */
function constraintEntries(): RangelessEntry[] {
  if (constraintCache) return constraintCache;
  constraintCache = HARD_TYPES.flatMap((type) => {
    const required = describeArgs(type).filter((a) => a.required);
    const argSnippet = required.length ? `(${required.map((a, i) => `${a.name}: ${placeholder(a, i + 1)}`).join(", ")})` : "";
    const documentation = constraintTypeMarkdown(type);
    return [type.id, ...type.aliases].map((name): RangelessEntry => ({
      label: name, kind: "constraint", detail: type.summary, documentation,
      insertText: `${name}${argSnippet}`, snippet: argSnippet.length > 0, sortText: `2${name === type.id ? "1" : "0"}${name}`,
    }));
  });
  return constraintCache;
}

function placeholder(arg: ArgDescription, stop: number): string {
  if (arg.values) return `"\${${stop}|${arg.values.slice(0, 30).join(",")}|}"`;
  if (arg.type === "string") return `"\${${stop}}"`;
  if (arg.type.endsWith("[]")) return `["\${${stop}}"]`;
  return `\${${stop}:1}`;
}
