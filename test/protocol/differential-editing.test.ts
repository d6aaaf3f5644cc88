// Differential: a server that has seen a document through a chain of incremental
// `didChange` events must answer exactly what a fresh server answers for the same
// text. After every edit: hover at every token, semantic tokens, folding, document
// symbols, diagnostics, and code actions and completion at random positions.
// "Fresh" is a second server process that opens each version as a new document it
// has never seen (the document store keeps nothing between uris), so no state of an
// earlier version can leak into its answers.
//
// The random chains are seeded (mulberry32) so a failure names a reproducible seed.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Diagnostic, Position, Range } from "vscode-languageserver-protocol";
import { LSR_UNITS } from "../helpers/lsr-units.js";
import { LspSession, REPO_ROOT } from "./lsp-harness.js";
import { mulberry32 } from "../../server/src/report/reservoir.js";

const CHAINS = Number(process.env.LSRIF_DIFF_CHAINS ?? 48);
const EDITS_PER_CHAIN = 42; // 48 x 42 = 2,016 edits
const RANDOM_PROBES = 3;

const read = (p: string): string => readFileSync(join(REPO_ROOT, p), "utf8");
const UNITS = LSR_UNITS;
const SNIPPETS = ["x", "1", " ", "\n", "{", "}", "(", ")", "\"", "then ", "finally ", "else ", "first ", "if ", "and ", "soft ",
  "define ", "// c\n", "no_comma", "lowercase", "words(at_most: 5)", "words(relation: \"at least\", num_words: 10)\n", "\"text\"", ",", ":",
  "[", "]", "} else {", "gamma 0.5\n", "soft format ", "tone ", "num_words: \"120\""];

function startText(random: () => number, chain: number): string {
  if (chain % 8 === 0) return read("examples/figure1.lsr");
  if (chain % 8 === 1) return read("examples/travel-guide.lsr");
  const count = 1 + Math.floor(random() * 4);
  const units = Array.from({ length: count }, (_, i) => UNITS[Math.floor(random() * UNITS.length)](i));
  return `prompt "Write."\n${units.join("\n")}\n`;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

interface Edit { range: Range; text: string; next: string }

const NAMES = ["no_comma", "lowercase", "capital", "sentences", "words", "contains", "title", "d0"];

/** Edits a user makes that keep the file valid (so re-analysis stays on its incremental path) or break it on purpose. */
function randomEdit(random: () => number, text: string): Edit {
  const pick = random();
  if (pick < 0.2) {
    const name = /[a-z_]{4,}/g;
    const found = [...text.matchAll(name)].filter((m) => NAMES.includes(m[0]));
    if (found.length > 0) {
      const m = found[Math.floor(random() * found.length)];
      return replace(text, m.index, m.index + m[0].length, NAMES[Math.floor(random() * NAMES.length)]);
    }
  } else if (pick < 0.4) {
    const strings = [...text.matchAll(/"[^"\n]*"/g)];
    if (strings.length > 0) {
      const m = strings[Math.floor(random() * strings.length)];
      const at = m.index + 1 + Math.floor(random() * (m[0].length - 1));
      return replace(text, at, at, random() < 0.5 ? "x" : " word");
    }
  } else if (pick < 0.55) {
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
    const at = starts[Math.floor(random() * starts.length)];
    if (random() < 0.5) return replace(text, at, at, `${UNITS[Math.floor(random() * UNITS.length)](Math.floor(random() * 9))}\n`);
    const end = text.indexOf("\n", at);
    return replace(text, at, end < 0 ? text.length : end + 1, "");
  }
  return rawEdit(random, text);
}

function replace(text: string, start: number, end: number, insert: string): Edit {
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert, next: text.slice(0, start) + insert + text.slice(end) };
}

/** Any characters anywhere: mostly syntax errors, which re-analysis handles on its full path. */
function rawEdit(random: () => number, text: string): Edit {
  const start = Math.floor(random() * (text.length + 1));
  const kind = random();
  const remove = kind < 0.4 ? 0 : kind < 0.8 ? Math.floor(random() * 4) : Math.floor(random() * 40);
  const end = Math.min(text.length, start + remove);
  const insert = random() < 0.15 ? "" : SNIPPETS[Math.floor(random() * SNIPPETS.length)];
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert, next: text.slice(0, start) + insert + text.slice(end) };
}

/** One offset inside every token: each run of name characters, each string, each other visible character. */
function tokenOffsets(text: string): number[] {
  const out: number[] = [];
  const token = /[A-Za-z0-9_:.]+|"(?:[^"\\\n]|\\.)*"?|\S/g;
  for (let m = token.exec(text); m; m = token.exec(text)) out.push(m.index + Math.floor(m[0].length / 2));
  return out;
}

/** The same answer from either server, with each server's own uri replaced. */
function normalise(value: unknown, uri: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(JSON.stringify(uri).slice(1, -1)).join("<uri>"));
}

