// Scopes in the real editor (issue 10): hovering a scope keyword says in plain words what it
// selects, the logic-tree hover and graph show the scopes, and selecting a verdict in the
// LsrIF Score view highlights in the response editor exactly the text it was checked on.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { testState } from "../helpers/test-state.js";
import { waitFor } from "../helpers/wait.js";
import { copyFixture } from "./workspace-fixtures.js";

// fixtures/workspace/scopes.lsr (0-based lines): 2 `first in paragraph 2 {`, 3 `  no_comma`,
// 4 `  soft "Use plain words."`, 6 `then each bullet lowercase`, 7 `then no_comma`.
// The response, offsets counted by hand: "Intro, here." 0..12, "\n\n" 12..14,
// "Second part\nstill second." 14..39 (paragraph 2), "\n\n" 39..41, "- read the first error in the log"
// 41..74 (its item, 31 characters, 43..74), "\n" 74..75, "- run the failing command locally" 75..108
// (item 77..108). 108 characters. (The items are English sentences: IFEval's lowercase check also
// asks langdetect for "en", which a one-word item such as "one" need not get.)
const RESPONSE = "Intro, here.\n\nSecond part\nstill second.\n\n- read the first error in the log\n- run the failing command locally";
const PARAGRAPH_2 = { start: 14, end: 39 };

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
}

/** Runs a row's click command (what selecting it in the view does) and reads the response editor's selections. */
async function select(row: { command?: vscode.Command }, response: vscode.Uri): Promise<{ start: number; end: number }[]> {
  const command = row.command;
  assert.ok(command, "the row has a click command");
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  const editor = await waitFor("the response editor", () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === response.toString()));
  return editor.selections.map((s) => ({ start: editor.document.offsetAt(s.start), end: editor.document.offsetAt(s.end) }));
}

suite("scopes in the editor", () => {
  test("hovering a scope keyword says what it selects in plain words", async () => {
    const uri = await copyFixture("scopes.lsr", "scope-hover.lsr");
    await openWithLsrif(uri);
    // Line 2 `first in paragraph 2 {`: column 12 is inside `paragraph`.
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(2, 12)));
    assert.ok(text.includes("**Scope** `in paragraph 2`"), text);
    assert.ok(text.includes("In the second paragraph"), text);
    assert.ok(text.includes("checked on the text the selector picks"), text);
    // Line 6 `then each bullet lowercase`: column 6 is inside `each`.
    const each = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(6, 6)));
    assert.ok(each.includes("In every bullet item"), each);
  });

  test("the logic-tree hover and the logic-tree graph show each node's scope", async () => {
    const uri = await copyFixture("scopes.lsr", "scope-tree.lsr");
    await openWithLsrif(uri);
    // Column 1 of line 2 is inside `first`: the hover draws the whole sequence.
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(2, 1)));
    assert.ok(text.includes("step 1: [in paragraph 2] Parallel"), text);
    assert.ok(text.includes("step 2: [each bullet] [hard] change_case:english_lowercase"), text);
    const tree = (await vscode.commands.executeCommand("lsrif.showLogicTree", uri)) as { svg: string; error?: string };
    assert.equal(tree.error, undefined);
    assert.match(tree.svg, /<text class="scope" [^>]*>in paragraph 2<\/text><text class="title" [^>]*>Parallel<\/text>/);
    assert.match(tree.svg, /<text class="scope" [^>]*>each bullet<\/text><text class="title" [^>]*>lowercase<\/text>/);
  });

  test("selecting a verdict in the Score view highlights what it was checked on: paragraph 2, each bullet, the whole response", async () => {
    const uri = await copyFixture("scopes.lsr", "scope-score.lsr");
    const response = workspaceUri("scope-response.md");
    await vscode.workspace.fs.writeFile(response, new TextEncoder().encode(RESPONSE));
    await openWithLsrif(uri);
    // By hand: step 1, the mean of no_comma on paragraph 2 (no comma: 1) and the soft leaf (the
    // runner's loopback judge says YES; unjudged, so left out of the mean, without a judge): 1;
    // step 2, every bullet lowercase: 1; step 3, no_comma on the whole response ("Intro, here."): 0.
    // R = (1 + 1 + 0) / 3.
    const result = (await vscode.commands.executeCommand("lsrif.scoreResponse", uri, response)) as { score: number } | undefined;
    assert.ok(result);
    assert.equal(result.score, 2 / 3);
    const rows = (await testState()).scoreRows;
    const leaves = rows.filter((r) => r.node.children.length === 0);
    assert.deepEqual(leaves.map((r) => r.node.label), ["punctuation:no_comma", "Use plain words.", "change_case:english_lowercase", "punctuation:no_comma"]);
    const [scoped, scopedSoft, eachBullet, unscoped] = leaves;

    assert.deepEqual(await select(scoped, response), [PARAGRAPH_2]);
    const doc = await vscode.workspace.openTextDocument(response);
    assert.equal(doc.getText(new vscode.Range(doc.positionAt(PARAGRAPH_2.start), doc.positionAt(PARAGRAPH_2.end))), "Second part\nstill second.");
    // The .lsr editor shows the constraint the row stands for (line 3, `no_comma`).
    const lsrEditor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.equal(lsrEditor?.document.getText(lsrEditor.selection), "no_comma");

    // A soft leaf under the scope was judged on the same text: the same highlight.
    assert.deepEqual(await select(scopedSoft, response), [PARAGRAPH_2]);
    assert.deepEqual(await select(eachBullet, response), [{ start: 43, end: 74 }, { start: 77, end: 108 }]);
    assert.equal(RESPONSE.length, 108);
    assert.deepEqual(await select(unscoped, response), [{ start: 0, end: 108 }]);
  });
});
