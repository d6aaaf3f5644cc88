// "LsrIF: Propose Instruction…": candidates for a prompt (the selection, the current `prompt` line, or one typed
// into an input box) from the server's sampling proposer, shown with their rendered text and diagnostics; accepting
// one inserts its .lsr, "Re-roll" asks for new ones. No network: the server draws and validates the candidates.

import * as vscode from "vscode";
import type { ProposedInstruction, ServerApi } from "./server-api.js";
import { LSR_LANGUAGE_ID } from "./target-document.js";

const PROMPT_LINE = /^\s*prompt\s+"((?:[^"\\]|\\.)*)"\s*$/;

/** The prompt the user means: a selection, the `prompt` line under the cursor or the file's first one, else undefined. */
export function promptFromEditor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  const selected = editor.document.getText(editor.selection).trim();
  if (selected !== "") return selected;
  const lines = [editor.document.lineAt(editor.selection.active.line).text, ...editor.document.getText().split("\n")];
  for (const line of lines) {
    const match = PROMPT_LINE.exec(line);
    if (match) return JSON.parse(`"${match[1]}"`) as string;
  }
  return undefined;
}

/** The .lsr of a candidate without its `prompt` line, for a file that already has one. */
export function withoutPromptLine(lsr: string): string {
  return lsr.split("\n").filter((line) => !PROMPT_LINE.test(line)).join("\n").replace(/^\n+/, "");
}

interface CandidateItem extends vscode.QuickPickItem {
  candidate?: ProposedInstruction;
  reroll?: true;
}

const STRUCTURE_LABEL: Record<string, string> = { parallel: "Parallel", sequential: "Sequential", conditional: "Conditional", mixed: "Mixed" };

function items(candidates: readonly ProposedInstruction[]): CandidateItem[] {
  return [
    ...candidates.map((candidate) => ({
      label: `$(type-hierarchy) ${STRUCTURE_LABEL[candidate.structure] ?? candidate.structure}: ${candidate.counts.hard} hard, ${candidate.counts.soft} soft`,
      description: candidate.diagnostics.length > 0 ? `$(warning) ${candidate.diagnostics.join("; ")}` : "no diagnostics",
      detail: candidate.rendered.replace(/\s*\n\s*/g, " "),
      candidate,
    })),
    { label: "$(refresh) Re-roll", description: "draw new candidates", reroll: true },
  ];
}

export async function proposeInstruction(api: ServerApi): Promise<ProposedInstruction | undefined> {
  const editor = vscode.window.activeTextEditor;
  const prompt = promptFromEditor(editor) ?? (await vscode.window.showInputBox({ title: "LsrIF: Propose Instruction", prompt: "The seed prompt to add constraints to" }));
  if (!prompt || prompt.trim() === "") return undefined;
  for (let roll = 0; ; roll++) {
    const { candidates } = await api.propose(prompt, roll);
    const choice = await vscode.window.showQuickPick(items(candidates), {
      title: `Instructions for "${prompt.length > 60 ? prompt.slice(0, 57) + "…" : prompt}"`,
      matchOnDetail: true,
      placeHolder: "Accept one to insert its .lsr, or re-roll",
    });
    if (!choice) return undefined;
    if (choice.reroll) continue;
    const candidate = choice.candidate!;
    if (editor && editor.document.languageId === LSR_LANGUAGE_ID && PROMPT_LINE.test(editor.document.getText().split("\n").find((l) => PROMPT_LINE.test(l)) ?? "")) {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, (editor.document.getText().endsWith("\n") ? "\n" : "\n\n") + withoutPromptLine(candidate.lsr)));
    } else {
      const doc = await vscode.workspace.openTextDocument({ content: candidate.lsr, language: LSR_LANGUAGE_ID });
      await vscode.window.showTextDocument(doc);
    }
    return candidate;
  }
}
