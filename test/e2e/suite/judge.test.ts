// Score Response with soft constraints judged by the runner's loopback judge
// (user settings: lsrif.judge.kind chat, baseUrl = LSRIF_E2E_JUDGE_URL). The
// runner checks afterwards that the judge was asked; here the exact score.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif } from "../helpers/lsrif-extension.js";
import { FIGURE1_RESPONSE, scoreWith } from "./scoring-fixtures.js";

suite("judged scoring", () => {
  test("figure1.lsr scored with the loopback judge: exact R, complete, nothing unjudged", async function () {
    const judgeUrl = process.env.LSRIF_E2E_JUDGE_URL;
    if (!judgeUrl) this.skip(); // a runner without a loopback judge (electron-runner)
    assert.equal(vscode.workspace.getConfiguration("lsrif.judge").get("baseUrl"), judgeUrl);
    const { editor } = await openWithLsrif("figure1.lsr");
    const result = await scoreWith(editor.document.uri, FIGURE1_RESPONSE);
    // By hand: a Sequential of 4 equal steps. Step 1 = mean(soft YES 1, sentences 2 < 4: 1) = 1;
    // step 2 soft YES = 1; step 3: no "error", so else: bolded_core_idea YES = 1; step 4 style:
    // the judge says NO = 0. No earlier step failed, so no gamma penalty: R = (1+1+1+0)/4 = 0.75.
    assert.equal(result.score, 0.75);
    assert.equal(result.complete, true);
    assert.equal(result.summary.unjudged, 0);
    assert.equal(result.summary.errors, 0);
  });
});
