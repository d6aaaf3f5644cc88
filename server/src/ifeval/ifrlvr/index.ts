// The 29 types open-instruct's IFEvalG registry adds to IFEval's 25 (its disabled ids stay out).

import { countIncrementWord, countingComposition, countUnique, letterCounting, letterCounting2, lowercaseCounting } from "./count.js";
import { copyingMultiple, copyingSimple, copyRequest, copySpanIdx, repeatPhrase } from "./copy.js";
import { bigramWrapping, punctuationDot, punctuationExclamation, sentenceHyphens, squareBrackets } from "./format.js";
import {
  excludeWordHarder, noAdjacentConsecutive, palindromeBasic, rlvrKeywordSpecificPosition, startEnd, wordCountDifferentNumbers, wordOnce,
} from "./keywords.js";
import { firstWordAnswer, firstWordSent, lastWordAnswer, lastWordSent, twoParagraphsBlankLine, twoParagraphsStars } from "./structure.js";

export const IFRLVR_TYPES = [
  repeatPhrase, copyRequest, copySpanIdx, sentenceHyphens, noAdjacentConsecutive, squareBrackets, wordOnce,
  wordCountDifferentNumbers, excludeWordHarder, twoParagraphsStars, twoParagraphsBlankLine, firstWordSent, firstWordAnswer,
  lastWordSent, lastWordAnswer, bigramWrapping, copyingSimple, copyingMultiple, punctuationDot, punctuationExclamation,
  lowercaseCounting, letterCounting, letterCounting2, countingComposition, countUnique, countIncrementWord, palindromeBasic,
  rlvrKeywordSpecificPosition, startEnd,
] as const;
