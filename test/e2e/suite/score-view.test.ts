// The score results as issue 13 asks: evidence behind every hard verdict in the view,
// a result marked stale by an edit (and Score Again), Score All Responses over a folder
// sorted by R, and the judge set up by "Configure Judge…" (answers given as arguments).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { testState, type ScoreResultLike as Result } from "../helpers/test-state.js";
import { waitFor } from "../helpers/wait.js";
import { copyFixture } from "./workspace-fixtures.js";

interface Row { name: string; result?: Result }

suite("score view", () => {
  test("a failed hard constraint carries its evidence; an edit marks the result stale; Score Again clears it", async () => {
    const uri = await copyFixture("scoring.lsr", "evidence.lsr");
    const { editor } = await openWithLsrif(uri);
    // "tea is calm, tea is warm.": lowercase holds, one comma at offset 11 (counted by hand).
    const result = (await vscode.commands.executeCommand("lsrif.scoreResponse", uri, "tea is calm, tea is warm.")) as Result;
    const noComma = result.tree.children[0].children[1];
    assert.equal(noComma.label, "punctuation:no_comma");
    assert.deepEqual(noComma.explanation, { message: "1 comma (first at line 1)", spans: [{ start: 11, end: 12 }] });
    assert.equal((await testState()).results.stale, false);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), "# edited\n"));
    await waitFor("the result to be marked stale", async () => (await testState()).results.stale);
    assert.equal((await testState()).results.headline, "Stale: R = 0.500 · complete");
    await vscode.commands.executeCommand("lsrif.rescore");
    assert.equal((await testState()).results.stale, false);
  });

  test("Score All Responses scores every file of a folder, one row each, sorted by R", async () => {
    const uri = await copyFixture("scoring.lsr", "all.lsr");
    await openWithLsrif(uri);
    const folder = workspaceUri("all-responses");
    await vscode.workspace.fs.createDirectory(folder);
    // By hand: lowercase + no comma = 1; one comma = 0.5; capitals and a comma = 0.
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    await write("a.txt", "tea is calm, tea is warm.");
    await write("b.txt", "Tea is calm, tea is warm.");
    await write("c.txt", "tea is calm and tea is warm.");
    const rows = (await vscode.commands.executeCommand("lsrif.scoreAllResponses", uri, folder)) as Row[];
    assert.equal(rows.length, 3);
    assert.deepEqual((await testState()).scoreAll.map((r) => [r.name, r.result?.score]), [["c.txt", 1], ["a.txt", 0.5], ["b.txt", 0]]);
    await vscode.commands.executeCommand("lsrif.scoreAll.toggleSort");
    assert.deepEqual((await testState()).scoreAll.map((r) => r.name), ["b.txt", "a.txt", "c.txt"]);
  });

  test("Configure Judge with its answers given writes the user settings and tests the connection", async function () {
    const judgeUrl = process.env.LSRIF_E2E_JUDGE_URL;
    if (!judgeUrl) this.skip();
    await openWithLsrif("figure1.lsr");
    const test = (await vscode.commands.executeCommand("lsrif.configureJudge", { kind: "chat", baseUrl: judgeUrl, model: "loopback-judge", apiKey: "" })) as { configured: boolean; ok: boolean };
    assert.deepEqual([test.configured, test.ok], [true, true]);
    const inspect = vscode.workspace.getConfiguration("lsrif.judge").inspect("baseUrl");
    assert.equal(inspect?.globalValue, judgeUrl);
    const { judgeStatus } = await testState();
    assert.match(judgeStatus, /Judge: chat · loopback-judge/);
    assert.match(judgeStatus, /\$\(pass\)/);
  });
});
