// An untrusted workspace whose .vscode/settings.json (written by the runner)
// points the judge at a loopback server the runner controls. The judge kind,
// base URL and model are restricted settings (package.json
// capabilities.untrustedWorkspaces), so they are ignored: scoring sends nothing
// there, which the runner checks on that server's request log after the run.
// Runs in the run with LSRIF_E2E_UNTRUSTED=1; skipped in a trusted workspace.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { FIGURE1_RESPONSE, scoreWith } from "./scoring-fixtures.js";

function requireUntrusted(test: Mocha.Context): void {
  if (!vscode.workspace.isTrusted) return;
  if (process.env.LSRIF_E2E_UNTRUSTED === "1") assert.fail("the runner asked for an untrusted workspace but it is trusted");
  test.skip();
}

suite("untrusted workspace", () => {
  test("the extension activates with limited support and its language client runs", async function () {
    requireUntrusted(this);
    const { editor, api } = await openWithLsrif("figure1.lsr");
    assert.equal(editor.document.languageId, "lsr");
    assert.equal(api.client.isRunning(), true);
  });

  test("the workspace's judge kind, base URL and model are ignored; other judge settings apply", async function () {
    requireUntrusted(this);
    await openWithLsrif("figure1.lsr");
    const judge = vscode.workspace.getConfiguration("lsrif.judge");
    // The workspace file names the runner's server (VS Code hides restricted values even from inspect())...
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(".vscode/settings.json"))));
    assert.equal(file["lsrif.judge.baseUrl"], process.env.LSRIF_E2E_SPY_URL);
    assert.equal(judge.inspect("baseUrl")?.workspaceValue, undefined);
    // ...and the restricted values are not applied: the defaults stand.
    assert.equal(judge.get("kind"), "none");
    assert.equal(judge.get("baseUrl"), "");
    assert.equal(judge.get("model"), "");
    // concurrency is not restricted, so its workspace value 3 applies: the file was loaded.
    assert.equal(judge.get("concurrency"), 3);
  });

  test("Score Response leaves the soft constraints unjudged (nothing is sent to the workspace's judge)", async function () {
    requireUntrusted(this);
    const { editor } = await openWithLsrif("figure1.lsr");
    const result = await scoreWith(editor.document.uri, FIGURE1_RESPONSE);
    // By hand: only the hard `sentences < 4` check is judged (2 sentences: pass), so R = 1 over
    // what was judged, incomplete; soft content, checklist, bolded_core_idea and style are unjudged
    // (the lowercase branch is not applicable: no "error" in the response).
    assert.equal(result.complete, false);
    assert.equal(result.score, 1);
    assert.equal(result.summary.unjudged, 4);
  });
});
