// IFBench format:* — nesting, options, layout, bullets, italics, title case,
// templates, whitespace (allenai/IFBench c94da02).

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { quote } from "../wording.js";
import { compilePyRegex } from "../python/py-regex.js";
import { forEachWordToken } from "../text/words.js";
import { pyIsBlank, pyIsLower, pyIsUpper, pyRemoveWhitespace, pySplitLines, pyStrip, pyStripChars } from "../python/py-text.js";
import { firstCodePoint, piecesAtWhitespace, PUNCTUATION, PUNCTUATION_AND_SPACE, pyCount, pyHasSpaceChar, removePunctuation, transformedWords } from "./text.js";
import { countSentences, sentencesWithNext } from "./sentences.js";
import { ByteStack } from "../../util/byte-stack.js";
import { replaceLiteral } from "../../util/replace-all.js";

// The checkers below walk code units: every character they look at is ASCII, and neither half
// of a surrogate pair is, so the verdict is upstream's walk over code points, without a
// one-character string per character (8 loose variants of 1 MB took 70-90 ms that way).
const [PAREN, BRACKET, BRACE, CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE] = [..."([{)]}"].map((c) => c.charCodeAt(0));
/** The opener a closer matches; 0 for a code unit that is not a closer. */
const openerOf = (c: number) => (c === CLOSE_PAREN ? PAREN : c === CLOSE_BRACKET ? BRACKET : c === CLOSE_BRACE ? BRACE : 0);
const [DOUBLE_QUOTE, SINGLE_QUOTE] = [..."\"'"].map((c) => c.charCodeAt(0));

export const nestedParentheses = defineHardType({
  id: "format:parentheses",
  aliases: ["nested_brackets"],
  summary: "Brackets ( [ { nested at least 5 deep and closed (a mismatched closer restarts the count).",
  condition: () => "the response nests brackets at least 5 levels deep",
  schema: z.strictObject({}),
  check: (response) => {
    // The stack of open brackets, one byte each (an array of strings is 8 bytes a slot: 16 MB of "[" took 650 MB).
    const open = new ByteStack();
    let maxDepth = 0;
    for (let i = 0; i < response.length; i++) {
      const c = response.charCodeAt(i);
      const opener = openerOf(c);
      if (c === PAREN || c === BRACKET || c === BRACE) {
        // A run of one opener at once (pushing each would only raise the depth each time).
        let end = i + 1;
        while (end < response.length && response.charCodeAt(end) === c) end++;
        open.pushRun(c, end - i);
        if (open.length > maxDepth) maxDepth = open.length;
        i = end - 1;
      } else if (opener !== 0) {
        if (open.length > 0 && open.top() === opener) {
          open.pop();
          if (maxDepth >= 5 && open.length < maxDepth) return true;
        } else {
          open.clear();
          maxDepth = 0;
        }
      }
    }
    return false;
  },
  render: () => "Nest parentheses (and [brackets {and braces}]) at least 5 levels deep.",
  example: { args: {}, pass: "a (b [c {d (e [f] e) d} c] b) a", fail: "a (b [c] b) a" },
});

export const nestedQuotes = defineHardType({
  id: "format:quotes",
  aliases: ["nested_quotes"],
  summary: "Quotes nested at least 3 deep, alternating \" and ' (a quote closes when it matches the innermost open one).",
  condition: () => "the response nests quotes at least 3 levels deep",
  schema: z.strictObject({}),
  check: (response) => {
    const open = new ByteStack();
    let reached = 0;
    // Only a quote changes the state (the stack holds quotes only): go from one to the next
    // with indexOf, which reads a megabyte without one in about a millisecond.
    let nextDouble = response.indexOf('"');
    let nextSingle = response.indexOf("'");
    while (nextDouble !== -1 || nextSingle !== -1) {
      const i = nextSingle === -1 || (nextDouble !== -1 && nextDouble < nextSingle) ? nextDouble : nextSingle;
      const c = response.charCodeAt(i);
      if (c === DOUBLE_QUOTE) nextDouble = response.indexOf('"', i + 1);
      else nextSingle = response.indexOf("'", i + 1);
      if (open.length > 0 && c === open.top()) {
        open.pop();
        if (reached - open.length >= 3) return true;
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        open.push(c);
        if (open.length > reached) reached = open.length;
      }
    }
    return false;
  },
  render: () => "Include quotes within quotes within quotes, at least 3 levels deep, alternating between double quotes and single quotes.",
  example: { args: {}, pass: `He said "she said 'they said "go" today' once" loudly.`, fail: `He said "go" loudly.` },
});

