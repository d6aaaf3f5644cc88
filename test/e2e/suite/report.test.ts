// LsrIF: Show Report in the editor: a scores JSONL open in the editor gives a report
// webview whose marks list the responses behind them, and a listed response's score tree.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { clickInReport, testState } from "../helpers/test-state.js";
import { waitFor } from "../helpers/wait.js";

// Compiled to out/test-e2e/suite/; the fixture stays in the source tree.
const SCORES = path.resolve(__dirname, "../../../test/fixtures/report/scores-before.jsonl");

suite("LsrIF report view", () => {
  test("Show Report on an open scores file: charts, drill-down list, score tree", async () => {
    await openWithLsrif("figure1.lsr");
    const target = workspaceUri("scores.jsonl");
    await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(vscode.Uri.file(SCORES)));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));

    const view = (await vscode.commands.executeCommand("lsrif.showReport")) as { body: string; drillDown: Record<string, unknown> } | undefined;
    assert.ok(view, "the command answered the report");
    assert.equal(view.body.match(/<svg /g)?.length, 8);
    const event = async (type: string) => (await testState()).report.events.find((e) => e.type === type);
    const ready = await waitFor("the page to load", () => event("ready"));
    assert.ok((ready.marks ?? 0) > 40, `${ready.marks} clickable marks`);

    // The bar of punctuation:no_comma lists the five responses that failed it
    // (guide-3, lighthouse-2, moon-2, solo-1, storm-4; see test/unit/report/aggregate-scores.test.ts).
    assert.ok(await clickInReport("hard:punctuation:no_comma"));
    const listed = await waitFor("the list behind the bar", () => event("listed"));
    assert.deepEqual([listed.key, listed.count], ["hard:punctuation:no_comma", 5]);

    // Its first response, guide-3, shows its score tree: R 0.
    assert.ok(await clickInReport(0));
    const shown = await waitFor("the score tree", () => event("shown"));
    assert.equal((await testState()).report.lastLine?.value?.id, "guide-3");
    assert.equal(shown.text, "guide-3: R = 0 (incomplete)");
  });
});
