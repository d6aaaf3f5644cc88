// The extension's entry: starts the bundled language server over IPC for `lsr`
// documents and registers the client-side commands. Everything the language
// offers (diagnostics, hovers, completion, ...) comes from the server.

import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { exportJson, importJson, renderPrompt } from "./document-commands.js";
import { proposeInstruction } from "./propose-command.js";
import { CONFIGURE_JUDGE_COMMAND, JudgeSetup } from "./judge/configure-judge.js";
import { JudgeKeyStore } from "./judge/judge-key.js";
import { createJudgeStatusItem, JudgeStatus } from "./judge/judge-status.js";
import { initializationOptions, judgeSettingsMiddleware, registerJudgeRequests } from "./judge/judge-wiring.js";
import { createLog } from "./log.js";
import { copyRenderedPrompt, PromptPreview } from "./prompt-preview.js";
import { LogicTreePanel } from "./logic-tree/panel.js";
import { ReportPanel, SHOW_REPORT_COMMAND } from "./report/report-panel.js";
import { ScoreDecorations } from "./scoring/decorations.js";
import { SCORE_VIEW_ID, ScoreResultsProvider } from "./scoring/results-tree.js";
import { ResponseHighlighter, type ScoredResponse, type VerdictSpans } from "./scoring/response-highlight.js";
import { SCORE_ALL_VIEW_ID, ScoreAllProvider, scoreAllResponses, type ScoredRow } from "./scoring/score-all.js";
import { ScoreController } from "./scoring/score-command.js";
import { ServerApi } from "./server-api.js";
import { LSR_LANGUAGE_ID, lsrDocumentFor } from "./target-document.js";
import { registerTestHooks } from "./test-hooks.js";
import type { Range as OffsetRange } from "../../grammars/src/index.js";
import { CLIENT_COMMANDS, INTERNAL_CLIENT_COMMANDS } from "../../server/src/client-api.js";
/**
 * What `activate` returns; tests await `ready` instead of sleeping. The editor tier
 * observes everything else through `lsrif.test.state` (test-hooks.ts).
 */
