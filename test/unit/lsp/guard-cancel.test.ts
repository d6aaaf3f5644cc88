// Issue 9 item 12: a request the client cancelled because an edit superseded it is not
// run (on a 4 MB file its handler would analyse the stale version for seconds).

import assert from "node:assert/strict";
import { test } from "node:test";
import { CancellationTokenSource, type Connection } from "vscode-languageserver";
import { guard } from "../../../server/src/lsp/guard.js";

const errors: string[] = [];
const connection = { console: { error: (line: string) => errors.push(line) } } as unknown as Connection;

test("a cancelled request is answered with null without running its handler", async () => {
  let runs = 0;
  const handler = guard(connection, "documentSymbol", () => ++runs);
  const source = new CancellationTokenSource();
  assert.equal(await handler({}, source.token), 1);
  source.cancel();
  assert.equal(await handler({}, source.token), null);
  assert.equal(runs, 1);
  assert.equal(await handler({}), 2, "no token: runs");
});

test("a failing handler is logged and answered with null", async () => {
  const handler = guard(connection, "hover", () => {
    throw new Error("boom");
  });
  assert.equal(await handler({}), null);
  assert.match(errors.at(-1)!, /lsrif: hover failed: Error: boom/);
});
