// Issue 9 item 12: the outline (documentSymbol) of the two shapes its bench row measures, blocks
// nested deep and long else-if chains, equals a tree built here while the document is written:
// each piece's offsets are taken from the length of the text before it, not from the parser.
// Then the LSP form the server sends (positions by line and character).

import assert from "node:assert/strict";
import { test } from "node:test";
import { SymbolKind } from "vscode-languageserver";
import { LineIndex, type Range } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { toLspSymbol } from "../../../server/src/lsp/convert.js";
import { documentSymbols, type OutlineSymbol } from "../../../server/src/lsp/features/symbols.js";

const range = (start: number, end: number): Range => ({ start, end });

function outline(text: string): OutlineSymbol[] {
  const analysis = analyze(text);
  return documentSymbols(analysis.ast, new Set(analysis.names.keys()));
}

/** Appends pieces and says where each one went. */
class Writer {
  text = "";
  put(piece: string): Range {
    const start = this.text.length;
    this.text += piece;
    return range(start, this.text.length);
  }
}

const softSymbol = (name: string, at: Range): OutlineSymbol => ({ name, detail: "soft", kind: "soft", range: at, selectionRange: at, children: [] });
const branch = (name: string, at: Range, children: OutlineSymbol[]): OutlineSymbol => ({ name, kind: "branch", range: at, selectionRange: at, children });

/** `and {` `depth` times around `soft "x"`: a Parallel symbol per level, the soft one innermost. */
function writeDeep(w: Writer, depth: number): OutlineSymbol {
  const keywords: Range[] = [];
  const opens: number[] = [];
  for (let level = 0; level < depth; level++) {
    keywords.push(w.put("and"));
    opens.push(w.put(" {\n").start);
  }
  let symbol = softSymbol("x", w.put('soft "x"'));
  w.put("\n");
  for (let level = depth - 1; level >= 0; level--) {
    const close = w.put("}");
    w.put("\n");
    symbol = { name: "Parallel", detail: "and", kind: "parallel", range: range(keywords[level].start, close.end), selectionRange: keywords[level], children: [symbol] };
  }
  return symbol;
}

test("outline of blocks nested deep, repeated: one Parallel per level around the soft constraint", () => {
  const w = new Writer();
  const expected = [writeDeep(w, 12), writeDeep(w, 12), writeDeep(w, 3)];
  assert.deepEqual(outline(w.text), expected);
});

/** `if no_comma { soft "a" }`, `length` × `else if lowercase { soft "b" }`, `else { soft "c" }`. */
function writeElseIf(w: Writer, length: number): OutlineSymbol {
  interface Head { keyword: Range; condition: Range; hardName: string; hardType: string; block: Range; soft: Range; softName: string }
  const writeHead = (condition: string, hardType: string, text: string): Head => {
    const keyword = w.put("if");
    w.put(" ");
    const cond = w.put(condition);
    w.put(" ");
    const open = w.put("{\n  ").start;
    const soft = w.put(`soft "${text}"`);
    w.put("\n");
    const close = w.put("}");
    return { keyword, condition: cond, hardName: condition, hardType, block: range(open, close.end), soft, softName: text };
  };
  const heads = [writeHead("no_comma", "punctuation:no_comma", "a")];
  for (let i = 0; i < length; i++) {
    w.put(" else ");
    heads.push(writeHead("lowercase", "change_case:english_lowercase", "b"));
  }
  w.put(" else ");
  const open = w.put("{\n  ").start;
  const lastSoft = w.put('soft "c"');
  w.put("\n");
  const end = w.put("}").end;
  w.put("\n");
  // Innermost first: the last head's else is the final block; each earlier head's else is the next conditional.
  let elseSymbol = branch("else", range(open, end), [softSymbol("c", lastSoft)]);
  let conditional: OutlineSymbol | undefined;
  for (let i = heads.length - 1; i >= 0; i--) {
    const h = heads[i];
    conditional = {
      name: "Conditional", detail: "if / else", kind: "conditional", range: range(h.keyword.start, end), selectionRange: h.keyword,
      children: [
        branch("condition", h.condition, [{ name: h.hardName, detail: h.hardType, kind: "hard", range: h.condition, selectionRange: h.condition, children: [] }]),
        branch("then", h.block, [softSymbol(h.softName, h.soft)]),
        elseSymbol,
      ],
    };
    // An else-if's else branch covers the nested `if` from its keyword to the chain's end.
    elseSymbol = branch("else", conditional.range, [conditional]);
  }
  return conditional!;
}

test("outline of long else-if chains: each else holds the next conditional, the last the final block", () => {
  const w = new Writer();
  const expected = [writeElseIf(w, 50), writeElseIf(w, 50), writeElseIf(w, 1)];
  w.put("\n");
  assert.deepEqual(outline(w.text), expected);
});

test("the LSP form: positions by line and character, the selection its own range where the symbol selects all of it", () => {
  const text = 'and {\n  soft "x"\n  no_comma\n}\n';
  const lines = new LineIndex(text);
  const symbols = outline(text).map((s) => toLspSymbol(lines, s));
  const at = (line: number, character: number, endLine: number, endCharacter: number) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });
  assert.deepEqual(symbols, [{
    name: "Parallel", detail: "and", kind: SymbolKind.Array, range: at(0, 0, 3, 1), selectionRange: at(0, 0, 0, 3),
    children: [
      { name: "x", detail: "soft", kind: SymbolKind.String, range: at(1, 2, 1, 10), selectionRange: at(1, 2, 1, 10), children: [] },
      { name: "no_comma", detail: "punctuation:no_comma", kind: SymbolKind.Function, range: at(2, 2, 2, 10), selectionRange: at(2, 2, 2, 10), children: [] },
    ],
  }]);
  // An empty name (a soft constraint with empty text) is shown as "(empty)": the protocol needs a name.
  assert.equal(outline('soft ""').map((s) => toLspSymbol(new LineIndex('soft ""'), s))[0].name, "(empty)");
});
