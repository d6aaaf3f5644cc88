// Evidence for length_constraints:* and punctuation:no_comma: counts against thresholds.

import { pyLstripChars, pySplitWhitespace, pyStrip, PY_WHITESPACE_CLASS } from "../python/py-text.js";
import { sentenceCount, wordCount } from "../text-cache.js";
import { firstAt, matchSpans, plural, quote, type Explainer, type Finding } from "./evidence.js";

type Relation = "less than" | "at least";

function compare(count: number, relation: Relation, threshold: number): boolean {
  return relation === "less than" ? count < threshold : count >= threshold;
}

function counted(what: string, count: number, relation: Relation, threshold: number): Finding {
  const holds = compare(count, relation, threshold);
  return { holds, message: `${plural(count, what)}; needs ${relation} ${threshold}`, spans: [] };
}

const PARAGRAPH_DIVIDER = new RegExp(`[${PY_WHITESPACE_CLASS}]?\\*\\*\\*[${PY_WHITESPACE_CLASS}]?`, "gu");

const FIRST_WORD_STOP = new Set([".", ",", "?", "!", "'", '"']);

function firstWordOf(paragraph: string): string {
  const word = pyLstripChars(pyLstripChars(pySplitWhitespace(paragraph)[0] ?? "", "'"), '"');
  let out = "";
  for (const ch of word) {
    if (FIRST_WORD_STOP.has(ch)) break;
    out += ch.toLowerCase();
  }
  return out;
}

export const LENGTH_EXPLAINERS: Record<string, Explainer> = {
  "length_constraints:number_words": (text, a) => counted("word", wordCount(text), a.relation as Relation, a.num_words as number),
  "length_constraints:number_sentences": (text, a) => counted("sentence", sentenceCount(text), a.relation as Relation, a.num_sentences as number),
  "length_constraints:number_paragraphs": (text, a) => {
    const parts = text.split(PARAGRAPH_DIVIDER);
    const emptyInside = parts.findIndex((p, i) => pyStrip(p) === "" && i !== 0 && i !== parts.length - 1);
    const count = parts.filter((p) => pyStrip(p) !== "").length;
    const { spans } = matchSpans(text, PARAGRAPH_DIVIDER);
    if (emptyInside >= 0) return { holds: false, message: `paragraph ${emptyInside + 1} between "***" dividers is empty`, spans };
    const holds = count === a.num_paragraphs;
    return { holds, message: `${plural(count, "paragraph")} separated by "***"; needs exactly ${a.num_paragraphs as number}`, spans };
  },
  "length_constraints:nth_paragraph_first_word": (text, a) => {
    const paragraphs = text.split("\n\n");
    const count = paragraphs.filter((p) => pyStrip(p) !== "").length;
    const n = a.nth_paragraph as number;
    const wanted = (a.first_word as string).toLowerCase();
    const countPart = `${plural(count, "paragraph")} (needs exactly ${a.num_paragraphs as number})`;
    if (n > count) return { holds: false, message: `${countPart}; there is no paragraph ${n}`, spans: [] };
    const paragraph = pyStrip(paragraphs[n - 1]);
    if (paragraph === "") return { holds: false, message: `${countPart}; paragraph ${n} is empty`, spans: [] };
    const first = firstWordOf(paragraph);
    const holds = count === a.num_paragraphs && first === wanted;
    let start = 0;
    for (let i = 0; i < n - 1; i++) start += paragraphs[i].length + 2;
    const at = text.indexOf(paragraph.slice(0, 1), start);
    return { holds, message: `${countPart}; paragraph ${n} starts with ${quote(first)}, needs ${quote(wanted)}`, spans: at >= 0 ? [{ start: at, end: at + Math.max(1, first.length) }] : [] };
  },
  "punctuation:no_comma": (text) => {
    const { count, spans } = matchSpans(text, /,/g);
    return { holds: count === 0, message: count === 0 ? "no commas" : `${plural(count, "comma")}${firstAt(text, spans)}`, spans };
  },
};
