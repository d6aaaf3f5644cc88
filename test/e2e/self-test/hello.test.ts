// Harness self-test against test/e2e/fixtures/hello-extension, run inside the
// real extension host. It checks what the real suite will rely on: activation
// on a language, the exported API, commands, and the opened workspace folder.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { waitFor } from "../helpers/wait.js";

const EXTENSION_ID = "lsrif-test.hello-extension"; // publisher.name of the fixture

suite("harness self-test (hello extension)", () => {
  test("the workspace folder is the one the runner opened", () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.scheme, "file");
  });

  test("the extension is not active before a .hello file is opened", () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the development extension`);
    assert.equal(ext.isActive, false);
  });

  test("opening a .hello file activates it and exposes its API", async () => {
    const [file] = await vscode.workspace.findFiles("**/*.hello");
    assert.ok(file, "the workspace has sample.hello");
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, "hello");
    // The fixture's file content, written by hand in fixtures/hello-workspace.
    assert.equal(doc.getText(), "greetings from the harness self-test\n");

    const ext = vscode.extensions.getExtension<{ ready: Promise<void>; activatedBy: string }>(EXTENSION_ID);
    assert.ok(ext);
    // Wait for the language to activate it; calling ext.activate() would prove nothing.
    await waitFor("activation on the hello language", () => ext.isActive);
    await ext.exports.ready;
    assert.equal(ext.exports.activatedBy, "hello");
  });

  test("its command is registered and returns its greeting", async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("hello.greet"));
    // "Hello, " + "harness" + "!" per the fixture's template.
    assert.equal(await vscode.commands.executeCommand("hello.greet", "harness"), "Hello, harness!");
  });
});
