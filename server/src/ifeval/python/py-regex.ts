// Compiles a Python `re` pattern (str pattern, default flags) to a JavaScript
// RegExp with the same meaning. IFEval builds regexes from user arguments
// (keywords, forbidden words, section splitters, postscript markers), so the
// translation must keep Python's Unicode `\w`, `\s`, `\d`, `\b`, its `.` (all
// but "\n"), its `^`/`$` (only "\n" ends a line) and its lenient literals.

import { PY_WHITESPACE_CLASS } from "./py-text.js";

/** Python str-pattern `\w`: str.isalnum() or "_". */
const WORD = "\\p{L}\\p{N}_";
const DIGIT = "\\p{Nd}";
const SPACE = PY_WHITESPACE_CLASS;

const BOUNDARY = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NON_BOUNDARY = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;

/** Characters that must stay escaped in a JS `u`-mode pattern. */
const JS_SYNTAX = "^$\\.*+?()[]{}|/";

const SIMPLE_ESCAPES: Record<string, string> = { n: "\\n", t: "\\t", r: "\\r", f: "\\f", v: "\\v", a: "\\x07", "0": "\\0" };

export interface PyRegexOptions {
  ignoreCase?: boolean;
  multiline?: boolean;
}

const cache = new Map<string, RegExp | null>();

/**
 * The JS equivalent of `re.compile(pattern, flags)`, with the global flag set
 * (for counting and splitting). Undefined when the pattern uses a construct we
 * do not translate or that is invalid. Compiled once per pattern and flags.
 */
export function compilePyRegex(pattern: string, options: PyRegexOptions = {}): RegExp | undefined {
  const cacheKey = `${options.ignoreCase ? "i" : "-"}${options.multiline ? "m" : "-"}${pattern}`;
  let compiled = cache.get(cacheKey);
  if (compiled === undefined) {
    compiled = null;
    const source = translatePyRegex(pattern, options.multiline ?? false);
    if (source !== undefined) {
      try {
        compiled = new RegExp(source, options.ignoreCase ? "giu" : "gu");
      } catch {
        compiled = null;
      }
    }
    cache.set(cacheKey, compiled);
  }
  if (compiled === null) return undefined;
  compiled.lastIndex = 0;
  return compiled;
}

/** The translated JS source, or undefined when unsupported. Exported for tests. */
export function translatePyRegex(pattern: string, multiline: boolean): string | undefined {
  let out = "";
  let i = 0;
  let inClass = false;
  let classStart = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "\\" && !inClass && (pattern[i + 1] === "b" || pattern[i + 1] === "B")) {
      out += boundary(pattern, i, out, pattern[i + 1] === "b");
      i += 2;
      continue;
    }
    if (c === "\\") {
      const escaped = translateEscape(pattern, i, inClass);
      if (escaped === undefined) return undefined;
      out += escaped.text;
      i = escaped.next;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === "]" && !classStart) {
        inClass = false;
        out += "]";
      } else if (c === "]") {
        out += "\\]"; // Python: "]" first in a class is a literal
      } else if (c === "[") {
        out += "\\[";
      } else {
        out += c;
      }
      classStart = false;
      i++;
      continue;
    }
    switch (c) {
      case "[":
        inClass = true;
        classStart = true; // a "]" right after "[" or "[^" is a literal in Python
        if (pattern[i + 1] === "^") {
          out += "[^";
          i += 2;
          continue;
        }
        out += "[";
        break;
      case ".":
        out += "[^\\n]";
        break;
      case "^":
        out += multiline ? "(?<![^\\n])" : "^";
        break;
      case "$":
        out += multiline ? "(?![^\\n])" : "(?=\\n?$)";
        break;
      case "{": {
        const quantifier = /^\{(\d*)(?:,(\d*))?\}/.exec(pattern.slice(i));
        if (quantifier && (quantifier[1] !== "" || quantifier[2] !== undefined) && out !== "") {
          const [whole, min, max] = quantifier;
          out += max === undefined ? `{${min}}` : `{${min === "" ? "0" : min},${max}}`;
          i += whole.length;
          continue;
        }
        out += "\\{";
        break;
      }
      case "}":
        out += "\\}";
        break;
      case "]":
        out += "\\]";
        break;
      case "/":
        out += "\\/";
        break;
      case "(": {
        const group = translateGroupOpening(pattern, i);
        if (group === undefined) return undefined;
        out += group.text;
        i = group.next;
        continue;
      }
      default:
        out += c;
    }
    i++;
  }
  return inClass ? undefined : out;
}