async function answers(lsp: LspSession, uri: string, text: string, diagnostics: Diagnostic[], probes: number[]): Promise<unknown> {
  const textDocument = { uri };
  const at = (offset: number): Position => positionAt(text, offset);
  const [hovers, tokens, folding, symbols, actions, completions] = await Promise.all([
    Promise.all(tokenOffsets(text).map((o) => lsp.request("textDocument/hover", { textDocument, position: at(o) }))),
    lsp.request("textDocument/semanticTokens/full", { textDocument }),
    lsp.request("textDocument/foldingRange", { textDocument }),
    lsp.request("textDocument/documentSymbol", { textDocument }),
    Promise.all(probes.map((o, i) => {
      const range = { start: at(Math.min(o, probes[(i + 1) % probes.length])), end: at(Math.max(o, probes[(i + 1) % probes.length])) };
      const context = { diagnostics: diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line) };
      return lsp.request("textDocument/codeAction", { textDocument, range, context });
    })),
    Promise.all(probes.map((o) => lsp.request("textDocument/completion", { textDocument, position: at(o) }))),
  ]);
  return normalise({ diagnostics, hovers, tokens, folding, symbols, actions, completions }, uri);
}

describe("incremental edits answer what a fresh server answers", () => {
  let edited: LspSession;
  let fresh: LspSession;
  before(async () => {
    [edited, fresh] = await Promise.all([LspSession.start(), LspSession.start()]);
  });
  after(async () => {
    await Promise.all([edited.stop(), fresh.stop()]);
  });

  async function freshAnswers(chain: number, version: number, text: string, probes: number[]): Promise<unknown> {
    const uri = `file:///fresh/c${chain}v${version}.lsr`;
    fresh.open(uri, text, 1);
    const diagnostics = await fresh.diagnosticsFor(uri, 1);
    const result = await answers(fresh, uri, text, diagnostics, probes);
    fresh.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    return result;
  }

  async function runChain(seed: number): Promise<number> {
    const random = mulberry32(seed);
    const uri = `file:///edited/chain${seed}.lsr`;
    let text = startText(random, seed);
    edited.open(uri, text, 1);
    await edited.diagnosticsFor(uri, 1);
    for (let version = 2; version < EDITS_PER_CHAIN + 2; version++) {
      const edit = randomEdit(random, text);
      edited.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version }, contentChanges: [{ range: edit.range, text: edit.text }],
      });
      text = edit.next;
      const probes = Array.from({ length: RANDOM_PROBES }, () => Math.floor(random() * (text.length + 1)));
      const diagnostics = await edited.diagnosticsFor(uri, version);
      const [mine, theirs] = await Promise.all([answers(edited, uri, text, diagnostics, probes), freshAnswers(seed, version, text, probes)]);
      assert.deepStrictEqual(mine, theirs, `seed ${seed}, version ${version}, text:\n${text}`);
    }
    return EDITS_PER_CHAIN;
  }

  it(`${CHAINS} random chains of ${EDITS_PER_CHAIN} incremental edits`, async () => {
    // Chains run side by side (each waits for its own debounced diagnostics).
    let done = 0;
    for (let first = 0; first < CHAINS; first += 16) {
      const counts = await Promise.all(Array.from({ length: Math.min(16, CHAINS - first) }, (_, i) => runChain(first + i)));
      done += counts.reduce((a, b) => a + b, 0);
    }
    assert.equal(done, CHAINS * EDITS_PER_CHAIN);
  });

  it("the issue's cases: a renamed constraint's hover and a new line's token types", async () => {
    const uri = "file:///edited/issue.lsr";
    const figure1 = read("examples/figure1.lsr");
    edited.open(uri, figure1, 1);
    await edited.diagnosticsFor(uri, 1);
    // Insert a line before line 6 (0-based 5) of figure1, then rename the constraint on it.
    const inserted = "words(relation: \"at least\", num_words: 10)\n";
    edited.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: inserted }],
    });
    const lines = figure1.split("\n");
    lines.splice(5, 0, inserted.trimEnd());
    let text = lines.join("\n");
    const diagnostics = await edited.diagnosticsFor(uri, 2);
    assert.deepStrictEqual(await answers(edited, uri, text, diagnostics, [0]), await freshAnswers(-1, 2, text, [0]));

    const at = text.indexOf("sentences(");
    edited.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: positionAt(text, at), end: positionAt(text, at + "sentences".length) }, text: "lowercase" }],
    });
    text = text.slice(0, at) + "lowercase" + text.slice(at + "sentences".length);
    const hover = await edited.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: positionAt(text, at + 2) });
    assert.ok(hover && /lowercase/i.test(hover.contents.value) && !/number_sentences/.test(hover.contents.value), hover?.contents.value);
  });
});
