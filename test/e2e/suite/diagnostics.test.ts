// Structure diagnostics from the server reach the editor with their codes and
// exact ranges, and a quick fix repairs an unknown constraint id.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, waitForDiagnostics } from "../helpers/lsrif-extension.js";
import { codeOf, copyFixture, rangeText } from "./workspace-fixtures.js";

suite("diagnostics and quick fixes", () => {
  test("broken.lsr: if without else, orphan else, unknown id — codes, ranges, severities", async () => {
    const uri = await copyFixture("broken.lsr");
    await openWithLsrif(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length >= 3);
    const seen = diagnostics
      .map((d) => `${codeOf(d)} ${rangeText(d.range)} ${vscode.DiagnosticSeverity[d.severity]}`)
      .sort();
    // Ranges counted by hand in fixtures/workspace/broken.lsr (0-based lines):
    // line 2 `if` cols 0-2, line 6 `else` cols 0-4, line 7 `no_commma` cols 0-9.
    assert.deepEqual(seen, [
      "LSR010 7:0-7:9 Error",
      "LSR030 6:0-6:4 Error",
      "LSR031 2:0-2:2 Warning",
    ]);
    const unknown = diagnostics.find((d) => codeOf(d) === "LSR010");
    assert.match(unknown?.message ?? "", /Did you mean 'no_comma'/);
  });

  test("the quick fix replaces the unknown id and the diagnostic goes away", async () => {
    const uri = await copyFixture("broken.lsr", "broken-fix.lsr");
    const { editor } = await openWithLsrif(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === "LSR010"));
    const range = new vscode.Range(7, 0, 7, 9);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Change to 'no_comma'");
    assert.ok(fix?.edit, `a fix titled "Change to 'no_comma'" among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(7).text, "no_comma");
    const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === "LSR010"));
    assert.deepEqual(after.map(codeOf).sort(), ["LSR030", "LSR031"]);
  });
});
