// Entry point of lsrif-language-server. The transport comes from argv
// (`--stdio`, `--node-ipc` or `--socket=N`), as vscode-languageserver reads it.

import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";
import { isAnalysisWorker } from "./analysis-worker.js";

export function main(): void {
  if (!process.argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe="))) {
    process.argv.push("--stdio");
  }
  const connection = createConnection(ProposedFeatures.all);
  process.on("uncaughtException", (error) => connection.console.error(`lsrif: uncaught: ${error.stack ?? error.message}`));
  process.on("unhandledRejection", (reason) => connection.console.error(`lsrif: unhandled rejection: ${String(reason)}`));
  startServer(connection);
  connection.listen();
}

// In the bundle this file is also the analysis worker's script (analysis-worker.ts): no server there.
if (require.main === module && !isAnalysisWorker()) main();
