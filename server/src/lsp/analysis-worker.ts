// The worker thread of `background-diagnostics.ts`: one document version in, its LSP
// diagnostics out (plain JSON, so nothing of the analysis crosses threads). `analyze`
// never throws; a failure here still answers, with the reason. The same code serves from
// out/ (this file is the worker's script) and from the bundle (the server bundle is the
// script, started with the flag below, and main.ts then starts no server).

import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../analysis/analyze.js";
import { toLspDiagnostic } from "./convert.js";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";

export interface WorkerRequest {
  id: number;
  uri: string;
  text: string;
  maxDepth: number;
}

export type WorkerReply = { id: number; diagnostics: LspDiagnostic[] } | { id: number; failure: string };

/** `workerData` of an analysis worker. */
export const ANALYSIS_WORKER_DATA = { lsrifAnalysisWorker: true } as const;

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { lsrifAnalysisWorker?: unknown } | null)?.lsrifAnalysisWorker === true;
}

let serving = false;

/** Answers analysis requests from the parent thread (once per thread). */
export function serveAnalyses(): void {
  if (serving || !parentPort) return;
  serving = true;
  const port = parentPort;
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const analysis = analyze(request.text, { maxDepth: request.maxDepth });
      const lines = new LineIndex(request.text);
      reply = { id: request.id, diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, lines, request.uri)) };
    } catch (error) {
      reply = { id: request.id, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

if (isAnalysisWorker()) serveAnalyses();
