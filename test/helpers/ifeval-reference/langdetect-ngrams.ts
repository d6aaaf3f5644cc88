// Test oracle: the implementation as of commit 0a6ff68 (before issue 9), kept verbatim so
// property tests can compare the linear-time rewrite with it. Not shipped.
// Python langdetect's text preparation and n-gram extraction (Detector.append,
// cleaning_text, _extract_ngrams, NGram.normalize / normalize_vi), code point by code point.
import type { LangdetectData } from "../../../server/src/ifeval/text/langdetect-profiles.js";
import { pyIsUpper } from "./py-text.js";

const URL = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;
const MAX_TEXT_LENGTH = 10000;

const vietnamesePatterns = new WeakMap<LangdetectData, RegExp>();

function normalizeVietnamese(text: string, data: LangdetectData): string {
  let pattern = vietnamesePatterns.get(data);
  if (!pattern) {
    pattern = new RegExp(`([${data.viToNormalize}])([${data.viDiacriticalMarks}])`, "gu");
    vietnamesePatterns.set(data, pattern);
  }
  return text.replace(pattern, (_m, letter: string, mark: string) => {
    const row = [...data.viNormalized[data.viDiacriticalMarks.indexOf(mark)]];
    return row[[...data.viToNormalize].indexOf(letter)];
  });
}

/** `NGram.normalize(ch)` for one code point. */
function normalizeChar(ch: string, data: LangdetectData): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? ch : " ";
  if (cp <= 0xff) return data.latin1Excluded.includes(ch) ? " " : ch;
  if (cp >= 0x180 && cp <= 0x24f) return cp === 0x219 ? "\u015f" : cp === 0x21b ? "\u0163" : ch;
  if (cp >= 0x2000 && cp <= 0x206f) return " ";
  if (cp >= 0x600 && cp <= 0x6ff) return cp === 0x6cc ? "\u064a" : ch;
  if (cp >= 0x1e00 && cp <= 0x1eff) return cp >= 0x1ea0 ? "\u1ec3" : ch;
  if (cp >= 0x3040 && cp <= 0x309f) return "\u3042";
  if (cp >= 0x30a0 && cp <= 0x30ff) return "\u30a2";
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return "\u3105";
  if (cp >= 0x4e00 && cp <= 0x9fff) return data.cjkMap.get(ch) ?? ch;
  if (cp >= 0xac00 && cp <= 0xd7af) return "\uac00";
  return ch;
}

/** Detector.append: URLs and e-mails blanked, Vietnamese composed, runs of spaces cut, 10,000 code points kept. */
function prepareText(text: string, data: LangdetectData): string[] {
  const chars = [...normalizeVietnamese(text.replace(URL, " ").replace(MAIL, " "), data)];
  const kept: string[] = [];
  let previous = "";
  for (let i = 0; i < Math.min(chars.length, MAX_TEXT_LENGTH); i++) {
    const ch = chars[i];
    if (ch !== " " || previous !== " ") kept.push(ch);
    previous = ch;
  }
  return kept;
}

const isLatinLetterRange = (ch: string): boolean => ch >= "A" && ch <= "z";

/**
 * Detector.cleaning_text. Python compares a block number with a block name there, so every
 * code point from U+0300 up counts as non-Latin; we keep that behaviour.
 */
function cleanText(chars: string[]): string[] {
  let latin = 0;
  let nonLatin = 0;
  for (const ch of chars) {
    if (isLatinLetterRange(ch)) latin++;
    else if (ch >= "\u0300") nonLatin++;
  }
  return latin * 2 < nonLatin ? chars.filter((ch) => !isLatinLetterRange(ch)) : chars;
}

/** Python `ch.isupper()` for one code point, with an ASCII fast path. */
function isUpperChar(ch: string): boolean {
  if (ch.length === 1 && ch < "\u0080") return ch >= "A" && ch <= "Z";
  return pyIsUpper(ch);
}

/** Indices of the n-grams (n = 1..3) of the text that some profile knows, in text order. */
export function extractNgrams(text: string, data: LangdetectData): number[] {
  const result: number[] = [];
  const space = data.charId(" ");
  // The NGram buffer `grams` (1 to 3 code points): `pair` is the pair id of its last two
  // chars and `previousPair` of the two before the last, 0 when absent or unknown to profiles.
  let lastId = space;
  let previousPair = 0;
  let last = " ";
  let capitalWord = false;
  for (const raw of cleanText(prepareText(text, data))) {
    const ch = normalizeChar(raw, data);
    const id = data.charId(ch);
    let pair: number;
    if (last === " ") {
      capitalWord = false;
      if (ch === " ") continue; // the buffer stays " ", which yields no n-gram
      previousPair = 0;
      pair = id ? data.pairId(space, id) : 0;
    } else {
      pair = id && lastId ? data.pairId(lastId, id) : 0;
    }
    capitalWord = isUpperChar(ch) ? capitalWord || isUpperChar(last) : false;
    const trigramPrefix = previousPair;
    previousPair = pair;
    lastId = id;
    last = ch;
    if (capitalWord || id === 0) continue;
    if (ch !== " ") pushIfKnown(result, data.unigramIndex(id));
    if (pair) pushIfKnown(result, data.bigramIndex(pair));
    if (trigramPrefix) pushIfKnown(result, data.trigramIndex(trigramPrefix, id));
  }
  return result;
}

function pushIfKnown(result: number[], index: number): void {
  if (index >= 0) result.push(index);
}
