// Test oracle: the implementation as of commit 0a6ff68 (before issue 9), kept verbatim so
// property tests can compare the linear-time rewrite with it. Not shipped.
// Our port of NLTK's PunktSentenceTokenizer (tokenizer only, no trainer), matching NLTK 3.9:
// candidate breaks come from the period-context regex, each candidate's context is annotated
// (first pass: type-based; second pass: collocation, orthographic and sentence-starter
// heuristics), and the resulting spans are realigned over closing quotes and brackets.
import { collocationKey, englishPunktParameters, type PunktParameters } from "../../../server/src/ifeval/text/punkt-params.js";
import {
  NON_WORD,
  firstLower,
  firstUpper,
  isEllipsis,
  isInitial,
  tokenizeWords,
  typeNoPeriod,
  typeNoSentPeriod,
  type PunktToken,
} from "./punkt-tokens.js";
import { PY_NON_S, PY_S, pyRstrip } from "./py-text.js";

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

const SENT_END_CHARS = new Set([".", "?", "!"]);
const PUNCTUATION = new Set([";", ":", ",", ".", "!", "?"]);

const PERIOD_CONTEXT = new RegExp(`[.?!](?=(?<after>${NON_WORD}|${PY_S}+(?<next>${PY_NON_S}+)))`, "gu");
const BOUNDARY_REALIGNMENT = new RegExp(`^["')\\]}]+?(?:${PY_S}+|(?=--)|$)`, "u");
/** Python's `string.whitespace`, which NLTK uses to find the word before a candidate break. */
const ASCII_WHITESPACE = new Set([" ", "\t", "\n", "\r", "\x0b", "\x0c"]);

type OrthoVerdict = true | false | "unknown";

interface Span {
  start: number;
  stop: number;
}

interface Candidate {
  /** Index just after the sentence-ending character. */
  end: number;
  /** Start of the next token when whitespace follows, else undefined. */
  nextTokenStart: number | undefined;
  context: string;
}

function firstPassAnnotation(token: PunktToken, params: PunktParameters): void {
  const { tok } = token;
  if (SENT_END_CHARS.has(tok)) {
    token.sentbreak = true;
  } else if (isEllipsis(token)) {
    token.ellipsis = true;
  } else if (token.periodFinal && !tok.endsWith("..")) {
    const stem = tok.slice(0, -1).toLowerCase();
    const lastHyphenPart = stem.slice(stem.lastIndexOf("-") + 1);
    if (params.abbrevTypes.has(stem) || params.abbrevTypes.has(lastHyphenPart)) token.abbr = true;
    else token.sentbreak = true;
  }
}

function orthoHeuristic(token: PunktToken, params: PunktParameters): OrthoVerdict {
  if (PUNCTUATION.has(token.tok)) return false;
  const context = params.orthoContext.get(typeNoSentPeriod(token)) ?? 0;
  if (firstUpper(token) && context & ORTHO_LC && !(context & ORTHO_MID_UC)) return true;
  if (firstLower(token) && (context & ORTHO_UC || !(context & ORTHO_BEG_LC))) return false;
  return "unknown";
}

function secondPassAnnotation(token: PunktToken, next: PunktToken, params: PunktParameters): void {
  if (!token.periodFinal) return;
  const type = typeNoPeriod(token);
  const nextType = typeNoSentPeriod(next);
  const initial = isInitial(token);

  if (params.collocations.has(collocationKey(type, nextType))) {
    token.sentbreak = false;
    token.abbr = true;
    return;
  }

  if ((token.abbr || token.ellipsis) && !initial) {
    if (orthoHeuristic(next, params) === true) {
      token.sentbreak = true;
      return;
    }
    if (firstUpper(next) && params.sentStarters.has(nextType)) {
      token.sentbreak = true;
      return;
    }
  }

  if (initial || type === "##number##") {
    const verdict = orthoHeuristic(next, params);
    if (verdict === false) {
      token.sentbreak = false;
      token.abbr = true;
      return;
    }
    const nextOrtho = params.orthoContext.get(nextType) ?? 0;
    if (verdict === "unknown" && initial && firstUpper(next) && !(nextOrtho & ORTHO_LC)) {
      token.sentbreak = false;
      token.abbr = true;
    }
  }
}

