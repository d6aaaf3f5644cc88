// IFEval's regex `split_into_sentences` as server/src/ifeval/ifbench/text.ts had it before it
// ran on pieces of the input (commit 5fb1e37): every substitution on the whole text. The oracle
// of test/unit/ifeval/regex-sentences-pieces.test.ts.

import { compilePyRegex } from "../../../server/src/ifeval/python/py-regex.js";
import { pyStrip } from "../../../server/src/ifeval/python/py-text.js";
import { replaceLiteral } from "../../../server/src/util/replace-all.js";

const ALPHABETS = "([A-Za-z])";
const PREFIXES = "(Mr|St|Mrs|Ms|Dr)[.]";
const SUFFIXES = "(Inc|Ltd|Jr|Sr|Co)";
const STARTERS = String.raw`(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|It\s|They\s|Their\s|Our\s|We\s|But\s|However\s|That\s|This\s|Wherever)`;
const ACRONYMS = "([A-Z][.][A-Z][.](?:[A-Z][.])?)";
const WEBSITES = "[.](com|net|org|io|gov|edu|me)";
const DIGITS = "([0-9])";

const py = (pattern: string): RegExp => compilePyRegex(pattern)!;

/** The substitutions of IFEval's `split_into_sentences`, in order (Python `\s` is Unicode whitespace). */
const SENTENCE_RULES: readonly [RegExp, string][] = [
  [py(PREFIXES), "$1<prd>"],
  [py(WEBSITES), "<prd>$1"],
  [py(`${DIGITS}[.]${DIGITS}`), "$1<prd>$2"],
];
const LATER_RULES: readonly [RegExp, string][] = [
  [py(String.raw`\s${ALPHABETS}[.] `), " $1<prd> "],
  [py(`${ACRONYMS} ${STARTERS}`), "$1<stop> $2"],
  [py(`${ALPHABETS}[.]${ALPHABETS}[.]${ALPHABETS}[.]`), "$1<prd>$2<prd>$3<prd>"],
  [py(`${ALPHABETS}[.]${ALPHABETS}[.]`), "$1<prd>$2<prd>"],
  [py(` ${SUFFIXES}[.] ${STARTERS}`), " $1<stop> $2"],
  [py(` ${SUFFIXES}[.]`), " $1<prd>"],
  [py(` ${ALPHABETS}[.]`), " $1<prd>"],
];
const MULTIPLE_DOTS = /\.{2,}/g;
/** The last replacements of `split_into_sentences`, in order. */
const STOP_MARKS: readonly [string, string][] = [[".", ".<stop>"], ["?", "?<stop>"], ["!", "!<stop>"], ["<prd>", "."]];

/** IFEval's regex `split_into_sentences`, which IFBench used at c94da02 (later commits moved to NLTK). */
export function formerRegexSentences(input: string): string[] {
  let text = replaceLiteral(` ${input}  `, "\n", " ");
  for (const [pattern, replacement] of SENTENCE_RULES) text = text.replace(pattern, replacement);
  text = text.replace(MULTIPLE_DOTS, (dots) => `${"<prd>".repeat(dots.length)}<stop>`);
  if (text.includes("Ph.D")) text = replaceLiteral(text, "Ph.D.", "Ph<prd>D<prd>");
  for (const [pattern, replacement] of LATER_RULES) text = text.replace(pattern, replacement);
  if (text.includes("”")) text = replaceLiteral(text, ".”", "”.");
  if (text.includes('"')) text = replaceLiteral(text, '."', '".');
  if (text.includes("!")) text = replaceLiteral(text, '!"', '"!');
  if (text.includes("?")) text = replaceLiteral(text, '?"', '"?');
  for (const [search, replacement] of STOP_MARKS) text = replaceLiteral(text, search, replacement);
  const sentences = text.split("<stop>").map(pyStrip);
  if (sentences.length > 0 && sentences[sentences.length - 1] === "") sentences.pop();
  return sentences;
}

