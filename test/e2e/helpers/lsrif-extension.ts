// Helpers for the real extension's editor tests: activate it through a .lsr
// file (as a user would) and wait for its language client, never sleeping.
import type { LanguageClient } from "vscode-languageclient/node";
import * as vscode from "vscode";
import { waitFor } from "./wait.js";

/** publisher.name from the root package.json. */
export const LSRIF_EXTENSION_ID = "lsrif.lsrif";

/** The contract the extension's activate() returns. */
export interface LsrifApi {
  client: LanguageClient;
  ready: Promise<void>;
}

/**
 * Opens `file` (a workspace-relative path or a URI), waits until opening it
 * activated the extension and its language client is ready, and returns the
 * editor and the extension's API.
 */
export async function openWithLsrif(file: string | vscode.Uri, timeoutMs = 20_000): Promise<{ editor: vscode.TextEditor; api: LsrifApi }> {
  const uri = typeof file === "string" ? workspaceUri(file) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const ext = await waitFor(`extension ${LSRIF_EXTENSION_ID}`, () => vscode.extensions.getExtension<LsrifApi>(LSRIF_EXTENSION_ID), timeoutMs);
  await waitFor(`activation of ${LSRIF_EXTENSION_ID}`, () => ext.isActive, timeoutMs);
  const api = ext.exports;
  await withTimeout(api.ready, timeoutMs, "the language client to be ready");
  return { editor, api };
}

/** A URI inside the first (only) workspace folder. */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("no workspace folder is open");
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Waits until the diagnostics of `uri` satisfy `accept` (e.g. a given count or code). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
