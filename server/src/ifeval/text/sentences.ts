// Sentence splitting exactly as IFEval counts sentences: `nltk.sent_tokenize(text)` with
// NLTK's trained English Punkt model (instructions_util.count_sentences).
import { punktSentenceSpans, punktSentences } from "./punkt.js";

/** The sentences of `nltk.tokenize.sent_tokenize(text)` (English Punkt), whitespace kept inside. */
export function splitSentences(text: string): string[] {
  return punktSentences(text);
}

/** `len(nltk.tokenize.sent_tokenize(text))`, counted as the sentences stream by (none is kept). */
export function countSentences(text: string): number {
  let count = 0;
  for (const _span of punktSentenceSpans(text)) count++;
  return count;
}
