// "LsrIF: Propose Instruction…" in the real editor: the prompt comes from the file's `prompt` line, the quick pick
// offers the server's candidates, and accepting the first one appends its constraints to the file.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif } from "../helpers/lsrif-extension.js";
import { waitFor } from "../helpers/wait.js";
import { copyFixture } from "./workspace-fixtures.js";

interface Proposed { lsr: string; structure: string }

suite("LsrIF: Propose Instruction", () => {
  test("accepting a candidate appends its constraints under the file's prompt", async () => {
    const uri = await copyFixture("scoring.lsr", "propose.lsr");
    const { editor } = await openWithLsrif(uri);
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), 'prompt "Write a short guide to brewing green tea."\n'));
    const before = editor.document.getText();
    const running = vscode.commands.executeCommand<Proposed | undefined>("lsrif.proposeInstruction");
    // The quick pick opens once the server answered; accept its first (highlighted) item.
    let accepted: Proposed | undefined;
    let settled = false;
    void running.then((value) => { accepted = value; settled = true; });
    await waitFor("the candidate to be inserted", async () => {
      if (!settled) await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
      return settled;
    }, 20_000);
    assert.ok(accepted, "a candidate was accepted");
    const body = accepted.lsr.split("\n").filter((line) => !line.startsWith("prompt ")).join("\n").replace(/^\n+/, "");
    await waitFor("the edit", () => editor.document.getText() !== before);
    assert.equal(editor.document.getText(), before + "\n" + body);
  });
});
