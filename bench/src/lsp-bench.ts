// Editor latency of the .lsr language server beside vscode-json-languageservice on a
// JSON document of the same line count, in the same run. Both are measured
// in-process, the same way: apply an incremental edit to a TextDocument, then
// produce LSP diagnostics (for .lsr: reanalyze from the previous version + conversion,
// exactly what the server publishes, without its debounce or the transport; for JSON: parseJSONDocument +
// doValidation). Hover and completion use the cached analysis / parsed document of
// the current version, as each server does. Server start is a real process.

import { spawn } from "node:child_process";
import { join } from "node:path";
import { getLanguageService, type JSONDocument } from "vscode-json-languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../../grammars/src/index.js";
import { analyze, type Analysis } from "../../server/src/analysis/analyze.js";
import { reanalyze } from "../../server/src/analysis/incremental.js";
import { toLspDiagnostic } from "../../server/src/lsp/convert.js";
import { completionsAt } from "../../server/src/lsp/features/completion.js";
import { hoverAt } from "../../server/src/lsp/features/hover.js";
import { median, percentile } from "./core-bench.js";

const LINES = 10_000;
const EDITS = 50;
const PROBES = 50;

/** 10 lines per unit: a sequence with a block step and an if/else. */
function lsrDocument(): string {
  const units: string[] = [];
  for (let i = 0; i < LINES / 10; i++) {
    units.push(`first {
  soft content "Paragraph ${i}."
  sentences(relation: "less than", num_sentences: ${4 + i})
}
then words(relation: "at least", num_words: ${10 + i})
then if contains(keywords: ["k${i}"]) {
  soft format "Lowercase checklist ${i}."
} else {
  soft format "Bold core idea ${i}."
}`);
  }
  return `${units.join("\n")}\n`;
}

/** 10 lines per unit, an array of objects. */
function jsonDocument(): string {
  const units: string[] = [];
  for (let i = 0; i < LINES / 10 - 1; i++) {
    units.push(`  {
    "id": ${i},
    "text": "Paragraph ${i}.",
    "relation": "less than",
    "num_sentences": ${4 + (i % 5)},
    "keywords": ["k${i}"],
    "format": "Bold core idea ${i}.",
    "ok": true
  },`);
  }
  units.push(`  {
    "id": -1,
    "text": "last",
    "relation": "at least",
    "num_sentences": 1,
    "keywords": [],
    "format": "end",
    "ok": false
  }`);
  return `[\n${units.join("\n")}\n]\n`;
}

interface Timings { editMedian: number; editP95: number; hoverP95: number; completionP95: number }

function ms(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function msAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Positions inside string literals on evenly spread lines: an edit there keeps the document valid. */
function editPositions(doc: TextDocument, needle: string): { line: number; character: number }[] {
  const all: { line: number; character: number }[] = [];
  doc.getText().split("\n").forEach((text, line) => {
    const col = text.indexOf(needle);
    if (col >= 0) all.push({ line, character: col + needle.length });
  });
  const step = Math.max(1, Math.floor(all.length / EDITS));
  return all.filter((_, i) => i % step === 0).slice(0, EDITS);
}

function benchLsrInProcess(): Timings {
  let doc = TextDocument.create("file:///bench.lsr", "lsr", 1, lsrDocument());
  let analysis: Analysis = analyze(doc.getText());
  let text = doc.getText();
  let lines = new LineIndex(doc.getText());
  const edits: number[] = [];
  for (const [i, position] of editPositions(doc, "\"Paragraph").entries()) {
    edits.push(ms(() => {
      doc = TextDocument.update(doc, [{ range: { start: position, end: position }, text: "x" }], i + 2);
      const previous = { text, analysis };
      text = doc.getText();
      lines = new LineIndex(text);
      analysis = reanalyze(previous, text);
      analysis.diagnostics.map((d) => toLspDiagnostic(d, lines, doc.uri));
    }));
  }
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const line = Math.floor((i * (LINES - 10)) / PROBES / 10) * 10 + 2;
    hovers.push(ms(() => hoverAt(analysis, lines.offsetAt({ line, character: 4 }))));
    completions.push(ms(() => completionsAt(analysis, text, lines.offsetAt({ line, character: 12 }))));
  }
  return { editMedian: median(edits), editP95: percentile(edits, 95), hoverP95: percentile(hovers, 95), completionP95: percentile(completions, 95) };
}

async function benchJsonInProcess(): Promise<Timings> {
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false });
  let doc = TextDocument.create("file:///bench.json", "json", 1, jsonDocument());
  let parsed: JSONDocument = service.parseJSONDocument(doc);
  const edits: number[] = [];
  for (const [i, position] of editPositions(doc, "\"Paragraph").entries()) {
    edits.push(await msAsync(async () => {
      doc = TextDocument.update(doc, [{ range: { start: position, end: position }, text: "x" }], i + 2);
      parsed = service.parseJSONDocument(doc);
      await service.doValidation(doc, parsed);
    }));
  }
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const line = Math.floor((i * (LINES - 10)) / PROBES / 10) * 10 + 3;
    hovers.push(await msAsync(async () => service.doHover(doc, { line, character: 6 }, parsed)));
    completions.push(await msAsync(async () => service.doComplete(doc, { line, character: 6 }, parsed)));
  }
  return { editMedian: median(edits), editP95: percentile(edits, 95), hoverP95: percentile(hovers, 95), completionP95: percentile(completions, 95) };
}

/** Spawn of a server entry (relative to the repo root) to the answer of `initialize`, median of 5. */
export async function serverStartMs(entry: string): Promise<number> {
  const bin = join(__dirname, "..", "..", "..", entry);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push(await new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [bin, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      child.stdout.once("data", () => {
        resolve(performance.now() - started);
        child.kill();
      });
      child.once("error", reject);
    }));
  }
  return median(runs);
}

export async function benchLsp(): Promise<Record<string, number>> {
  // One warm-up pass each, so both are measured with a warm JIT.
  benchLsrInProcess();
  await benchJsonInProcess();
  const lsr = benchLsrInProcess();
  const json = await benchJsonInProcess();
  return {
    lsrEditToDiagnosticsMedianMs: lsr.editMedian,
    lsrEditToDiagnosticsP95Ms: lsr.editP95,
    jsonEditToDiagnosticsMedianMs: json.editMedian,
    jsonEditToDiagnosticsP95Ms: json.editP95,
    lsrHoverP95Ms: lsr.hoverP95,
    jsonHoverP95Ms: json.hoverP95,
    lsrCompletionP95Ms: lsr.completionP95,
    jsonCompletionP95Ms: json.completionP95,
    serverStartToReadyMs: await serverStartMs("bin/lsrif-language-server.js"),
  };
}
