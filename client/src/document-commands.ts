// Render as prompt, export to LsrInstruct JSON and import from JSON: thin wrappers
// that ask the server and put the answer in an editor.

import * as path from "node:path";
import * as vscode from "vscode";
import type { Log } from "./log.js";
import type { PromptPreview } from "./prompt-preview.js";
import type { ServerApi } from "./server-api.js";
import { LSR_LANGUAGE_ID, lsrDocumentFor } from "./target-document.js";

/** Opens the natural-language prompt beside the file as a live read-only preview; returns the text. */
export async function renderPrompt(preview: PromptPreview, arg: unknown): Promise<string | undefined> {
  const doc = await lsrDocumentFor(arg);
  if (!doc) return undefined;
  return preview.open(doc.uri);
}

/**
 * Writes the LsrInstruct JSON to `target` (asked with a save dialog when not given),
 * opens it beside the file, and returns the exported object.
 */
export async function exportJson(api: ServerApi, log: Log, arg: unknown, target?: vscode.Uri): Promise<unknown> {
  const doc = await lsrDocumentFor(arg);
  if (!doc) return undefined;
  const exported = await api.exportJson(doc.uri.toString());
  const defaultUri = doc.uri.with({ path: doc.uri.path.replace(/\.lsr$/i, "") + ".json" });
  const destination = target ?? (await vscode.window.showSaveDialog({ defaultUri, filters: { JSON: ["json"] } }));
  if (!destination) return exported;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(JSON.stringify(exported, null, 2) + "\n"));
  log.info(`Exported ${doc.uri.fsPath} to ${destination.fsPath}`);
  await vscode.window.showTextDocument(destination, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return exported;
}

/**
 * Imports an LsrInstruct .json/.jsonl file (asked with an open dialog when not
 * given) and opens the .lsr text as a new untitled document; returns the server's answer.
 */
export async function importJson(api: ServerApi, log: Log, source?: vscode.Uri): Promise<{ lsr?: string; errors: unknown[] } | undefined> {
  const picked = source ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { "LsrInstruct JSON": ["json", "jsonl"] } }))?.[0];
  if (!picked) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked));
  const fileName = path.basename(picked.path);
  const answer = await api.importJson(text, fileName);
  for (const e of answer.errors) log.warn(`${picked.fsPath}:${e.line}:${e.column}: ${e.message}`);
  if (answer.errors.length > 0) {
    const first = answer.errors[0];
    const more = answer.errors.length > 1 ? ` (and ${answer.errors.length - 1} more; see the LsrIF output)` : "";
    void vscode.window.showErrorMessage(`LsrIF: cannot import ${fileName}: line ${first.line}, column ${first.column}: ${first.message}${more}`);
  }
  if (answer.lsr !== undefined) {
    const doc = await vscode.workspace.openTextDocument({ content: answer.lsr, language: LSR_LANGUAGE_ID });
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  return answer;
}
