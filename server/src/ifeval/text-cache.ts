// Per-text work shared by several checkers and by the 8 loose variants of a
// response, computed once per distinct text. Bounded, so a long run does not
// keep every response alive.

import { countSentences } from "./text/sentences.js";
import { countCapitalWords } from "./text/words.js";
import { detectLanguage } from "./text/language.js";
import { memoizeByText } from "./text/text-cache.js";
import { pyCountWordRuns } from "./python/py-text.js";

const CAPACITY = 64;

function memoize<T>(compute: (text: string) => T): (text: string) => T {
  return memoizeByText(compute, CAPACITY);
}

/** nltk RegexpTokenizer(r"\w+") token count, with Python's Unicode `\w`. */
export const wordCount = memoize(pyCountWordRuns);

export const sentenceCount = memoize(countSentences);

/** Tokens of nltk.word_tokenize for which Python str.isupper() holds. */
export const capitalWordCount = memoize(countCapitalWords);

/** langdetect.detect; undefined where it would raise. */
export const detectedLanguage = memoize((text) => detectLanguage(text));
