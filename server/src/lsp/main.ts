// Entry point of lsrif-language-server. The transport comes from argv
// (`--stdio`, `--node-ipc` or `--socket=N`), as vscode-languageserver reads it.

import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

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

if (require.main === module) main();
