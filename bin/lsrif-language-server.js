#!/usr/bin/env node
"use strict";
// Standalone language server for any editor: `lsrif-language-server --stdio`.
if (!process.argv.slice(2).some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe="))) {
  process.argv.push("--stdio");
}
require("../out/server/src/lsp/main.js").main();