const MULTIPLE_CHOICE = compilePyRegex(String.raw`\W*[aA]\W*[bB]\W*[cC]\W*`)!;

/** How the official code reads the options string: the separator, and whether a/b/c options need an exact answer. */
function parseOptions(options: string): { options: string[]; strict: boolean } {
  MULTIPLE_CHOICE.lastIndex = 0;
  const match = MULTIPLE_CHOICE.exec(options);
  const strict = match !== null && match.index === 0;
  const separator = options.includes("/") ? "/" : options.includes("or") ? "or" : ",";
  return { options: options.split(separator).map(pyStrip), strict };
}

export const optionsResponse = defineHardType({
  id: "format:options",
  aliases: ["answer_options"],
  summary: "The response is one of the options (split on '/', else 'or', else ','); a), b), c) options must match exactly.",
  condition: (a) => `the response is one of the options ${quote(a.options)}`,
  schema: z.strictObject({ options: z.string().min(1).describe('The permitted answers, e.g. "yes/no/maybe" or "a), b), c), d)".') }),
  check: (response, args) => {
    const { options, strict } = parseOptions(args.options);
    if (strict) return options.includes(response);
    const value = pyStripChars(response, PUNCTUATION_AND_SPACE).toLowerCase();
    return options.some((o) => pyStripChars(o, PUNCTUATION_AND_SPACE).toLowerCase() === value);
  },
  render: (args) => `Answer with one of the following options: ${args.options}. Do not give any explanation.`,
  example: { args: { options: "yes/no/maybe" }, pass: "Maybe.", fail: "Probably yes." },
});

export const newlineWords = defineHardType({
  id: "format:newline",
  aliases: ["word_per_line"],
  summary: "As many non-empty lines as words (punctuation deleted): one word per line.",
  condition: () => "the response has each word on its own line",
  schema: z.strictObject({}),
  check: (response) => {
    let words = 0;
    for (const _ of transformedWords(response, removePunctuation)) words++;
    return nonEmptyStrippedLines(response) === words;
  },
  render: () => "Write each word on a new line.",
  example: { args: {}, pass: "One\nword\nper\nline", fail: "Two words\nper line" },
});

// Approximation: the `emoji` package's EMOJI_DATA decides is_emoji upstream; we use
// Unicode's Extended_Pictographic, skin-tone modifiers and regional indicators.
const EMOJI_CHAR = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1f1e6}-\u{1f1ff}]$/u;
const isEmoji = (c: string | undefined): boolean => c !== undefined && EMOJI_CHAR.test(c);

export const emojiSentence = defineHardType({
  id: "format:emoji",
  aliases: ["emoji_per_sentence"],
  summary: "Every sentence ends with an emoji (its last or second-to-last character, punctuation deleted), or the next sentence starts with one.",
  condition: () => "every sentence of the response ends with an emoji",
  schema: z.strictObject({}),
  approximate: "emoji.is_emoji uses the emoji package's database; we use Unicode Extended_Pictographic, skin tones and regional indicators.",
  check: (response) => {
    for (const [sentence, following] of sentencesWithNext(response)) {
      // chars[-1] and chars[-2] (chars[0] when there is one) of list(text), read from the end.
      const text = pyStrip(removePunctuation(sentence));
      if (text === "") return false; // IndexError upstream
      const lastStart = codePointStartBefore(text, text.length);
      const beforeLast = lastStart === 0 ? 0 : codePointStartBefore(text, lastStart);
      if (isEmoji(text.slice(lastStart)) || isEmoji(text.slice(beforeLast, lastStart === 0 ? text.length : lastStart))) continue;
      if (following === undefined) return false;
      const next = pyStrip(removePunctuation(following));
      if (next === "" || !isEmoji(firstCodePoint(next))) return false;
    }
    return true;
  },
  render: () => "Please use an emoji at the end of every sentence.",
  example: { args: {}, pass: "We won 🎉. Time to rest 😴.", fail: "We won 🎉. Time to rest." },
});