export interface LsrifExtensionApi {
  client: LanguageClient;
  /** Resolves once the server answered `initialize`. */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): LsrifExtensionApi {
  const log = createLog();
  const serverModule = context.asAbsolutePath("dist/server/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LSR_LANGUAGE_ID }],
    synchronize: { configurationSection: "lsrif" },
    // The judge part of these settings follows the workspace-trust rule (judge/judge-wiring.ts).
    initializationOptions: initializationOptions(context),
    middleware: judgeSettingsMiddleware(() => client),
    outputChannel: log,
  };
  client = new LanguageClient("lsrif", "LsrIF Language Server", serverOptions, clientOptions);
  const judgeKeys = new JudgeKeyStore(context, log);
  for (const registration of registerJudgeRequests(client, judgeKeys, log)) context.subscriptions.push(registration);
  const ready = client.start();
  ready.catch((error: unknown) => log.error(`The language server did not start: ${String(error)}`));

  const api = new ServerApi(client, ready);
  const highlighter = new ResponseHighlighter();
  const logicTree = new LogicTreePanel(api, log, context.extensionUri, highlighter);
  const promptPreview = new PromptPreview(api);
  const results = new ScoreResultsProvider();
  const decorations = new ScoreDecorations();
  const judgeStatusItem = createJudgeStatusItem();
  const judgeStatus = new JudgeStatus(CONFIGURE_JUDGE_COMMAND, judgeStatusItem);
  const judgeSetup = new JudgeSetup(api, client, judgeKeys, judgeStatus, log);
  const scoring = new ScoreController(api, log, results, decorations, judgeStatus);
  const scoreAll = new ScoreAllProvider();
  scoring.listeners.push((uri, version, result, response) => logicTree.setScore(uri, version, result, response));
  const report = new ReportPanel(client, ready, log);

  const register = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    log,
    logicTree,
    scoring,
    decorations,
    vscode.window.registerTreeDataProvider(SCORE_VIEW_ID, results),
    vscode.window.registerTreeDataProvider(SCORE_ALL_VIEW_ID, scoreAll),
    register(CLIENT_COMMANDS.scoreAllResponses, (arg, source) => scoreAllResponses(api, log, scoreAll, arg, source instanceof vscode.Uri ? source : undefined)),
    register(CLIENT_COMMANDS.toggleScoreAllSort, () => scoreAll.toggleOrder()),
    register(INTERNAL_CLIENT_COMMANDS.openScoredRow, (uri, row) => {
      const scored = row as ScoredRow | undefined;
      if (uri instanceof vscode.Uri && scored?.result) scoring.showResult(uri, scored.result, scored.uri ? { uri: scored.uri, offset: 0 } : undefined);
    }),
    register(CLIENT_COMMANDS.rescore, () => scoring.rescore()),
    register(CLIENT_COMMANDS.newInstruction, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: LSR_LANGUAGE_ID, content: 'prompt "Write a short guide."\n\nwords(relation: "at least", num_words: 50)\n' });
      await vscode.window.showTextDocument(doc);
    }),
    promptPreview,
    register(CLIENT_COMMANDS.renderPrompt, (arg) => renderPrompt(promptPreview, arg)),
    register(CLIENT_COMMANDS.copyRenderedPrompt, (arg) => copyRenderedPrompt(api, arg)),
    register(CLIENT_COMMANDS.exportJson, (arg, target) => exportJson(api, log, arg, target instanceof vscode.Uri ? target : undefined)),
    register(CLIENT_COMMANDS.importJson, (source) => importJson(api, log, source instanceof vscode.Uri ? source : undefined)),
    register(CLIENT_COMMANDS.showLogicTree, async (arg) => {
      const doc = await lsrDocumentFor(arg);
      return doc ? logicTree.show(doc) : undefined;
    }),
    // The response as text, or as the URI of a document (whose editor then shows what each verdict checked).
    register(CLIENT_COMMANDS.scoreResponse, async (arg, response) => {
      if (!(response instanceof vscode.Uri)) return scoring.scoreResponse(arg, typeof response === "string" ? response : undefined);
      return scoring.scoreResponse(arg, (await vscode.workspace.openTextDocument(response)).getText(), response);
    }),
    register(CLIENT_COMMANDS.setJudgeApiKey, () => judgeKeys.promptAndStore()),
    register(CLIENT_COMMANDS.clearScore, () => scoring.clear()),
    register(CLIENT_COMMANDS.proposeInstruction, () => proposeInstruction(api)),
    judgeStatus,
    register(CONFIGURE_JUDGE_COMMAND, (answers) => judgeSetup.configure(answers)),
    register(CLIENT_COMMANDS.testJudgeConnection, () => judgeSetup.test()),
    report,
    register(SHOW_REPORT_COMMAND, (arg) => report.show(arg)),
    highlighter,
    // A Score view row: the constraint in the .lsr file; with the response's document, the text it was checked on there.
    register(INTERNAL_CLIENT_COMMANDS.revealScoreNode, async (uri, range, response, spans) => {
      if (!(uri instanceof vscode.Uri)) return undefined;
      const doc = await vscode.workspace.openTextDocument(uri);
      const { start, end } = range as OffsetRange;
      // Where the .lsr is already shown, so the response's editor beside it stays where it is.
      const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(doc.positionAt(start), doc.positionAt(end)), ...(column ? { viewColumn: column } : {}) });
      const scored = response as ScoredResponse | undefined;
      return scored?.uri instanceof vscode.Uri && spans ? highlighter.reveal(scored, spans as VerdictSpans) : undefined;
    }),
  );
  for (const hook of registerTestHooks({ logicTree, decorations, results, scoreAll, judgeStatusItem, report })) context.subscriptions.push(hook);
  return { client, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
