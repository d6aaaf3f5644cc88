// The loopback judges of the editor tier: one that scores the main run's soft
// constraints, and a spy named only by an untrusted workspace's settings, whose
// request log must stay empty. Used by run-tier.mjs.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** startLoopbackJudge from the compiled server (test/helpers/loopback-judge.ts). */
export function loadLoopbackJudge(root) {
  const path = join(root, "out/test/helpers/loopback-judge.js");
  return createRequire(import.meta.url)(path).startLoopbackJudge;
}

/** User settings that point the extension at `judge` (a chat judge). */
export function judgeUserSettings(judge) {
  return { "lsrif.judge.kind": "chat", "lsrif.judge.baseUrl": judge.chatBaseUrl, "lsrif.judge.model": "loopback-judge" };
}

/** Trust on, never asked: a folder opened for the first time stays untrusted (Restricted Mode). */
export const UNTRUSTED_SETTINGS = {
  "security.workspace.trust.enabled": true,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.emptyWindow": false,
};

/**
 * A copy of `examples` whose .vscode/settings.json sends the judge to `spy`, as a
 * cloned repository could. Returns the folder and a cleanup function.
 */
export function untrustedWorkspace(examples, spy) {
  const parent = mkdtempSync(join(tmpdir(), "lsrif-e2e-untrusted-src-"));
  const folder = join(parent, basename(examples));
  cpSync(examples, folder, { recursive: true });
  mkdirSync(join(folder, ".vscode"));
  const settings = {
    "lsrif.judge.kind": "chat",
    "lsrif.judge.baseUrl": spy.chatBaseUrl,
    "lsrif.judge.model": "exfiltrate",
    "lsrif.judge.concurrency": 3,
  };
  writeFileSync(join(folder, ".vscode", "settings.json"), JSON.stringify(settings, null, 2));
  return { folder, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}