export const indentStairs = defineHardType({
  id: "format:line_indent",
  aliases: ["indent_stairs"],
  summary: "Each line is indented with more spaces than the one before (blank lines dropped, with the official loop's quirks).",
  condition: () => "each line of the response is indented further than the previous one",
  schema: z.strictObject({}),
  check: (response) => stairsFollowed(response),
  render: () => "Create stairs by incrementally indenting each new line.",
  example: { args: {}, pass: "one\n two\n  three", fail: "one\n two\n two" },
});

/**
 * Python's `for line in lines: if not line.strip(): lines.remove(line)`, then each remaining line
 * indented with more spaces than the one before. The loop's quirks, kept: `remove` takes the first
 * equal line, and the iterator then skips the element after the current one. In linear time
 * (splice and indexOf per blank line were quadratic: 16 MB of newlines ran for hours): the
 * removed line is always at or before the current one, so the lines after it are untouched and
 * the visit order is p, p+1 or p+2; and per value, `remove` always takes the earliest remaining
 * one, so a queue per blank value of the lines seen and not yet removed gives it.
 */
function stairsFollowed(response: string): boolean {
  const lineCount = countLines(response);
  // One bit per line: the lines the loop removed.
  const removed = new Uint8Array((lineCount >>> 3) + 1);
  const seen = new Map<string, IndexQueue>();
  let index = 0;
  let start = 0;
  let skipNext = false;
  while (index < lineCount) {
    const end = lineEnd(response, start);
    const line = response.slice(start, end);
    const blank = pyStrip(line) === "";
    let queue: IndexQueue | undefined;
    if (blank) {
      queue = seen.get(line);
      if (!queue) seen.set(line, (queue = new IndexQueue()));
      queue.push(index);
    }
    if (skipNext) {
      skipNext = false;
    } else if (queue) {
      const first = queue.shift();
      removed[first >>> 3] |= 1 << (first & 7);
      skipNext = true;
    }
    index++;
    start = end + 1;
  }
  let previous = -1;
  start = 0;
  for (let i = 0; i < lineCount; i++) {
    const end = lineEnd(response, start);
    if (!(removed[i >>> 3] & (1 << (i & 7)))) {
      let spaces = 0;
      while (start + spaces < end && response.charCodeAt(start + spaces) === 32) spaces++;
      if (previous !== -1 && spaces <= previous) return false;
      previous = spaces;
    }
    start = end + 1;
  }
  return true;
}

/**
 * A FIFO of increasing line indices, kept as runs of consecutive ones (first index, count) in
 * an Int32Array: 16 MB of newlines queues millions of blank lines, all one run; one slot per
 * index (a number[], then an Int32Array) was most of that run's memory.
 */
class IndexQueue {
  private runs = new Int32Array(16);
  private head = 0;
  private tail = 0;

  push(value: number): void {
    const last = this.tail - 2;
    if (last >= this.head && this.runs[last] + this.runs[last + 1] === value) {
      this.runs[last + 1]++;
      return;
    }
    if (this.tail === this.runs.length) {
      const live = this.runs.subarray(this.head, this.tail);
      if (this.head * 2 >= this.runs.length) this.runs.copyWithin(0, this.head, this.tail);
      else (this.runs = new Int32Array(this.runs.length * 2)).set(live);
      this.tail -= this.head;
      this.head = 0;
    }
    this.runs[this.tail++] = value;
    this.runs[this.tail++] = 1;
  }

  /** The oldest value; the caller knows the queue is not empty. */
  shift(): number {
    const value = this.runs[this.head]++;
    if (--this.runs[this.head + 1] === 0) this.head += 2;
    return value;
  }
}

/** Where the code point that ends at `end` starts, as `Array.from` pairs surrogates (end > 0). */
function codePointStartBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (end >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return end - 2;
  }
  return end - 1;
}

/** `len([l for l in text.split("\n") if l != ""])`, without the lines. */
/**
 * The non-empty lines of `strip(value)`, for value the response without punctuation, line by
 * line of the response (deleting punctuation keeps the line breaks): no copy of the whole. A
 * line counts if it is not empty once punctuation is deleted and it lies between the first
 * and the last line that has a non-whitespace character, inclusive: strip drops the blank
 * lines before and after those.
 */
