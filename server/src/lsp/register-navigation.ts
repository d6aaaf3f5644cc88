// Protocol handlers for names, fixes and commands: definition, references, rename,
// code actions, code lens and workspace/executeCommand.

import { CodeActionKind, DocumentHighlightKind, InlayHintKind, ResponseError, type CodeAction, type Connection, type DocumentHighlight } from "vscode-languageserver";
import { inlayHints } from "./features/inlay-hints.js";
import type { Range } from "../../../grammars/src/index.js";
import { quickFixes } from "./features/code-actions.js";
import { nameAt, rangesAround, renameName } from "./features/names.js";
import { CLIENT_COMMANDS } from "../command-ids.js";
import { CommandError, COMMANDS, executeCommand, type SoftJudgeProvider } from "./commands.js";
import { toLspDiagnostic, toLspRange, toOffsetRange } from "./convert.js";
import type { DocumentStore } from "./document-store.js";
import { guard } from "./guard.js";
import type { LastScores } from "./last-scores.js";
import type { Settings } from "./settings.js";

export function registerNavigation(connection: Connection, store: DocumentStore, scores: LastScores, judge: () => SoftJudgeProvider, settings: () => Settings): void {
  connection.onDefinition(guard(connection, "definition", (params) => {
    const doc = store.get(params.textDocument.uri);
    const at = doc && nameAt(doc.analysis, doc.lines.offsetAt(params.position));
    return at ? { uri: doc.uri, range: toLspRange(doc.lines, at.definition) } : null;
  }));

  connection.onReferences(guard(connection, "references", (params) => {
    const doc = store.get(params.textDocument.uri);
    const at = doc && nameAt(doc.analysis, doc.lines.offsetAt(params.position));
    if (!at) return null;
    const ranges = params.context.includeDeclaration ? [at.definition, ...at.references] : at.references;
    return ranges.map((r) => ({ uri: doc.uri, range: toLspRange(doc.lines, r) }));
  }));

  // The occurrences of the defined name under the cursor: the definition as a write, the uses as reads.
  // VS Code asks again on every cursor move, so at most lsrif.maxItemsComputed of them: the definition
  // and the uses around the cursor (a name used two million times gave 200 MB per keystroke).
  connection.onDocumentHighlight(guard(connection, "documentHighlight", (params) => {
    const doc = store.get(params.textDocument.uri);
    const offset = doc?.lines.offsetAt(params.position);
    const at = doc && offset !== undefined ? nameAt(doc.analysis, offset) : undefined;
    if (!doc || offset === undefined || !at) return null;
    const limit = settings().maxItemsComputed;
    if (limit === 0) return [];
    const highlights: DocumentHighlight[] = [{ range: toLspRange(doc.lines, at.definition), kind: DocumentHighlightKind.Write }];
    for (const r of rangesAround(at.references, offset, limit - 1)) highlights.push({ range: toLspRange(doc.lines, r), kind: DocumentHighlightKind.Read });
    return highlights;
  }));

  connection.languages.inlayHint.on(guard(connection, "inlayHint", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const range = toOffsetRange(doc.lines, params.range);
    return inlayHints(doc.analysis.instruction, scores.get(doc.uri, doc.version), range.start, range.end + 1)
      .map((h) => ({ position: doc.lines.positionAt(h.offset), label: h.label, kind: InlayHintKind.Parameter, paddingLeft: true }));
  }));

  connection.onPrepareRename(guard(connection, "prepareRename", (params) => {
    const doc = store.get(params.textDocument.uri);
    const at = doc && nameAt(doc.analysis, doc.lines.offsetAt(params.position));
    return at ? { range: toLspRange(doc.lines, at.range), placeholder: at.name } : null;
  }));

  connection.onRenameRequest(async (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const result = await guard(connection, "rename", () => renameName(doc.analysis, doc.lines.offsetAt(params.position), params.newName))(undefined);
    if (!result) return null;
    if ("error" in result) return new ResponseError(-32602, result.error);
    return { changes: { [doc.uri]: result.edits.map((e) => ({ range: toLspRange(doc.lines, e.range), newText: e.newText })) } };
  });

  connection.onCodeAction(guard(connection, "codeAction", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    return quickFixes(doc.analysis, doc.text, toOffsetRange(doc.lines, params.range)).map((fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: fix.preferred,
      diagnostics: [toLspDiagnostic(fix.diagnostic, doc.lines, doc.uri)],
      edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: toLspRange(doc.lines, e.range), newText: e.newText })) } },
    }));
  }));

  connection.onCodeLens(guard(connection, "codeLens", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const { ast } = doc.analysis;
    const first = [ast.prompts[0]?.range, ast.items[0]?.range].filter((r): r is Range => r !== undefined).sort((a, b) => a.start - b.start)[0];
    const at = first ?? { start: 0, end: 0 };
    const range = toLspRange(doc.lines, { start: at.start, end: at.start });
    return [
      { range, command: { title: "Score response…", command: CLIENT_COMMANDS.scoreResponse, arguments: [doc.uri] } },
      { range, command: { title: "Render as prompt", command: CLIENT_COMMANDS.renderPrompt, arguments: [doc.uri] } },
    ];
  }));

  connection.onExecuteCommand(async (params, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      return await executeCommand(params.command, params.arguments, {
        document: (uri) => store.get(uri),
        judge: judge(),
        onScored: (uri, version, result) => scores.setLastScore(uri, version, result),
        signal: controller.signal,
      });
    } catch (error) {
      if (error instanceof CommandError) return new ResponseError(-32602, error.message);
      connection.console.error(`lsrif: ${params.command} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  });
}

export { COMMANDS };
