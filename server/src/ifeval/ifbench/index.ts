// The 58 IFBench types (allenai/IFBench instructions_registry at c94da02), in its registry order.

import { conjunctionCount, keywordsMultiple, nthWordJapanese, numbersCount, personNameCount, pronounCount, punctuationCover, uniqueWordCount, wordCountRange } from "./count.js";
import {
  characterReverseOrder, cityCsv, dateFormatList, europeanCapitalsSort, multipleChoiceQuestions, printMultiples, quotesCsv,
  reverseNewline, sentenceAlphabet, specialCharacterCsv, wordReverseOrder,
} from "./custom.js";
import {
  emojiSentence, indentStairs, italicsThesis, nestedParentheses, nestedQuotes, newlineWords, noWhitespace, optionsResponse,
  outputTemplate, quoteExplanation, someBulletPoints, specialBulletPoints, subBulletPoints, titleCase,
} from "./format.js";
import { ngramOverlap, sentenceBalance, sentenceTypeRatio, sentenceWordsEqualLength, stopWordPercentage } from "./ratio.js";
import { repeatChange, repeatSimple, repeatSpan } from "./repeat.js";
import { includeKeyword, incrementingAlliteration, incrementingWordCount } from "./sentence.js";
import {
  alphabetLoop, consonantCluster, keywordSpecificPosition, lastWordFirstNext, limitedWordRepeat, noConsecutiveFirstLetter,
  palindromes, paragraphLastFirstMatch, primeLengths, singleVowelParagraph, wordsPosition,
} from "./words.js";
import { alternateParitySyllables, startWithVerb } from "./words-approx.js";

export const IFBENCH_TYPES = [
  wordCountRange, uniqueWordCount, stopWordPercentage, sentenceTypeRatio, sentenceBalance, conjunctionCount, personNameCount,
  ngramOverlap, numbersCount, alphabetLoop, singleVowelParagraph, consonantCluster, incrementingAlliteration, palindromes,
  punctuationCover, nestedParentheses, nestedQuotes, primeLengths, optionsResponse, newlineWords, emojiSentence,
  sentenceWordsEqualLength, nthWordJapanese, startWithVerb, limitedWordRepeat, includeKeyword, pronounCount,
  alternateParitySyllables, lastWordFirstNext, paragraphLastFirstMatch, incrementingWordCount, noConsecutiveFirstLetter,
  indentStairs, quoteExplanation, specialBulletPoints, italicsThesis, subBulletPoints, someBulletPoints, printMultiples,
  multipleChoiceQuestions, reverseNewline, wordReverseOrder, characterReverseOrder, sentenceAlphabet, europeanCapitalsSort,
  cityCsv, specialCharacterCsv, quotesCsv, dateFormatList, keywordsMultiple, keywordSpecificPosition, wordsPosition,
  repeatChange, repeatSimple, repeatSpan, titleCase, outputTemplate, noWhitespace,
] as const;