function nonEmptyStrippedLines(response: string): number {
  let count = 0;
  let blankSinceContent = 0; // non-empty blank lines after the last line with content
  let seenContent = false;
  for (let start = 0; start <= response.length; ) {
    if (response.charCodeAt(start) === 10) {
      start++; // an empty line, which never counts: a run of newlines is a million of them
      continue;
    }
    let end = response.indexOf("\n", start);
    if (end === -1) end = response.length;
    const line = removePunctuation(response.slice(start, end));
    start = end + 1;
    if (line === "") continue;
    if (pyIsBlank(line)) {
      blankSinceContent++;
    } else {
      count += seenContent ? blankSinceContent + 1 : 1;
      blankSinceContent = 0;
      seenContent = true;
    }
  }
  return count;
}

/** `len(text.split("\n"))`. */
function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf("\n", start);
  return end === -1 ? text.length : end;
}

const NO_QUOTE_PUNCTUATION = new Set(Array.from(`0123456789${PUNCTUATION.replace('"', "")}`, (c) => c.charCodeAt(0)));

/**
 * format:quote_unquote's value is the response with curly quotes made straight, `'"'` deleted
 * and whitespace removed; it fails on `""` in it, and on a last character (after stripping
 * digits and punctuation other than '"') that is '"' or missing (IndexError upstream). Worked
 * out in pieces cut at whitespace, since no replaced pattern holds whitespace: `""` across
 * two pieces is one's value ending and the next's starting with '"'. `pieceLength` is for tests.
 */
export function quotesEachExplained(response: string, pieceLength?: number): boolean {
  let previousEnd = 0;
  let lastKept: number | undefined; // the last code unit of the value outside NO_QUOTE_PUNCTUATION
  for (const piece of piecesAtWhitespace(response, pieceLength)) {
    const value = pyRemoveWhitespace(replaceLiteral(replaceLiteral(replaceLiteral(piece, "“", '"'), "”", '"'), `'"'`, ""));
    if (value === "") continue;
    if (value.includes('""') || (previousEnd === QUOTE && value.charCodeAt(0) === QUOTE)) return false;
    previousEnd = value.charCodeAt(value.length - 1);
    for (let i = value.length - 1; i >= 0; i--) {
      if (!NO_QUOTE_PUNCTUATION.has(value.charCodeAt(i))) {
        lastKept = value.charCodeAt(i);
        break;
      }
    }
  }
  return lastKept !== undefined && lastKept !== QUOTE;
}

const QUOTE = 0x22;

export const quoteExplanation = defineHardType({
  id: "format:quote_unquote",
  aliases: ["quote_then_explain"],
  summary: "No two quoted phrases touch (whitespace ignored) and the response does not end with a quote.",
  condition: () => "every quoted phrase in the response is followed by an unquoted explanation",
  schema: z.strictObject({}),
  check: (response) => quotesEachExplained(response),
  render: () => "Every quoted phrase must be followed by an unquoted explanation.",
  example: { args: {}, pass: `"Carpe diem" means seize the day.`, fail: `He said "carpe diem"` },
});

export const specialBulletPoints = defineHardType({
  id: "format:list",
  aliases: ["custom_bullets"],
  summary: "The separator string occurs at least twice (anywhere; not only at line starts).",
  condition: (a) => `the response lists items marked with ${quote(a.sep)}`,
  schema: z.strictObject({ sep: z.string().min(1).describe('The marker used instead of bullet points, e.g. "..." or "SEPARATOR".') }),
  check: (response, args) => pyCount(response, args.sep) >= 2,
  render: (args) => `Answer with a list of items, instead of bullet points use ${args.sep}.`,
  example: { args: { sep: "SEPARATOR" }, pass: "SEPARATOR apples\nSEPARATOR pears", fail: "SEPARATOR apples" },
});

export const italicsThesis = defineHardType({
  id: "format:thesis",
  aliases: ["italic_thesis"],
  summary: "Some non-blank text in <i>…</i> (or <em>…</em>) is followed by more non-blank text.",
  condition: () => "the response begins its sections with a thesis in HTML italics",
  schema: z.strictObject({}),
  check: (response) => {
    let index = response.indexOf("<i>");
    if (index === -1) index = response.indexOf("<em>");
    if (index === -1) return false;
    const value = response.slice(index);
    let end = value.indexOf("</i>");
    if (end === -1) end = value.indexOf("</em>");
    if (end === -1) return false;
    // Upstream slices value[3:end] and value[end + 4:] whichever tag matched.
    if (pyStrip(value.slice(3, Math.max(3, end))) === "") return false;
    return pyStrip(value.slice(end + 4)) !== "";
  },
  render: () => "Each section must begin with a thesis statement in italics, use HTML to indicate the italics.",
  example: { args: {}, pass: "<i>Cats rule.</i> They nap all day.", fail: "<i>Cats rule.</i>" },
});

