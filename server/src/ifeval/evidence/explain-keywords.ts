// Evidence for keywords:*: where each keyword was found, or that it was not.
// Keywords are Python regexes, case-insensitive, as in the checkers.

import { compilePyRegex } from "../python/py-regex.js";
import { pyStrip } from "../python/py-text.js";
import { lineAt, matchSpans, plural, quote, type EvidenceSpan, type Explainer } from "./evidence.js";

type Relation = "less than" | "at least";

const keyword = (k: string): RegExp | undefined => compilePyRegex(k, { ignoreCase: true });

function firstMatch(text: string, regex: RegExp | undefined): EvidenceSpan | undefined {
  if (!regex) return undefined;
  const sticky = new RegExp(regex.source, regex.flags.replace("g", "").replace("y", ""));
  const m = sticky.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The first whole-word occurrence (\bword\b), as the forbidden-words checker looks for it. */
function firstWholeWord(text: string, word: string): EvidenceSpan | undefined {
  if (!/^[\p{L}\p{N}_]+$/u.test(word)) return firstMatch(text, compilePyRegex(String.raw`\b` + word + String.raw`\b`, { ignoreCase: true }));
  const regex = keyword(word);
  if (!regex) return undefined;
  for (const m of text.matchAll(new RegExp(regex.source, `${regex.flags.replace("g", "")}g`))) {
    const before = m.index > 0 ? String.fromCodePoint(text.codePointAt(m.index - 1 - (/[\udc00-\udfff]/.test(text[m.index - 1]) ? 1 : 0))!) : "";
    const after = text.codePointAt(m.index + m[0].length);
    const afterChar = after === undefined ? "" : String.fromCodePoint(after);
    if (m[0].length === 0) continue;
    if ((before === "" || !WORD_CHAR.test(before)) && (afterChar === "" || !WORD_CHAR.test(afterChar))) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

export const KEYWORD_EXPLAINERS: Record<string, Explainer> = {
  "keywords:existence": (text, a) => {
    const found: string[] = [];
    const missing: string[] = [];
    const spans: EvidenceSpan[] = [];
    for (const k of a.keywords as string[]) {
      const at = firstMatch(text, keyword(k));
      if (at) {
        found.push(`found ${quote(k)} at line ${lineAt(text, at.start)}`);
        spans.push(at);
      } else missing.push(quote(k));
    }
    const parts = [...(missing.length ? [`missing ${missing.join(", ")}`] : []), ...found];
    return { holds: missing.length === 0, message: parts.join("; "), spans };
  },
  "keywords:frequency": (text, a) => {
    const k = pyStrip(a.keyword as string);
    const regex = keyword(k);
    const { count, spans } = regex ? matchSpans(text, regex) : { count: 0, spans: [] };
    const relation = a.relation as Relation;
    const threshold = a.frequency as number;
    const holds = regex !== undefined && (relation === "less than" ? count < threshold : count >= threshold);
    return { holds, message: `${quote(k)} appears ${plural(count, "time")}; needs ${relation} ${threshold}`, spans };
  },
  "keywords:forbidden_words": (text, a) => {
    const found: string[] = [];
    const spans: EvidenceSpan[] = [];
    for (const w of a.forbidden_words as string[]) {
      const at = firstWholeWord(text, w);
      if (at) {
        found.push(`found ${quote(w)} at line ${lineAt(text, at.start)}`);
        spans.push(at);
      }
    }
    return { holds: found.length === 0, message: found.length ? found.join("; ") : "none of the forbidden words", spans };
  },
  "keywords:letter_frequency": (text, a) => {
    const letter = (a.letter as string).toLowerCase();
    const lower = text.toLowerCase();
    const spans: EvidenceSpan[] = [];
    let count = 0;
    if ([...letter].length === 1) {
      for (let i = lower.indexOf(letter); i >= 0; i = lower.indexOf(letter, i + letter.length)) {
        count++;
        if (spans.length < 20 && lower.length === text.length) spans.push({ start: i, end: i + letter.length });
      }
    }
    const relation = a.let_relation as Relation;
    const threshold = a.let_frequency as number;
    const holds = relation === "less than" ? count < threshold : count >= threshold;
    return { holds, message: `the letter ${quote(letter)} appears ${plural(count, "time")}; needs ${relation} ${threshold}`, spans };
  },
};
