// A strict JSON parser (RFC 8259) that also records where each value starts, so
// schema errors can point at the offending value, not just name its path.
// JSON.parse gives neither reliable positions for syntax errors nor value offsets.

export type JsonPath = readonly (string | number)[];

export interface PositionedJson {
  value: unknown;
  /** Offset of the first character of each value, keyed by `pathKey(path)`. */
  offsets: Map<string, number>;
}

export type JsonParseResult =
  | { ok: true; json: PositionedJson }
  | { ok: false; message: string; offset: number };

/** Deeper input is rejected instead of overflowing the stack. */
export const MAX_JSON_DEPTH = 256;

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    const value = parser.document();
    return { ok: true, json: { value, offsets: parser.offsets } };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** 1-based line and column (UTF-16 code units) of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Parser {
  readonly offsets = new Map<string, number>();
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value([], 0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("Unexpected text after the JSON value");
    return value;
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return;
      this.pos++;
    }
  }

  private value(path: (string | number)[], depth: number): unknown {
    if (depth > MAX_JSON_DEPTH) this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.skipWhitespace();
    this.offsets.set(pathKey(path), this.pos);
    const c = this.text[this.pos];
    if (c === undefined) this.fail("Unexpected end of input: expected a value");
    if (c === "{") return this.object(path, depth);
    if (c === "[") return this.array(path, depth);
    if (c === '"') return this.string();
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, literal] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    return this.fail(`Unexpected character ${JSON.stringify(c)}: expected a value`);
  }

  private object(path: (string | number)[], depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++; // {
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail("Expected a property name in double quotes");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("Expected ':' after the property name");
      this.pos++;
      // defineProperty: a "__proto__" key must become an own property, not the prototype.
      Object.defineProperty(result, key, { value: this.value([...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return result;
      if (c !== ",") this.fail("Expected ',' or '}' after a property value", this.pos - 1);
    }
  }

  private array(path: (string | number)[], depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value([...path, result.length], depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return result;
      if (c !== ",") this.fail("Expected ',' or ']' after an array element", this.pos - 1);
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail("Unterminated string", start);
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < " ") this.fail("Control character in a string: escape it (\\n, \\t, ...)");
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e !== undefined && e in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[e];
        this.pos += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fail("Invalid escape in a string");
      }
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail("Invalid number");
    this.pos += match[0].length;
    return Number(match[0]);
  }
}
