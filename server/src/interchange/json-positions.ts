// Strict JSON (RFC 8259) with the offset where each value starts, so schema errors can
// point at the offending value, not just name its path. JSON.parse gives neither reliable
// positions for syntax errors nor value offsets. The scanning and parsing is jsonc-parser's
// (the VS Code JSON service's parser); this file adds what the importer needs on top:
// - strict JSON: comments, trailing commas and empty input are errors;
// - the first error only, with a message in plain words: the visitor throws on it, so
//   parsing stops there and nothing after it is looked at;
// - values built with own properties (a "__proto__" key stays a key, as with JSON.parse);
// - a depth limit: jsonc-parser recurses per nesting level, so the visitor stops at
//   MAX_JSON_DEPTH before the stack can overflow.

import { visit, ParseErrorCode, type JSONPath } from "jsonc-parser";

export type JsonPath = readonly (string | number)[];

/** Offset of the first character of each value, keyed by `pathKey(path)`. */
export type ValueOffsets = Pick<ReadonlyMap<string, number>, "has" | "get">;

export interface PositionedJson {
  value: unknown;
  offsets: ValueOffsets;
}

export type JsonParseResult =
  | { ok: true; json: PositionedJson }
  | { ok: false; message: string; offset: number };

/** Deeper input is rejected instead of overflowing the stack. */
export const MAX_JSON_DEPTH = 256;

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
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

/**
 * The same result as parseJsonWithPositions, with the offsets worked out only when
 * asked for. Importers read offsets only to place an error, and a valid instruction
 * (what a trainer sends, thousands a step) has none: V8's JSON.parse reads it several
 * times faster than the positioned visitor. Any text JSON.parse refuses, or one nested
 * deeper than MAX_JSON_DEPTH, goes through the positioned parser, so errors are unchanged.
 */
export function parseJsonLazyPositions(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJsonWithPositions(text);
  }
  if (reachesDepth(value, MAX_JSON_DEPTH)) return parseJsonWithPositions(text);
  let offsets: ValueOffsets | undefined;
  const positioned = (): ValueOffsets => {
    if (offsets) return offsets;
    const parsed = parseJsonWithPositions(text);
    return (offsets = parsed.ok ? parsed.json.offsets : new Map<string, number>());
  };
  return { ok: true, json: { value, offsets: { has: (key) => positioned().has(key), get: (key) => positioned().get(key) } } };
}

/**
 * Whether some container sits inside `limit` others. Conservative: a value inside more than
 * `limit` containers is the positioned parser's error, and it decides every text this flags.
 */
function reachesDepth(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

class FirstError {
  constructor(readonly message: string, readonly offset: number) {}
}

type Container = { kind: "object"; value: Record<string, unknown>; key: string } | { kind: "array"; value: unknown[] };

export function parseJsonWithPositions(text: string): JsonParseResult {
  const offsets = new Map<string, number>();
  const open: Container[] = [];
  let root: unknown;
  let rootDone = false;
  const add = (value: unknown) => {
    const parent = open[open.length - 1];
    if (!parent) {
      root = value;
      rootDone = true;
    } else if (parent.kind === "array") parent.value.push(value);
    // defineProperty: a "__proto__" key must become an own property, not the prototype.
    else Object.defineProperty(parent.value, parent.key, { value, enumerable: true, writable: true, configurable: true });
  };
  const start = (offset: number, path: () => JSONPath) => {
    if (open.length > MAX_JSON_DEPTH) throw new FirstError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, offset);
    offsets.set(pathKey(path()), offset);
  };
  try {
    visit(text, {
      onObjectBegin: (offset, _length, _line, _column, path) => {
        start(offset, path);
        open.push({ kind: "object", value: {}, key: "" });
      },
      onObjectProperty: (name) => {
        const parent = open[open.length - 1];
        if (parent?.kind === "object") parent.key = name;
      },
      onObjectEnd: () => add(open.pop()?.value),
      onArrayBegin: (offset, _length, _line, _column, path) => {
        start(offset, path);
        open.push({ kind: "array", value: [] });
      },
      onArrayEnd: () => add(open.pop()?.value),
      onLiteralValue: (value: unknown, offset, _length, _line, _column, path) => {
        start(offset, path);
        add(value);
      },
      onError: (code, offset, length) => {
        throw errorFor(text, code, offset, length, open[open.length - 1]?.kind, rootDone);
      },
    }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (error instanceof FirstError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
  return { ok: true, json: { value: root, offsets } };
}

/** The first error in plain words, at the character it is about. */
function errorFor(text: string, code: ParseErrorCode, offset: number, length: number, inside: Container["kind"] | undefined, rootDone: boolean): FirstError {
  const atEnd = offset >= text.length;
  const unexpected = (expected: string) => new FirstError(atEnd ? `Unexpected end of input: expected ${expected}` : `Unexpected character ${JSON.stringify(text[offset])}: expected ${expected}`, offset);
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
    case ParseErrorCode.ValueExpected:
      return rootDone && inside === undefined ? new FirstError("Unexpected text after the JSON value", offset) : unexpected("a value");
    case ParseErrorCode.EndOfFileExpected:
      return new FirstError("Unexpected text after the JSON value", offset);
    case ParseErrorCode.PropertyNameExpected:
      return new FirstError("Expected a property name in double quotes", offset);
    case ParseErrorCode.ColonExpected:
      return new FirstError("Expected ':' after the property name", offset);
    case ParseErrorCode.CommaExpected:
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected:
      return inside === "array" ? new FirstError("Expected ',' or ']' after an array element", offset) : new FirstError("Expected ',' or '}' after a property value", offset);
    case ParseErrorCode.UnexpectedEndOfString:
      return new FirstError("Unterminated string", offset);
    // jsonc-parser reports this at the string's start; point at the character itself.
    case ParseErrorCode.InvalidCharacter:
      return new FirstError("Control character in a string: escape it (\\n, \\t, ...)", firstControlCharacter(text, offset, length));
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
      return new FirstError("Invalid escape in a string", offset);
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return new FirstError("Invalid number", offset);
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return new FirstError("Comments are not allowed in JSON", offset);
    default:
      return unexpected("a value");
  }
}

function firstControlCharacter(text: string, from: number, length: number): number {
  for (let i = from; i < from + length && i < text.length; i++) if (text.charCodeAt(i) < 0x20) return i;
  return from;
}
