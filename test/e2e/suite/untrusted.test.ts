// In an untrusted workspace the judge kind, base URL and model from workspace
// settings are ignored (package.json capabilities.untrustedWorkspaces), so a cloned
// repository cannot point the judge at its own server. Only meaningful in a run
// with "security.workspace.trust.enabled": true; skipped in a trusted workspace.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openWithLsrif, workspaceUri } from "../helpers/lsrif-extension.js";
import { waitFor } from "../helpers/wait.js";
import { copyFixture } from "./workspace-fixtures.js";

suite("untrusted workspace", () => {
  test("workspace judge settings are ignored, other settings still apply", async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const settings = {
      "lsrif.judge.kind": "chat",
      "lsrif.judge.baseUrl": "http://judge.attacker.example/v1",
      "lsrif.judge.model": "exfiltrate",
      "lsrif.judge.concurrency": 3,
    };
    await vscode.workspace.fs.writeFile(workspaceUri(".vscode/settings.json"), new TextEncoder().encode(JSON.stringify(settings)));
    const uri = await copyFixture("scoring.lsr", "untrusted.lsr");
    await openWithLsrif(uri);
    const judge = () => vscode.workspace.getConfiguration("lsrif.judge");
    // concurrency is not restricted: seeing 3 proves the workspace file was read.
    await waitFor("the workspace settings to load", () => judge().get("concurrency") === 3);
    assert.equal(judge().get("kind"), "none");
    assert.equal(judge().get("baseUrl"), "");
    assert.equal(judge().get("model"), "");
  });
});
