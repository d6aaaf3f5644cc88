// Where the response to score comes from: a selection, another open editor, a file,
// or the clipboard.

import * as path from "node:path";
import * as vscode from "vscode";

interface Source extends vscode.QuickPickItem {
  read: () => Promise<string | undefined>;
  /** The document or file the response lives in, when it has one: a change to it makes a score stale. */
  uri?: vscode.Uri;
}

/** A picked response and where it came from. */
export interface PickedResponse {
  text: string;
  uri?: vscode.Uri;
}

function selectionSource(lsrDoc: vscode.TextDocument): Source | undefined {
  // The active editor first; if that is the instruction itself, another visible editor.
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  const editor = editors.find((e) => e && e.document !== lsrDoc && !e.selection.isEmpty);
  if (!editor) return undefined;
  const text = editor.document.getText(editor.selection);
  return {
    label: "$(selection) Current selection",
    description: `${path.basename(editor.document.uri.path)}, ${text.length} characters`,
    read: async () => text,
  };
}

function openEditorSources(lsrDoc: vscode.TextDocument): Source[] {
  return vscode.workspace.textDocuments
    .filter((d) => d !== lsrDoc && d.languageId !== "lsr" && (d.uri.scheme === "file" || d.uri.scheme === "untitled"))
    .map((d) => ({
      label: `$(file) ${path.basename(d.uri.path)}`,
      description: d.isUntitled ? "untitled editor" : vscode.workspace.asRelativePath(d.uri),
      read: async () => d.getText(),
      uri: d.uri,
    }));
}

function fileSource(): Source {
  const source: Source = {
    label: "$(folder-opened) From a file…",
    read: async () => {
      const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: "Score this response" })) ?? [];
      if (!uri) return undefined;
      source.uri = uri;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    },
  };
  return source;
}

const clipboardSource: Source = {
  label: "$(clippy) From the clipboard",
  read: async () => vscode.env.clipboard.readText(),
};

/** Asks which response to score; undefined when the user cancels. */
export async function pickResponse(lsrDoc: vscode.TextDocument): Promise<PickedResponse | undefined> {
  const selection = selectionSource(lsrDoc);
  const items: Source[] = [...(selection ? [selection] : []), ...openEditorSources(lsrDoc), fileSource(), clipboardSource];
  const choice = await vscode.window.showQuickPick(items, {
    title: "LsrIF: Score Response",
    placeHolder: "Which response should be scored against this instruction?",
  });
  const text = await choice?.read();
  return text === undefined ? undefined : { text, ...(choice?.uri ? { uri: choice.uri } : {}) };
}
