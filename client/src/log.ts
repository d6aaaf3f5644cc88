// The "LsrIF" output channel. Never pass secrets here: callers log origins, not keys.

import * as vscode from "vscode";

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel("LsrIF", { log: true });
}
