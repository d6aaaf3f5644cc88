// The rendered prompt as a live, read-only preview beside the instruction: a virtual
// document (scheme lsrif-prompt) whose text the server renders, re-rendered as the
// .lsr file changes; "Copy Rendered Prompt" puts it on the clipboard. No Untitled
// buffer to close, nothing dirty.

import * as path from "node:path";
import * as vscode from "vscode";
import type { ServerApi } from "./server-api.js";

export const PROMPT_SCHEME = "lsrif-prompt";
const REFRESH_DELAY_MS = 250;

export class PromptPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Preview uri → the instruction it renders, for the previews that are open. */
  private readonly sources = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly api: ServerApi) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PROMPT_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        for (const [preview, source] of this.sources) {
          if (source.toString() !== e.document.uri.toString()) continue;
          clearTimeout(this.timers.get(preview));
          this.timers.set(preview, setTimeout(() => this.changed.fire(vscode.Uri.parse(preview)), REFRESH_DELAY_MS));
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PROMPT_SCHEME) this.sources.delete(d.uri.toString());
      }),
    ];
  }

  /** The preview's uri for an instruction: its name, and the instruction's uri in the query. */
  static previewUri(source: vscode.Uri): vscode.Uri {
    const name = path.basename(source.path).replace(/\.lsr$/, "");
    return vscode.Uri.from({ scheme: PROMPT_SCHEME, path: `/${name}.prompt.txt`, query: source.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    this.sources.set(uri.toString(), source);
    try {
      return await this.api.render(source.toString());
    } catch (error) {
      return `(The prompt cannot be rendered yet: ${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /** Opens (or reveals) the preview of `source` beside it; resolves to its text. */
  async open(source: vscode.Uri): Promise<string> {
    const doc = await vscode.workspace.openTextDocument(PromptPreview.previewUri(source));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return doc.getText();
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}

/** "Copy Rendered Prompt": the active preview's text (or the given instruction's) to the clipboard. */
export async function copyRenderedPrompt(api: ServerApi, arg: unknown): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const source = arg instanceof vscode.Uri ? (arg.scheme === PROMPT_SCHEME ? vscode.Uri.parse(arg.query) : arg)
    : editor?.document.uri.scheme === PROMPT_SCHEME ? vscode.Uri.parse(editor.document.uri.query) : editor?.document.uri;
  if (!source) return undefined;
  const text = await api.render(source.toString());
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage("LsrIF: rendered prompt copied", 3000);
  return text;
}