export const subBulletPoints = defineHardType({
  id: "format:sub-bullets",
  aliases: ["sub_bullets"],
  summary: "Every piece of the response after a '*' contains a '-' (a sub-bullet per bullet).",
  condition: () => "every * bullet point of the response has a - sub-bullet",
  schema: z.strictObject({}),
  check: (response) => response.split("*").slice(1).every((piece) => piece.includes("-")),
  render: () => "Your response must include bullet points denoted by * and at least one sub-bullet point denoted by - for each bullet point.",
  example: { args: {}, pass: "* fruit\n  - apple\n* veg\n  - leek", fail: "* fruit\n* veg" },
});

export const someBulletPoints = defineHardType({
  id: "format:no_bullets_bullets",
  aliases: ["sentences_then_bullets"],
  summary: "At least two sentences, then at least two lines starting with '*', and nothing after the bullets.",
  condition: () => "the response has at least two sentences followed by at least two * bullet points",
  schema: z.strictObject({}),
  check: (response) => {
    // Upstream reuses one variable: True, then the sentence list of the last prose line (here its
    // length), then False.
    let prose: boolean | number = true;
    let sentences = 0;
    let bullets = 0;
    for (const line of pySplitLines(response)) {
      if (pyStrip(line).startsWith("*")) {
        prose = false;
        if (sentences < 2) return false;
        bullets++;
      } else if (prose === true || (typeof prose === "number" && prose > 0)) {
        prose = countSentences(pyStrip(line));
        sentences += prose;
      } else {
        return false;
      }
    }
    return bullets >= 2;
  },
  render: () => "Your answer must contain at least two sentences ending in a period followed by at least two bullet points denoted by *.",
  example: { args: {}, pass: "Here it is. Two points.\n* one\n* two", fail: "Here it is.\n* one\n* two" },
});

export const titleCase = defineHardType({
  id: "format:title_case",
  aliases: ["title_case"],
  summary: "No nltk.word_tokenize token starts lower-case while the rest is cased (e.g. 'the', 'iPHONE' fail; 'a', '42' pass).",
  condition: () => "the response is written in title case",
  schema: z.strictObject({}),
  check: (response) => {
    let all = true;
    forEachWordToken(response, (word) => {
      const first = firstCodePoint(word);
      const rest = word.slice(first.length);
      if (pyIsUpper(first) && pyIsLower(rest)) return true;
      all = !(pyIsLower(first) && (pyIsUpper(rest) || pyIsLower(rest)));
      return all;
    });
    return all;
  },
  render: () => "Write the entire response in title case (capitalize the first letter of every major word).",
  example: { args: {}, pass: "The Quick Brown Fox", fail: "The quick brown fox" },
});

export const outputTemplate = defineHardType({
  id: "format:output_template",
  aliases: ["answer_template"],
  summary: "Contains 'My Answer:', 'My Conclusion:' and 'Future Outlook:' (case-sensitive, any order).",
  condition: () => "the response follows the template My Answer: … My Conclusion: … Future Outlook: …",
  schema: z.strictObject({}),
  check: (response) => ["My Answer:", "My Conclusion:", "Future Outlook:"].every((part) => response.includes(part)),
  render: () => "Use this exact template for your response: My Answer: [answer] My Conclusion: [conclusion] Future Outlook: [outlook]",
  example: { args: {}, pass: "My Answer: yes My Conclusion: good Future Outlook: bright", fail: "My Answer: yes" },
});

export const noWhitespace = defineHardType({
  id: "format:no_whitespace",
  aliases: ["no_whitespace"],
  summary: "No whitespace character at all (Python str.isspace()).",
  condition: () => "the response contains no whitespace",
  schema: z.strictObject({}),
  check: (response) => !pyHasSpaceChar(response),
  render: () => "The output should not contain any whitespace.",
  example: { args: {}, pass: "No_spaces_here.", fail: "Some spaces here." },
});
