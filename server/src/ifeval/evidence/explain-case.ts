// Evidence for change_case:* and language:response_language.

import { pyIsLower, pyIsUpper } from "../python/py-text.js";
import { capitalWordCount, detectedLanguage } from "../text-cache.js";
import { lineAt, plural, quote, type Explainer, type Finding } from "./evidence.js";

type Relation = "less than" | "at least";

/** The first cased character that breaks all-upper (or all-lower) case. */
function firstOffending(text: string, upper: boolean): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue;
    if (upper ? ch !== up : ch !== lower) return i;
  }
  return -1;
}

function languagePart(text: string): { english: boolean; message: string } {
  const language = detectedLanguage(text);
  return { english: language === undefined || language === "en", message: language === undefined ? "language undetectable" : `detected language ${language}` };
}

function caseFinding(text: string, upper: boolean): Finding {
  const cased = upper ? pyIsUpper(text) : pyIsLower(text);
  const lang = languagePart(text);
  const holds = cased && lang.english;
  if (!cased) {
    const at = firstOffending(text, upper);
    const where = at >= 0 ? `: ${quote(text[at])} at line ${lineAt(text, at)}` : "";
    return { holds, message: `not all ${upper ? "capital" : "lowercase"} letters${where}`, spans: at >= 0 ? [{ start: at, end: at + 1 }] : [] };
  }
  return { holds, message: `all ${upper ? "capital" : "lowercase"}; ${lang.message}${lang.english ? "" : ", needs English"}`, spans: [] };
}

export const CASE_EXPLAINERS: Record<string, Explainer> = {
  "change_case:capital_word_frequency": (text, a) => {
    const count = capitalWordCount(text);
    const relation = a.capital_relation as Relation;
    const threshold = a.capital_frequency as number;
    const holds = relation === "less than" ? count < threshold : count >= threshold;
    return { holds, message: `${plural(count, "all-capital word")}; needs ${relation} ${threshold}`, spans: [] };
  },
  "change_case:english_capital": (text) => caseFinding(text, true),
  "change_case:english_lowercase": (text) => caseFinding(text, false),
  "language:response_language": (text, a) => {
    const language = detectedLanguage(text);
    const holds = language === undefined || language === a.language;
    return { holds, message: language === undefined ? "language undetectable (counts as followed)" : `detected language ${language}; needs ${a.language as string}`, spans: [] };
  },
};
