// The sentence checkers as they were before the regex splitter yielded its sentences one at
// a time (commit 4be4c52): each took the whole list of sentences and read it by index. The
// oracles of test/unit/ifeval/streaming-words.test.ts, with the former whole-text splitter.

import { compilePyRegex } from "../../../server/src/ifeval/python/py-regex.js";
import { pySplitFirst, pySplitLines, pyStrip } from "../../../server/src/ifeval/python/py-text.js";
import { countWordTokensUpTo } from "../../../server/src/ifeval/text/words.js";
import { firstCodePoint, pyLen } from "../../../server/src/ifeval/ifbench/text.js";
import { formerRegexSentences as regexSentences } from "./regex-sentences.js";

function sentenceEnds(text: string): { declarative: number; interrogative: number; exclamatory: number } {
  const counts = { declarative: 0, interrogative: 0, exclamatory: 0 };
  for (const s of regexSentences(text)) {
    if (s.endsWith(".")) counts.declarative++;
    if (s.endsWith("?")) counts.interrogative++;
    if (s.endsWith("!")) counts.exclamatory++;
  }
  return counts;
}

const STAR_DIVIDER = compilePyRegex(String.raw`\s?\*\*\*\s?`)!;

export const FORMER_SENTENCE_CHECKS: Record<string, (response: string, args: Record<string, unknown>) => boolean> = {
  "ratio:sentence_type": (response) => {
    const c = sentenceEnds(response);
    return c.declarative === 2 * c.interrogative;
  },
  "ratio:sentence_balance": (response) => {
    const c = sentenceEnds(response);
    return c.declarative === c.interrogative && c.interrogative === c.exclamatory;
  },
  "ratio:sentence_words": (response) => {
    const sentences = regexSentences(response);
    if (sentences.length !== 3) return false;
    const length = pyLen(pyStrip(sentences[0]));
    return sentences.every((s) => pyLen(pyStrip(s)) === length);
  },
  "sentence:keyword": (response, args) => {
    const sentences = regexSentences(response);
    const n = args.N as number;
    return sentences.length >= n && sentences[n - 1].toLowerCase().includes((args.word as string).toLowerCase());
  },
  "custom:sentence_alphabet": (response) => {
    const sentences = regexSentences(response);
    if (sentences.length !== 26) return false;
    return sentences.every((s, i) => {
      const first = pySplitFirst(s);
      return first !== undefined && firstCodePoint(first.toLowerCase()) === String.fromCharCode(97 + i);
    });
  },
  "count:counting_composition": (response, args) => {
    const paragraphs = response.split(STAR_DIVIDER);
    let count = paragraphs.length;
    for (let i = 0; i < paragraphs.length; i++) {
      if (pyStrip(paragraphs[i]) === "") {
        if (i !== 0 && i !== paragraphs.length - 1) return false;
        count--;
      }
      const sentences = regexSentences(paragraphs[i]);
      if (sentences.length !== args.n_sent) return false;
      if (sentences.some((s) => countWordTokensUpTo(s, args.n_words as number) !== args.n_words)) return false;
    }
    return count === 3;
  },
  "format:no_bullets_bullets": (response) => {
    let prose: boolean | readonly string[] = true;
    let sentences = 0;
    let bullets = 0;
    for (const line of pySplitLines(response)) {
      if (pyStrip(line).startsWith("*")) {
        prose = false;
        if (sentences < 2) return false;
        bullets++;
      } else if (prose === true || (Array.isArray(prose) && prose.length > 0)) {
        prose = regexSentences(pyStrip(line));
        sentences += prose.length;
      } else {
        return false;
      }
    }
    return bullets >= 2;
  },
};
