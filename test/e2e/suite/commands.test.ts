// The LsrIF commands end to end: render, export, import, the logic-tree webview
// and Score Response (hard constraints only, so no judge is involved).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { testState, type ScoreResultLike, type TreeMessage } from "../helpers/test-state.js";
import { waitFor } from "../helpers/wait.js";
import { copyFixture } from "./workspace-fixtures.js";

suite("LsrIF commands", () => {
  test("Render as Natural-Language Prompt opens the prompt beside the file", async () => {
    const { editor } = await openWithLsrif("figure1.lsr");
    const text = await vscode.commands.executeCommand<string>("lsrif.renderPrompt", editor.document.uri);
    // The prompt line of examples/figure1.lsr, and the renderer's constraint header.
    assert.ok(text.includes("Explain how to get a failing continuous-integration build green again."), text);
    assert.ok(text.includes("Your response must follow these instructions:"), text);
    const beside = await waitFor("the rendered prompt editor", () => vscode.window.visibleTextEditors.find((e) => e.document.getText() === text));
    assert.equal(beside.viewColumn, vscode.ViewColumn.Two);
  });

  test("Export as LsrInstruct JSON writes the file; Import from JSON reads it back", async () => {
    const { editor } = await openWithLsrif("figure1.lsr");
    const target = workspaceUri("figure1.export.json");
    const exported = (await vscode.commands.executeCommand("lsrif.exportLsrInstructJson", editor.document.uri, target)) as {
      prompt?: string; composite_constraints: { composite_constraint: { type: string } }[];
    };
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.deepEqual(written, exported);
    // figure1.lsr has one top-level item, a first/then/then/finally sequence: one Chain.
    assert.equal(exported.composite_constraints.length, 1);
    assert.equal(exported.composite_constraints[0].composite_constraint.type, "Chain");

    const imported = (await vscode.commands.executeCommand("lsrif.importLsrInstructJson", target)) as { lsr?: string; errors: unknown[] };
    assert.deepEqual(imported.errors, []);
    assert.ok(imported.lsr?.includes("Explain how to get a failing continuous-integration build green again."));
    const opened = await waitFor("the imported .lsr editor", () => vscode.window.activeTextEditor?.document.getText() === imported.lsr && vscode.window.activeTextEditor);
    assert.equal(opened.document.languageId, "lsr");
  });

  test("Show Logic Tree draws the tree and redraws when the file changes", async () => {
    const uri = await copyFixture("names.lsr", "tree.lsr");
    const { editor } = await openWithLsrif(uri);
    const first = (await vscode.commands.executeCommand("lsrif.showLogicTree", uri)) as TreeMessage;
    assert.equal(first.error, undefined);
    assert.equal(first.caption, "tree.lsr · gamma 0.5");
    // names.lsr: a Sequential whose third step is a Conditional (the language's words, not
    // And/Chain/Selection). A reference is titled by its name, with the type id below; the full
    // text is in the box's <title> tooltip.
    for (const word of [">Sequential<", ">Conditional<", "<title>brief\n", "length_constraints:number_words", ">contains<"]) {
      assert.ok(first.svg.includes(word), `${word} in the drawing`);
    }
    await editor.edit((b) => b.replace(new vscode.Range(4, 0, 4, 0), "lowercase\n"));
    const redrawn = await waitFor("the redrawn tree", async () => {
      const m = (await testState()).logicTree;
      return m && m.svg.includes("<title>lowercase\nchange_case:english_lowercase<") ? m : undefined;
    });
    assert.ok(redrawn.svg.includes(">Sequential<"), "the sequence is still drawn beside the new item");
  });

  test("Score Response scores hard constraints, marks the failure, clears it on edit", async () => {
    const uri = await copyFixture("scoring.lsr");
    const { editor } = await openWithLsrif(uri);
    // Lowercase holds, no_comma fails (one comma): the And of the two is (1 + 0) / 2 = 0.5.
    const result = (await vscode.commands.executeCommand("lsrif.scoreResponse", uri, "tea is calm, tea is warm.")) as ScoreResultLike;
    assert.equal(result.score, 0.5);
    assert.equal(result.complete, true);
    const state = await testState(uri);
    assert.equal(state.lastScore, result);
    const marks = state.marks;
    assert.deepEqual(marks.map((m) => [m.status, editor.document.getText(new vscode.Range(editor.document.positionAt(m.range.start), editor.document.positionAt(m.range.end)))]), [["fail", "no_comma"]]);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), "# edited\n"));
    await waitFor("the marks to clear after the edit", async () => (await testState(uri)).marks.length === 0);
  });
});
