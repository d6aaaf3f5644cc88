// The language server: capabilities, settings and the wiring of every feature.
// Transport-independent, so tests and benchmarks can run it over any connection.

import { packageVersion } from "../util/package-version.js";
import {
  DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeResult,
} from "vscode-languageserver";
import { COMMANDS, type SoftJudgeProvider } from "./commands.js";
import { DocumentStore } from "./document-store.js";
import { judgeSectionOf } from "./judge-config.js";
import { EditorJudges } from "./judge-manager.js";
import { TOKEN_MODIFIERS, TOKEN_TYPES } from "./features/semantic-tokens.js";
import { LastScores } from "./last-scores.js";
import { registerEditing } from "./register-editing.js";
import { registerNavigation } from "./register-navigation.js";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "./settings.js";

export interface ServerOptions {
  debounceMs?: number;
  /** Soft-constraint judge for `lsrif.score`; by default the one the `lsrif.judge` settings describe. */
  judgeProvider?: SoftJudgeProvider;
  /** Environment for the judge (LSRIF_JUDGE_API_KEY, XDG_CACHE_HOME); default process.env. */
  env?: Record<string, string | undefined>;
}

export interface LsrifServer {
  /** Records a score so hovers show each constraint's last verdict for that document version. */
  setLastScore: LastScores["setLastScore"];
  setJudgeProvider(provider: SoftJudgeProvider): void;
}

export function startServer(connection: Connection, options: ServerOptions = {}): LsrifServer {
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRefreshInlayHints = false;
  const judges = new EditorJudges(connection, options.env);
  let judgeProvider: SoftJudgeProvider = options.judgeProvider ?? judges.provider;
  const scores = new LastScores();
  const store = new DocumentStore(connection, () => settings, { debounceMs: options.debounceMs });

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) settings = parseSettings(initial);
    judges.initialize(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["(", ",", ":", " ", "\""], resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: ["(", ","], retriggerCharacters: [",", ":"] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        inlayHintProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...COMMANDS] },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
      },
      serverInfo: { name: "lsrif-language-server", version: packageVersion() },
    };
  });

  const pullSettings = async (): Promise<void> => {
    if (!canPullConfiguration) return;
    try {
      const section: unknown = await connection.workspace.getConfiguration("lsrif");
      settings = parseSettings(section);
      judges.configure(judgeSectionOf(section));
    } catch (error) {
      connection.console.warn(`lsrif: could not read settings: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "lsrif" }).catch(() => undefined);
      await pullSettings();
      store.revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else {
      const section = (change.settings as { lsrif?: unknown } | undefined)?.lsrif;
      settings = parseSettings(section);
      judges.configure(judgeSectionOf(section));
    }
    store.revalidateAll();
  });

  connection.onShutdown(() => judges.dispose());

  // A score changes the steps' inlay hints (their r) without an edit: ask the client to re-request them,
  // if it said it can be asked (LSP: only then may the server send the refresh request).
  scores.onDidSet(() => {
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  registerEditing(connection, store, scores, () => settings);
  registerNavigation(connection, store, scores, () => judgeProvider, () => settings);

  return {
    setLastScore: (uri, version, result) => scores.setLastScore(uri, version, result),
    setJudgeProvider: (provider) => { judgeProvider = provider; },
  };
}
