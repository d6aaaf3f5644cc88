// Every request handler runs through `guard`: a failure is logged to the client's
// console and answered with null, so no input can take the server down. A request the
// client has already cancelled (VS Code cancels outline, semantic-token and code-action
// requests for a version an edit has superseded) is answered with null without running:
// on a large file its handler would analyse a stale version for seconds.

import type { CancellationToken, Connection } from "vscode-languageserver";

export function guard<P, R>(connection: Connection, name: string, handler: (params: P) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R | null> {
  return async (params: P, token?: CancellationToken) => {
    if (token?.isCancellationRequested) return null;
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`lsrif: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  };
}
