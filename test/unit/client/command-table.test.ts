// The command ids are declared once (server/src/command-ids.ts). package.json must
// contribute exactly the client's public commands, and its menus and keybindings may
// name only those; internal and server commands stay out of it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLIENT_COMMANDS, INTERNAL_CLIENT_COMMANDS, SERVER_COMMAND_IDS, SERVER_COMMANDS } from "../../../server/src/command-ids.js";
import { COMMANDS } from "../../../server/src/lsp/commands.js";

const ROOT = join(__dirname, "../../../..");

interface Contributes {
  commands?: { command: string; category?: string }[];
  menus?: Record<string, { command?: string }[]>;
  keybindings?: { command: string }[];
}
const contributes = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { contributes: Contributes }).contributes;
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
const clientIds = sorted(Object.values(CLIENT_COMMANDS));

test("package.json contributes exactly CLIENT_COMMANDS, each once", () => {
  const contributed = (contributes.commands ?? []).map((c) => c.command);
  assert.deepEqual(sorted(contributed), clientIds);
  assert.equal(contributed.length, clientIds.length, "no command contributed twice");
});

test("every menu entry and keybinding names a contributed command", () => {
  const named: string[] = [];
  for (const entries of Object.values(contributes.menus ?? {})) for (const e of entries) if (e.command) named.push(e.command);
  for (const k of contributes.keybindings ?? []) named.push(k.command);
  assert.deepEqual(named.filter((id) => !clientIds.includes(id)), []);
});

test("internal and server commands are not contributed, and no id is declared twice", () => {
  const contributed = new Set((contributes.commands ?? []).map((c) => c.command));
  const others = [...Object.values(INTERNAL_CLIENT_COMMANDS), ...Object.values(SERVER_COMMANDS)];
  assert.deepEqual(others.filter((id) => contributed.has(id)), []);
  const all = [...clientIds, ...others];
  assert.equal(new Set(all).size, all.length);
});

test("the server executes exactly SERVER_COMMANDS", () => {
  assert.deepEqual(sorted(COMMANDS), sorted(Object.values(SERVER_COMMANDS)));
  assert.deepEqual(sorted(SERVER_COMMAND_IDS), sorted(Object.values(SERVER_COMMANDS)));
});
