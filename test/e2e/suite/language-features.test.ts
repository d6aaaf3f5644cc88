// Hover, completion and rename as an editor user gets them, on names.lsr.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif } from "../helpers/lsrif-extension.js";
import { copyFixture } from "./workspace-fixtures.js";

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
}

suite("hover, completion, rename", () => {
  test("hovering `first` shows the sequence's logic tree with shares and the gamma penalty", async () => {
    const uri = await copyFixture("names.lsr", "hover.lsr");
    await openWithLsrif(uri);
    // Line 5 is `first brief`; column 2 is inside `first`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(5, 2));
    const text = hoverText(hovers);
    assert.match(text, /Sequential/);
    // Three steps of the only top-level item: each step is 1/3 of the score; at gamma 0.5
    // a failed step 1 caps step 2 at 0.5.
    assert.ok(text.includes("├─ step 1: brief = [hard]"), text);
    assert.ok(text.includes("1/3"), text);
    assert.ok(text.includes("counts at most 0.5 if step 1 fails"), text);
    assert.ok(text.includes("└─ step 3: "), text);
  });

  test("completion on an empty line in a block offers keywords and constraint ids", async () => {
    const uri = await copyFixture("names.lsr", "complete.lsr");
    const { editor } = await openWithLsrif(uri);
    // Open a new line after `  no_comma` (line 8) and complete there.
    await editor.edit((b) => b.insert(new vscode.Position(8, 10), "\n  "));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, new vscode.Position(9, 2));
    const labels = new Set(list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label)));
    for (const expected of ["soft", "if", "punctuation:no_comma", "brief"]) {
      assert.ok(labels.has(expected), `completion offers ${expected}; got ${[...labels].slice(0, 40).join(", ")}`);
    }
  });

  test("renaming a defined name renames the definition and both references", async () => {
    const uri = await copyFixture("names.lsr", "rename.lsr");
    const { editor } = await openWithLsrif(uri);
    // Line 3 `define brief = ...`: `brief` starts at column 7.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>("vscode.executeDocumentRenameProvider", uri, new vscode.Position(3, 8), "short_text");
    assert.equal(edit.get(uri).length, 3, "one definition + two references");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = editor.document.getText();
    assert.equal(text.match(/\bshort_text\b/g)?.length, 3);
    assert.equal(/\bbrief\b/.test(text), false);
  });
});
