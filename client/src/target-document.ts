// Which .lsr document a command works on: the argument a code lens or menu passed,
// else the active editor.

import * as vscode from "vscode";

export const LSR_LANGUAGE_ID = "lsr";

/** Accepts a Uri, a URI string (code lenses send strings), or nothing. */
export async function lsrDocumentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === "string" ? vscode.Uri.parse(arg) : undefined;
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LSR_LANGUAGE_ID) return active;
  void vscode.window.showWarningMessage("LsrIF: open a .lsr file first.");
  return undefined;
}
