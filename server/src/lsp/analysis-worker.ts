// The worker thread of `background-diagnostics.ts`: one document version in, its LSP
// diagnostics out (plain JSON, so nothing of the analysis crosses threads). `analyze`
// never throws; a failure here still answers, with an empty list and the reason.

import { parentPort } from "node:worker_threads";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../analysis/analyze.js";
import { toLspDiagnostic } from "./convert.js";
import type { WorkerReply, WorkerRequest } from "./background-diagnostics.js";

parentPort?.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const analysis = analyze(request.text, { maxDepth: request.maxDepth });
    const lines = new LineIndex(request.text);
    reply = { id: request.id, diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, lines, request.uri)) };
  } catch (error) {
    reply = { id: request.id, failure: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
