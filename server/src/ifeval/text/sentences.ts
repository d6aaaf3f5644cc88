// Sentence splitting exactly as IFEval counts sentences: `nltk.sent_tokenize(text)` with
// NLTK's trained English Punkt model (instructions_util.count_sentences).
import { punktSentences } from "./punkt.js";
import { memoizeByText } from "./text-cache.js";

const cachedSentences = memoizeByText((text) => Object.freeze(punktSentences(text)));

/** The sentences of `nltk.tokenize.sent_tokenize(text)` (English Punkt), whitespace kept inside. */
export function splitSentences(text: string): string[] {
  return [...cachedSentences(text)];
}

/** `len(nltk.tokenize.sent_tokenize(text))`. */
export function countSentences(text: string): number {
  return cachedSentences(text).length;
}
