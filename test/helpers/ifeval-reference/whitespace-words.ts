// The checkers that read a response as Python's `s.split()` words (or lines, tokens, code
// points), as they were before they streamed them (commit 5fb1e37): each built the array of
// every word. The oracle the streaming versions are property-tested against
// (test/unit/ifeval/streaming-words.test.ts).

import { pyStrip, pyStripChars, pyLstripChars, pyRstripChars, pySplitLines, pySplitWhitespace } from "../../../server/src/ifeval/python/py-text.js";
import { codePoints, firstCodePoint, PUNCTUATION, PUNCTUATION_AND_SPACE, pyDecimalValue, pyIsDigit, pyLen, removePunctuation } from "../../../server/src/ifeval/ifbench/text.js";
import { formerRegexSentences as regexSentences } from "./regex-sentences.js";
import { compareCount } from "../../../server/src/ifeval/hard-type.js";
import { compilePyRegex } from "../../../server/src/ifeval/python/py-regex.js";
import { countSyllables } from "../../../server/src/ifeval/ifbench/words-approx.js";
import { wordCount } from "../../../server/src/ifeval/text-cache.js";
import { PY_WHITESPACE_CLASS } from "../../../server/src/ifeval/python/py-text.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";
const CONSONANTS = "bcdfghjklmnpqrstvwxyz";
const PRIMES = new Set([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]);
const CONJUNCTIONS = new Set(["and", "but", "for", "nor", "or", "so", "yet"]);
const NON_WORD = new RegExp(`[^\\p{L}\\p{N}_${PY_WHITESPACE_CLASS}]`, "gu");
const dropPunctuation = (w: string): string => w.replace(NON_WORD, "");
const EMOJI_CHAR = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1f1e6}-\u{1f1ff}]$/u;
const isEmoji = (c: string | undefined): boolean => c !== undefined && EMOJI_CHAR.test(c);
const STOPWORDS = new Set(
  ("i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his " +
    "himself she she's her hers herself it it's its itself they them their theirs themselves what which who whom this " +
    "that that'll these those am is are was were be been being have has had having do does did doing a an the and but " +
    "if or because as until while of at by for with about against between into through during before after above below " +
    "to from up down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don don't should " +
    "should've now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't " +
    "haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't " +
    "weren weren't won won't wouldn wouldn't").split(" "),
);
const countStopwords = (text: string) => (text.match(/[\p{L}\p{N}_]+/gu) ?? []).filter((t) => STOPWORDS.has(t.toLowerCase())).length;
const alliteration = (sentence: string) => {
  const words = pySplitWhitespace(sentence.toLowerCase()).map((w) => pyLstripChars(w, PUNCTUATION_AND_SPACE)).filter((w) => w !== "");
  let score = 0;
  let inRun = false;
  for (let i = 0; i + 1 < words.length; i++) {
    if (firstCodePoint(words[i]) === firstCodePoint(words[i + 1])) {
      score += inRun ? 1 : 2;
      inRun = true;
    } else {
      inRun = false;
    }
  }
  return score;
};
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const PRONOUNS = new Set([
  "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
  "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
  "their", "theirs", "themselves",
]);
const NO_QUOTE_PUNCTUATION = `0123456789${PUNCTUATION.replace('"', "")}`;
const wordsOf = (sentence: string): number => pySplitWhitespace(removePunctuation(sentence)).length;
const everyLine = (text: string, test: (line: string) => boolean) => [...pySplitLines(text)].every(test);