const LITERAL_WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const QUANTIFIERS = "?*{";

/**
 * Python `\b` / `\B`. Unicode word classes are costly to compile in V8, so when
 * one side is known to be a word character (the pattern has a literal word
 * character right there), only the other side is tested: `\bcat\b` becomes
 * "no word character before" + cat + "no word character after".
 */
function boundary(pattern: string, i: number, out: string, isBoundary: boolean): string {
  const before = pattern[i - 1];
  const beforeIsWord = before !== undefined && LITERAL_WORD_CHAR.test(before) && pattern[i - 2] !== "\\" && !out.endsWith("]");
  const after = pattern[i + 2];
  const afterIsWord = after !== undefined && LITERAL_WORD_CHAR.test(after) && !QUANTIFIERS.includes(pattern[i + 3] ?? "");
  if (afterIsWord) return isBoundary ? `(?<![${WORD}])` : `(?<=[${WORD}])`;
  if (beforeIsWord) return isBoundary ? `(?![${WORD}])` : `(?=[${WORD}])`;
  return isBoundary ? BOUNDARY : NON_BOUNDARY;
}

function translateGroupOpening(pattern: string, i: number): { text: string; next: number } | undefined {
  if (pattern[i + 1] !== "?") return { text: "(", next: i + 1 };
  const rest = pattern.slice(i);
  for (const prefix of ["(?:", "(?=", "(?!", "(?<=", "(?<!"]) {
    if (rest.startsWith(prefix)) return { text: prefix, next: i + prefix.length };
  }
  const named = /^\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
  if (named) return { text: `(?<${named[1]}>`, next: i + named[0].length };
  const backref = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
  if (backref) return { text: `\\k<${backref[1]}>`, next: i + backref[0].length };
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment) return { text: "", next: i + comment[0].length };
  return undefined; // inline flags, conditionals: not translated
}

function translateEscape(pattern: string, i: number, inClass: boolean): { text: string; next: number } | undefined {
  const c = pattern[i + 1];
  if (c === undefined) return undefined;
  const next = i + 2;
  switch (c) {
    case "w": return { text: inClass ? WORD : `[${WORD}]`, next };
    case "s": return { text: inClass ? SPACE : `[${SPACE}]`, next };
    case "d": return { text: DIGIT, next };
    case "D": return { text: "\\P{Nd}", next };
    case "W": return inClass ? undefined : { text: `[^${WORD}]`, next };
    case "S": return inClass ? undefined : { text: `[^${SPACE}]`, next };
    case "b": return { text: "\\x08", next }; // inside a class: backspace
    case "B": return undefined;
    case "A": return inClass ? undefined : { text: "^", next };
    case "Z": return inClass ? undefined : { text: "$", next };
  }
  if (c in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[c], next };
  if (c === "x") {
    const hex = /^[0-9a-fA-F]{2}/.exec(pattern.slice(next));
    return hex ? { text: `\\x${hex[0]}`, next: next + 2 } : undefined;
  }
  if (c === "u" || c === "U") {
    const width = c === "u" ? 4 : 8;
    const hex = new RegExp(`^[0-9a-fA-F]{${width}}`).exec(pattern.slice(next));
    return hex ? { text: `\\u{${hex[0]}}`, next: next + width } : undefined;
  }
  if (/[1-9]/.test(c) && !inClass) {
    const digits = /^\d{1,2}/.exec(pattern.slice(i + 1))![0];
    return { text: `\\${digits}`, next: i + 1 + digits.length };
  }
  if (/[A-Za-z0-9]/.test(c)) return undefined; // Python rejects unknown letter escapes
  if (JS_SYNTAX.includes(c) || (inClass && c === "-")) return { text: `\\${c}`, next };
  return { text: c, next }; // "\," "\#" "\'" ...: a literal in Python, not escapable in JS u-mode
}
