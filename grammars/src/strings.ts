// String literals: reading them out of tokens, and writing them back so they round-trip.

import type { IToken } from "chevrotain";
import type { SyntaxError } from "./ast.js";
import { excerpt } from "./excerpt.js";
import { QuotedString, TripleString, UnterminatedString, UnterminatedTripleString } from "./tokens.js";

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** JSON-style unescape of `body` (the text between the quotes, starting at source offset `at`). */
function unescapeJson(body: string, at: number, errors: SyntaxError[]): string {
  if (!body.includes("\\")) return body;
  let out = "";
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch !== "\\") {
      out += ch;
      i++;
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      const length = next === undefined ? 1 : next === "u" ? Math.min(6, body.length - i) : 2;
      errors.push({ message: `invalid escape '${excerpt(body.slice(i, i + length))}'`, range: { start: at + i, end: at + i + length } });
      i += length;
    }
  }
  return out;
}

function hasLoneTrailingBackslash(image: string): boolean {
  let count = 0;
  while (image[image.length - 1 - count] === "\\") count++;
  return count % 2 === 1;
}

/** The text a string token stands for; bad escapes are reported and skipped. */
export function stringTokenValue(token: IToken, errors: SyntaxError[]): string {
  const image = token.image;
  switch (token.tokenType) {
    case TripleString:
      return image.slice(3, -3);
    case UnterminatedTripleString:
      return image.slice(3);
    case QuotedString:
      return unescapeJson(image.slice(1, -1), token.startOffset + 1, errors);
    case UnterminatedString:
      // A lone trailing backslash is part of the cut-off text, not an escape.
      return unescapeJson(image.slice(1, hasLoneTrailingBackslash(image) ? -1 : undefined), token.startOffset + 1, errors);
    default:
      return image;
  }
}

/** A literal that reads back as `text`: `"""` only for multi-line text it can hold verbatim. */
export function quoteString(text: string): string {
  if (text.includes("\n") && !text.includes('"""') && !text.endsWith('"')) return `"""${text}"""`;
  return JSON.stringify(text);
}