/** Each former check by type id, with the example arguments of the registry where it takes some. */
export const FORMER_CHECKS: Record<string, (response: string, args: Record<string, unknown>) => boolean> = {
  "words:alphabet": (response) => {
    const words = pySplitWhitespace(pyStripChars(removePunctuation(response), PUNCTUATION_AND_SPACE));
    if (words.length === 0) return false;
    let letter = firstCodePoint(words[0]).toLowerCase();
    if (!ALPHABET.includes(letter)) return false;
    for (const raw of words.slice(1)) {
      const word = pyStripChars(raw, PUNCTUATION_AND_SPACE).toLowerCase();
      if (word === "") continue;
      letter = ALPHABET[(ALPHABET.indexOf(letter) + 1) % 26];
      if (firstCodePoint(word) !== letter) return false;
    }
    return true;
  },
  "words:vowel": (response) => {
    const paragraphs = pyStrip(response).split("\n");
    if (paragraphs.length !== 1) return false;
    const vowels = new Set<string>();
    for (const c of paragraphs[0].toLowerCase()) if ("aeiou".includes(c)) vowels.add(c);
    return vowels.size <= 3;
  },
  "words:consonants": (response) =>
    pySplitWhitespace(response.toLowerCase()).every((word) => {
      for (let i = 0; i + 1 < word.length; i++) if (CONSONANTS.includes(word[i]) && CONSONANTS.includes(word[i + 1])) return true;
      return false;
    }),
  "words:palindrome": (response) =>
    pySplitWhitespace(removePunctuation(response).toLowerCase()).filter((w) => {
      const cps = codePoints(w);
      return cps.length >= 5 && cps.join("") === cps.reverse().join("");
    }).length >= 10,
  "words:prime_lengths": (response) => pySplitWhitespace(removePunctuation(response)).every((w) => PRIMES.has(pyLen(w))),
  "words:repeats": (response, args) => {
    const counts = new Map<string, number>();
    for (const w of pySplitWhitespace(removePunctuation(response.toLowerCase()))) {
      const n = (counts.get(w) ?? 0) + 1;
      if (n > (args.small_n as number)) return false;
      counts.set(w, n);
    }
    return true;
  },
  "words:last_first": (response) => {
    const sentences = regexSentences(response);
    for (let i = 0; i + 1 < sentences.length; i++) {
      const last = pySplitWhitespace(pyRstripChars(sentences[i], PUNCTUATION_AND_SPACE)).at(-1);
      const first = pySplitWhitespace(pyLstripChars(sentences[i + 1], PUNCTUATION_AND_SPACE))[0];
      if (last === undefined || first === undefined) return false;
      if (last.toLowerCase() !== first.toLowerCase()) return false;
    }
    return true;
  },
  "words:paragraph_last_first": (response) =>
    everyLine(response, (line) => {
      const paragraph = pyStrip(line).toLowerCase();
      const words = pySplitWhitespace(pyStripChars(paragraph, PUNCTUATION_AND_SPACE));
      return words.length === 0 || words[0] === words[words.length - 1];
    }),
  "words:no_consecutive": (response) => {
    const words = pySplitWhitespace(removePunctuation(response.toLowerCase()));
    for (let i = 0; i + 1 < words.length; i++) if (firstCodePoint(words[i]) === firstCodePoint(words[i + 1])) return false;
    return true;
  },
  "count:unique_word_count": (response, args) =>
    new Set(pySplitWhitespace(response.toLowerCase()).map((w) => pyStripChars(w, PUNCTUATION_AND_SPACE))).size >= (args.N as number),
  "count:conjunctions": (response, args) =>
    new Set(pySplitWhitespace(response).filter((w) => CONJUNCTIONS.has(pyStripChars(w, PUNCTUATION_AND_SPACE).toLowerCase()))).size >= (args.small_n as number),
  "detectable_format:square_brackets": (response) => pySplitWhitespace(response).every((w) => w.startsWith("[") && w.endsWith("]")),
  "detectable_format:bigram_wrapping": (response) => {
    const words = pySplitWhitespace(response);
    for (let i = 0; i + 1 < words.length; i += 2) if (!(words[i].startsWith("<<") && words[i + 1].endsWith(">>"))) return false;
    return true;
  },
  "keywords:no_adjacent_consecutive": (response) => {
    const words = pySplitWhitespace(response);
    for (let i = 0; i + 1 < words.length; i++) {
      const a = codePoints(codePoints(words[i])[0].toLowerCase());
      const b = codePoints(codePoints(words[i + 1])[0].toLowerCase());
      if (a.length !== 1 || b.length !== 1) return false;
      if (b[0].codePointAt(0)! - a[0].codePointAt(0)! === 1) return false;
    }
    return true;
  },
  "first_word:first_word_sent": (response, args) =>
    regexSentences(response).every((s) => {
      const first = pySplitWhitespace(s)[0];
      return first !== undefined && first.toLowerCase() === pyStrip(args.first_word as string).toLowerCase();
    }),
  "first_word:first_word_answer": (response, args) => {
    const first = pySplitWhitespace(response)[0];
    return first !== undefined && first.toLowerCase() === pyStrip(args.first_word as string).toLowerCase();
  },
  "last_word:last_word_sent": (response, args) =>
    regexSentences(response).every((s) => {
      const last = pySplitWhitespace(s).at(-1);
      return last !== undefined && dropPunctuation(last).toLowerCase() === pyStrip(args.last_word as string).toLowerCase();
    }),
  "last_word:last_word_answer": (response, args) => {
    const last = pySplitWhitespace(response).at(-1);
    return last !== undefined && dropPunctuation(last).toLowerCase() === pyStrip(args.last_word as string).toLowerCase();
  },
  "format:newline": (response) => {
    const value = removePunctuation(response);
    return pyStrip(value).split("\n").filter((l) => l !== "").length === pySplitWhitespace(value).length;
  },
  "format:emoji": (response) => {
    const sentences = regexSentences(response);
    for (let i = 0; i < sentences.length; i++) {
      const chars = Array.from(pyStrip(removePunctuation(sentences[i])));
      if (chars.length === 0) return false;
      if (isEmoji(chars[chars.length - 1]) || isEmoji(chars[chars.length > 1 ? chars.length - 2 : 0])) continue;
      if (i === sentences.length - 1) return false;
      const next = pyStrip(removePunctuation(sentences[i + 1]));
      if (next === "" || !isEmoji(firstCodePoint(next))) return false;
    }
    return true;
  },
  "sentence:alliteration_increment": (response) => {
    let previous = -1;
    for (const sentence of regexSentences(response)) {
      const score = alliteration(sentence);
      if (score <= previous) return false;
      previous = score;
    }
    return true;
  },
  "ratio:stop_words": (response, args) => {
    const words = wordCount(response);
    return words > 0 && (countStopwords(response) / words) * 100 <= (args.percentage as number);
  },
  "count:words_japanese": (response, args) =>
    pySplitWhitespace(response).every((raw, i) => {
      const word = pyStripChars(raw, PUNCTUATION_AND_SPACE);
      return (i + 1) % (args.N as number) !== 0 || word === "" || pyIsDigit(word) || JAPANESE.test(word);
    }),
  "count:pronouns": (response, args) =>
    pySplitWhitespace(removePunctuation(response.replaceAll("/", " ").toLowerCase())).filter((w) => PRONOUNS.has(w)).length >= (args.N as number),
  "words:odd_even_syllables": (response) => {
    const parities = pySplitWhitespace(removePunctuation(response).toLowerCase()).filter((w) => pyStrip(w) !== "").map((w) => countSyllables(w) % 2);
    for (let i = 0; i + 1 < parities.length; i++) if (parities[i] === parities[i + 1]) return false;
    return true;
  },
  "format:quote_unquote": (response) => {
    let value = response.replaceAll("“", '"').replaceAll("”", '"').replaceAll(`'"'`, "");
    value = pySplitWhitespace(value).join("");
    if (value.includes('""')) return false;
    const tail = pyStripChars(value, NO_QUOTE_PUNCTUATION);
    if (tail === "") return false;
    return tail[tail.length - 1] !== '"';
  },
  "repeat:repeat_change": (response, args) =>
    args.prompt_to_repeat !== response &&
    pySplitWhitespace(args.prompt_to_repeat as string).slice(1).join(" ") === pySplitWhitespace(response).slice(1).join(" "),
  "repeat:repeat_span": (response, args) => {
    const words = pySplitWhitespace(response.toLowerCase());
    const span = pySplitWhitespace((args.prompt_to_repeat as string).toLowerCase()).slice(args.n_start as number, args.n_end as number);
    return words.length === span.length && words.every((w, i) => w === span[i]);
  },
  "sentence:increment": (response, args) => {
    const sentences = regexSentences(response);
    if (sentences.length === 0) return false;
    let previous = wordsOf(sentences[0]);
    for (const sentence of sentences.slice(1)) {
      const n = wordsOf(sentence);
      if (n !== previous + (args.small_n as number)) return false;
      previous = n;
    }
    return true;
  },
  "custom:word_reverse": (response) => {
    const value = pySplitWhitespace(removePunctuation(pyStrip(response.toLowerCase()))).reverse().join(" ");
    return value.includes("bald eagle") && regexSentences(value).includes(value);
  },
  "count:lowercase_counting": (response, args) => (response.match(compilePyRegex(String.raw`\b[a-z]+\b`)!)?.length ?? 0) <= (args.N as number),
  "letters:letter_counting": (response, args) =>
    compareCount(response.match(/[a-zA-Z]/g)?.length ?? 0, args.relation as "less than" | "at least", args.N as number),
  "count:numbers": (response, args) => (removePunctuation(response).match(/\p{Nd}+/gu)?.length ?? 0) === args.N,
  "custom:date_format_list": (response) =>
    pyStrip(response).split(",").every((raw) => {
      const isoDate = compilePyRegex(String.raw`^(\d{4})-(\d{2})-(\d{2})$`)!;
      isoDate.lastIndex = 0;
      const m = isoDate.exec(pyStrip(raw));
      if (m === null) return false;
      const [year, month, day] = [m[1], m[2], m[3]].map(pyDecimalValue);
      if (year < 1769 || year > 1821 || month > 12) return false;
      if ([1, 3, 5, 7, 8, 10, 12].includes(month) && day > 31) return false;
      if ([4, 6, 9, 11].includes(month) && day > 30) return false;
      return !(month === 2 && day > 29);
    }),
  "detectable_format:sentence_hyphens": (response) => {
    const gold = regexSentences(response.replaceAll("-", " "));
    const pieces = response.split("-");
    for (let i = 0; i < Math.min(gold.length, pieces.length); i++) {
      if (pyStrip(pieces[i]) !== pieces[i] || pieces[i] !== gold[i]) return false;
    }
    return true;
  },
};

/** IF-RLVR's `countKeyword` as it was: `len(re.findall(keyword, text, re.IGNORECASE))` by `match`. */
export function formerCountKeyword(text: string, keyword: string): number | undefined {
  const regex = compilePyRegex(keyword, { ignoreCase: true });
  return regex === undefined ? undefined : (text.match(regex)?.length ?? 0);
}
