// Where the response to score comes from: a selection, another open editor, a file,
// or the clipboard.

import * as path from "node:path";
import * as vscode from "vscode";

interface Source extends vscode.QuickPickItem {
  read: () => Promise<string | undefined>;
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
    }));
}

const fileSource: Source = {
  label: "$(folder-opened) From a file…",
  read: async () => {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: "Score this response" })) ?? [];
    return uri ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
  },
};

const clipboardSource: Source = {
  label: "$(clippy) From the clipboard",
  read: async () => vscode.env.clipboard.readText(),
};

/** Asks which response to score; undefined when the user cancels. */
export async function pickResponse(lsrDoc: vscode.TextDocument): Promise<string | undefined> {
  const selection = selectionSource(lsrDoc);
  const items: Source[] = [...(selection ? [selection] : []), ...openEditorSources(lsrDoc), fileSource, clipboardSource];
  const choice = await vscode.window.showQuickPick(items, {
    title: "LsrIF: Score Response",
    placeHolder: "Which response should be scored against this instruction?",
  });
  return choice?.read();
}
