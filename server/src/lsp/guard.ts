// Every request handler runs through `guard`: a failure is logged to the client's
// console and answered with null, so no input can take the server down.

import type { Connection } from "vscode-languageserver";

export function guard<P, R>(connection: Connection, name: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | null> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`lsrif: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  };
}
