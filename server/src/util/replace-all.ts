// `text.replace(globalRegex, template)` for texts of any size. V8 collects the pieces of a
// global replace in one array, and past about 130 million pieces (30 MB of commas through
// one Treebank rule) it aborts the whole process with a fatal "invalid size" error that no
// try/catch sees. Short texts take the native replace; long ones are replaced match by match
// with the pieces joined every so often, which gives the same string.

/** Up to this many code units a native replace stays far below the limit (measured: 16 Mi one-unit matches of " $& " pass, 24 Mi abort). */
const NATIVE_LIMIT = 1 << 23;
const PIECES_PER_JOIN = 1 << 16;

/**
 * The result of `text.replace(regex, template)` for a global regex whose template uses only
 * `$1`-`$9`, `$&` and `$$`. `nativeLimit` is for tests, to compare both paths on short texts.
 */
export function replaceAll(text: string, regex: RegExp, template: string, nativeLimit = NATIVE_LIMIT): string {
  if (text.length <= nativeLimit) return text.replace(regex, template);
  const expand = compileTemplate(template);
  const out = new PieceJoiner();
  let last = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    out.pieces.push(text.slice(last, match.index));
    expand(match, out.pieces);
    last = match.index + match[0].length;
    if (match[0] === "") regex.lastIndex = advanceStringIndex(text, match.index, regex.unicode);
    out.joinWhenFull();
  }
  out.pieces.push(text.slice(last));
  return out.result();
}

/**
 * The pieces of a long replace, joined every 64 Ki pieces: one array of every piece is what
 * aborts V8 (above), and unjoined slices each keep a small object alive.
 */
class PieceJoiner {
  pieces: string[] = [];
  private readonly joined: string[] = [];

  joinWhenFull(): void {
    if (this.pieces.length < PIECES_PER_JOIN) return;
    this.joined.push(this.pieces.join(""));
    this.pieces = [];
  }

  result(): string {
    this.joined.push(this.pieces.join(""));
    this.pieces = [];
    return this.joined.join("");
  }
}

/** ECMAScript AdvanceStringIndex: past an empty match, one code point in unicode mode, else one code unit. */
export function advanceStringIndex(text: string, index: number, unicode: boolean): number {
  const unit = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return unicode && unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

type Expand = (match: RegExpExecArray, out: string[]) => void;

function compileTemplate(template: string): Expand {
  const parts: (string | number)[] = [];
  let literal = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const next = template[i + 1];
    if (c === "$" && next !== undefined && /[1-9&$]/.test(next)) {
      if (next === "$") {
        literal += "$";
      } else {
        if (literal) parts.push(literal);
        literal = "";
        parts.push(next === "&" ? 0 : Number(next));
      }
      i++;
    } else {
      literal += c;
    }
  }
  if (literal) parts.push(literal);
  return (match, out) => {
    for (const part of parts) out.push(typeof part === "string" ? part : match[part] ?? "");
  };
}

/** Below this length the native replaceAll is used: its match array stays small. */
const LITERAL_NATIVE_LIMIT = 1 << 16;

/**
 * `text.replaceAll(search, replacement)` (a literal, non-empty search) in memory bounded by the
 * text's size. V8's native replaceAll records every match before building the result: on 16 MB
 * of newlines, `replaceAll("\n", " ")` peaks at ~560 MB (35 bytes per match), which alone broke
 * the 20x memory target. Here the pieces are joined as they come (PieceJoiner); same string.
 * `replacement` is inserted as is (no `$&` patterns, unlike a native string replacement).
 */
export function replaceLiteral(text: string, search: string, replacement: string, nativeLimit = LITERAL_NATIVE_LIMIT): string {
  if (text.length <= nativeLimit || search === "") return text.replaceAll(search, replacement.includes("$") ? replacement.replaceAll("$", "$$$$") : replacement);
  let at = text.indexOf(search);
  if (at < 0) return text;
  const out = new PieceJoiner();
  let last = 0;
  for (; at >= 0; at = text.indexOf(search, last)) {
    out.pieces.push(text.slice(last, at), replacement);
    last = at + search.length;
    out.joinWhenFull();
  }
  out.pieces.push(text.slice(last));
  return out.result();
}
