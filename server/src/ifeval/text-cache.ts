// Per-text work shared by several checkers and by the 8 loose variants of a
// response, computed once per distinct text. Bounded, so a long run does not
// keep every response alive.

import { countSentences } from "./text/sentences.js";
import { wordTokenize } from "./text/words.js";
import { detectLanguage } from "./text/language.js";
import { pyIsUpper } from "./python/py-text.js";

const CAPACITY = 64;

function memoize<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    if (cache.has(text)) return cache.get(text) as T;
    const value = compute(text);
    if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value as string);
    cache.set(text, value);
    return value;
  };
}

/** nltk RegexpTokenizer(r"\w+") token count, with Python's Unicode `\w`. */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
export const wordCount = memoize((text) => text.match(WORD_RUN)?.length ?? 0);

export const sentenceCount = memoize(countSentences);

/** Tokens of nltk.word_tokenize for which Python str.isupper() holds. */
export const capitalWordCount = memoize((text) => wordTokenize(text).filter(pyIsUpper).length);

/** langdetect.detect; undefined where it would raise. */
export const detectedLanguage = memoize((text) => detectLanguage(text));
