// Whether Python's `json.loads(text)` succeeds. It differs from JSON.parse in
// accepting the constants NaN, Infinity and -Infinity; everything else (any
// top-level value, only " \t\n\r" as whitespace, no control characters inside
// strings) is the same grammar, so we validate instead of parsing.

const WHITESPACE = " \t\n\r";
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const SIMPLE_ESCAPES = "\"\\/bfnrt";
const HEX4 = /^[0-9a-fA-F]{4}$/;
const CONSTANTS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];
/** Python raises RecursionError far beyond any real response; we simply refuse to go deeper. */
const MAX_DEPTH = 900;

export function isPythonJson(text: string): boolean {
  const end = skipValue(text, skipWhitespace(text, 0), 0);
  return end !== -1 && skipWhitespace(text, end) === text.length;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.includes(text[i])) i++;
  return i;
}

/** Index after the value starting at `i`, or -1. */
function skipValue(text: string, i: number, depth: number): number {
  if (depth > MAX_DEPTH || i >= text.length) return -1;
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === "{") return skipContainer(text, i, depth, "}", true);
  if (c === "[") return skipContainer(text, i, depth, "]", false);
  for (const constant of CONSTANTS) {
    if (text.startsWith(constant, i)) return i + constant.length;
  }
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

/**
 * Index after the string starting at `i` (a loop, not a regex: a regex with a repeated
 * alternation overflows V8's backtracking stack on a string of a few MB).
 */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -1; // no raw control characters inside strings
    if (c !== 0x5c) continue;
    const escaped = text[j + 1];
    if (escaped !== undefined && SIMPLE_ESCAPES.includes(escaped)) j++;
    else if (escaped === "u" && HEX4.test(text.slice(j + 2, j + 6))) j += 5;
    else return -1;
  }
  return -1;
}

function skipContainer(text: string, i: number, depth: number, close: string, isObject: boolean): number {
  i = skipWhitespace(text, i + 1);
  if (text[i] === close) return i + 1;
  for (;;) {
    if (isObject) {
      if (text[i] !== '"') return -1;
      const keyEnd = skipString(text, i);
      if (keyEnd === -1) return -1;
      i = skipWhitespace(text, keyEnd);
      if (text[i] !== ":") return -1;
      i = skipWhitespace(text, i + 1);
    }
    i = skipValue(text, i, depth + 1);
    if (i === -1) return -1;
    i = skipWhitespace(text, i);
    if (text[i] === close) return i + 1;
    if (text[i] !== ",") return -1;
    i = skipWhitespace(text, i + 1);
  }
}
