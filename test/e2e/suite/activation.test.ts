// The extension starts its language server when a .lsr file is opened.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { LSRIF_EXTENSION_ID, openWithLsrif } from "../helpers/lsrif-extension.js";
import { copyFixture } from "./workspace-fixtures.js";

suite("activation", () => {
  test("opening a .lsr file activates the extension and starts the language client", async () => {
    const ext = vscode.extensions.getExtension(LSRIF_EXTENSION_ID);
    assert.ok(ext, "the extension is loaded");
    const uri = await copyFixture("scoring.lsr", "activation.lsr");
    const { editor, api } = await openWithLsrif(uri);
    assert.equal(editor.document.languageId, "lsr");
    assert.equal(api.client.isRunning(), true);
    assert.equal(api.client.initializeResult !== undefined, true);
  });

  test("every command package.json contributes is registered", async () => {
    await openWithLsrif("figure1.lsr");
    const all = new Set(await vscode.commands.getCommands(true));
    const ext = vscode.extensions.getExtension(LSRIF_EXTENSION_ID);
    const contributed = (ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    // 16 today (server/src/command-ids.ts CLIENT_COMMANDS; the unit test ties package.json to it).
    assert.equal(contributed.length, 16);
    assert.deepEqual(contributed.filter((c) => !all.has(c)), []);
  });
});
