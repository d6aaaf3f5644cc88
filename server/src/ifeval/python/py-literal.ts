// Python `ast.literal_eval` for the values open-instruct stores in `ground_truth`:
// str (single, double or triple quoted, with escapes), int, float, True, False, None,
// list, tuple and dict. Hand-written: no maintained npm package evaluates Python
// literals, and JSON.parse rejects single quotes and True/None.

export class PyLiteralError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MAX_DEPTH = 256;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v", "0": "\0", "\n": "" };

export function pyLiteralEval(text: string): unknown {
  let i = 0;
  const fail = (message: string): never => {
    throw new PyLiteralError(message, i);
  };
  const skip = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const string = (): string => {
    const quote = text.startsWith("'''", i) || text.startsWith('"""', i) ? text.slice(i, i + 3) : text[i];
    i += quote.length;
    let out = "";
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      if (text.startsWith(quote, i)) {
        i += quote.length;
        return out;
      }
      const c = text[i++];
      if (c === "\n" && quote.length === 1) fail("newline in a string");
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = text[i++];
      if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
      else if (e === "x" || e === "u" || e === "U") {
        const n = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = text.slice(i, i + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail("bad escape");
        out += String.fromCodePoint(parseInt(hex, 16));
        i += n;
      } else out += `\\${e}`; // Python keeps unknown escapes as written
    }
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    skip();
    const c = text[i];
    if (c === "'" || c === '"') {
      let s = string();
      // Adjacent string literals concatenate.
      for (skip(); text[i] === "'" || text[i] === '"'; skip()) s += string();
      return s;
    }
    if (c === "[" || c === "(") return sequence(c === "[" ? "]" : ")", depth);
    if (c === "{") return dict(depth);
    const word = /^(?:True|False|None)\b/.exec(text.slice(i, i + 6));
    if (word) {
      i += word[0].length;
      return word[0] === "True" ? true : word[0] === "False" ? false : null;
    }
    const num = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      i += num[0].length;
      return Number(num[0].replaceAll("_", ""));
    }
    return fail("not a Python literal");
  };
  const sequence = (close: string, depth: number): unknown[] => {
    i++;
    const items: unknown[] = [];
    for (skip(); text[i] !== close; skip()) {
      items.push(value(depth + 1));
      skip();
      if (text[i] === ",") i++;
      else if (text[i] !== close) fail(`expected ',' or '${close}'`);
    }
    i++;
    return items;
  };
  const dict = (depth: number): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    for (skip(); text[i] !== "}"; skip()) {
      const key = value(depth + 1);
      skip();
      if (text[i] !== ":") fail("expected ':'");
      i++;
      // defineProperty: a key such as "__proto__" stays an ordinary key.
      Object.defineProperty(out, String(key), { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      skip();
      if (text[i] === ",") i++;
      else if (text[i] !== "}") fail("expected ',' or '}'");
    }
    i++;
    return out;
  };
  const result = value(0);
  skip();
  if (i < text.length) fail("unexpected text after the literal");
  return result;
}