/** NLTK `text_contains_sentbreak`: a break on any token but the last. */
function containsSentenceBreak(context: string, params: PunktParameters): boolean {
  const tokens = tokenizeWords(context);
  for (const token of tokens) firstPassAnnotation(token, params);
  for (let i = 0; i < tokens.length - 1; i++) {
    secondPassAnnotation(tokens[i], tokens[i + 1], params);
    if (tokens[i].sentbreak) return true;
  }
  return false;
}

/** Index of the last ASCII whitespace in text[from, to), or 0 when none (NLTK's quirk: also 0 at index 0). */
function lastWhitespaceIndex(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (ASCII_WHITESPACE.has(text[i])) return i - from;
  return 0;
}

/** NLTK `_match_potential_end_contexts`: candidates with the word before them, overlaps dropped. */
function potentialEndContexts(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  let previousSlice: Span = { start: 0, stop: 0 };
  let previous: { match: RegExpMatchArray; slice: Span } | undefined;
  const contextOf = (match: RegExpMatchArray, slice: Span): Candidate => {
    const end = (match.index ?? 0) + 1;
    const after = match.groups?.after ?? "";
    const next = match.groups?.next;
    return {
      end,
      nextTokenStart: next === undefined ? undefined : end + after.length - next.length,
      context: text.slice(slice.start, slice.stop) + match[0] + after,
    };
  };
  for (const match of text.matchAll(PERIOD_CONTEXT)) {
    const matchStart = match.index ?? 0;
    let wordStart = lastWhitespaceIndex(text, previousSlice.stop, matchStart);
    wordStart = wordStart ? wordStart + previousSlice.stop + 1 : previousSlice.start;
    const wordSlice = { start: wordStart, stop: matchStart };
    if (previous && previousSlice.stop <= wordSlice.start) candidates.push(contextOf(previous.match, previous.slice));
    previous = { match, slice: wordSlice };
    previousSlice = wordSlice;
  }
  if (previous) candidates.push(contextOf(previous.match, previous.slice));
  return candidates;
}

function sentenceSlices(text: string, params: PunktParameters): Span[] {
  const slices: Span[] = [];
  let lastBreak = 0;
  for (const candidate of potentialEndContexts(text)) {
    if (!containsSentenceBreak(candidate.context, params)) continue;
    slices.push({ start: lastBreak, stop: candidate.end });
    lastBreak = candidate.nextTokenStart ?? candidate.end;
  }
  slices.push({ start: lastBreak, stop: pyRstrip(text).length });
  return slices;
}

/** NLTK `_realign_boundaries`: move closing quotes/brackets after a break into the sentence before. */
function realignBoundaries(text: string, slices: Span[]): Span[] {
  const realigned: Span[] = [];
  let realign = 0;
  for (let i = 0; i < slices.length; i++) {
    const sentence = { start: slices[i].start + realign, stop: slices[i].stop };
    const following = slices[i + 1];
    const nonEmpty = sentence.start < sentence.stop;
    if (!following) {
      if (nonEmpty) realigned.push(sentence);
      continue;
    }
    const match = BOUNDARY_REALIGNMENT.exec(text.slice(following.start, following.stop));
    if (match) {
      realigned.push({ start: sentence.start, stop: following.start + pyRstrip(match[0]).length });
      realign = match[0].length;
    } else {
      realign = 0;
      if (nonEmpty) realigned.push(sentence);
    }
  }
  return realigned;
}

/** NLTK `PunktSentenceTokenizer.tokenize(text)` with the given (default: English) parameters. */
export function punktSentences(text: string, params: PunktParameters = englishPunktParameters()): string[] {
  return realignBoundaries(text, sentenceSlices(text, params)).map(({ start, stop }) => text.slice(start, stop));
}
