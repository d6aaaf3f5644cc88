// Test oracle: the implementation as of commit 0a6ff68 (before issue 9), kept verbatim so
// property tests can compare the linear-time rewrite with it. Not shipped.
// Whether Python's `json.loads(text)` succeeds. It differs from JSON.parse in
// accepting the constants NaN, Infinity and -Infinity; everything else (any
// top-level value, only " \t\n\r" as whitespace, no control characters inside
// strings) is the same grammar, so we validate instead of parsing.

const WHITESPACE = " \t\n\r";
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING_BODY = /(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
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

function skipString(text: string, i: number): number {
  STRING_BODY.lastIndex = i + 1;
  return STRING_BODY.test(text) ? STRING_BODY.lastIndex : -1;
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
