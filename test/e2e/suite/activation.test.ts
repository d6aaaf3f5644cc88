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

  test("every command of the LsrIF category is registered", async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const expected = [
      "lsrif.renderPrompt", "lsrif.exportLsrInstructJson", "lsrif.importLsrInstructJson",
      "lsrif.showLogicTree", "lsrif.scoreResponse", "lsrif.setJudgeApiKey", "lsrif.clearScore",
    ];
    assert.deepEqual(expected.filter((c) => !all.has(c)), []);
  });
});
