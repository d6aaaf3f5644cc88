// Open documents and their analyses, cached per uri + version + settings; a new
// version is re-analysed from the previous one (only the items an edit touches).
// Re-analysis after an edit is debounced; a newer version cancels the pending
// work of an older one (its timer is dropped, and a stale result is never published).
// Large documents are diagnosed on a worker thread that a newer version terminates
// mid-analysis (`background-diagnostics.ts` says why a worker rather than phases).

import { TextDocuments, type Connection } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze, type Analysis } from "../analysis/analyze.js";
import { reanalyze } from "../analysis/incremental.js";
import { toLspDiagnostic } from "./convert.js";
import { BackgroundDiagnostics } from "./background-diagnostics.js";
import type { Settings } from "./settings.js";

export interface AnalysedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
}

export interface DocumentStoreOptions {
  /** Milliseconds to wait after an edit before analysing (default 50). */
  debounceMs?: number;
  /** Documents of at least this many characters are diagnosed on a worker thread (default 256 Ki). */
  backgroundMinLength?: number;
}

/** From this size an analysis takes tens of milliseconds or more (1 MB/s and up): worth a thread. */
const BACKGROUND_MIN_LENGTH = 256 * 1024;

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, AnalysedDocument & { maxDepth: number }>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly debounceMs: number;
  private readonly background: BackgroundDiagnostics;

  constructor(
    private readonly connection: Connection,
    private settings: () => Settings,
    options: DocumentStoreOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 50;
    this.background = new BackgroundDiagnostics(options.backgroundMinLength ?? BACKGROUND_MIN_LENGTH, (message) => connection.console.error(message));
    this.documents.onDidOpen((e) => this.validateNow(e.document.uri));
    this.documents.onDidChangeContent((e) => {
      // Stop the stale analysis now, not when the debounce ends.
      this.background.supersede(e.document.uri);
      this.schedule(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      this.background.close(e.document.uri);
      this.cache.delete(e.document.uri);
      void this.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  /** The analysis of the document's current version (computed now if not cached). */
  get(uri: string): AnalysedDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const maxDepth = this.settings().maxNestingDepth;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.maxDepth === maxDepth) return cached;
    const text = document.getText();
    // reanalyze shares unchanged parts of the previous analysis and never writes to it.
    const analysis = cached && cached.maxDepth === maxDepth ? reanalyze({ text: cached.text, analysis: cached.analysis }, text, { maxDepth }) : analyze(text, { maxDepth });
    const entry = { uri, version: document.version, text, lines: new LineIndex(text), analysis, maxDepth };
    this.cache.set(uri, entry);
    return entry;
  }

  /** Re-analyses every open document (after a settings change). */
  revalidateAll(): void {
    for (const document of this.documents.all()) this.validateNow(document.uri);
  }

  private cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
  }

  private schedule(uri: string): void {
    this.cancel(uri);
    const version = this.documents.get(uri)?.version;
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      if (this.documents.get(uri)?.version === version) this.validateNow(uri);
    }, this.debounceMs));
  }

  private validateNow(uri: string): void {
    const document = this.documents.get(uri);
    if (document && this.background.handles(document.getText())) this.validateInBackground(uri, document.version, document.getText());
    else this.validateHere(uri);
  }

  private validateInBackground(uri: string, version: number, text: string): void {
    void this.background.diagnose(uri, text, this.settings().maxNestingDepth).then((outcome) => {
      // Superseded meanwhile: the newer version's own validation publishes.
      if (outcome === "dropped" || this.documents.get(uri)?.version !== version) return;
      if (outcome === "failed") this.validateHere(uri);
      else void this.connection.sendDiagnostics({ uri, version, diagnostics: outcome });
    });
  }

  private validateHere(uri: string): void {
    try {
      const entry = this.get(uri);
      if (!entry) return;
      const diagnostics = entry.analysis.diagnostics.map((d) => toLspDiagnostic(d, entry.lines, uri));
      // A newer version may have arrived while analysing; its own validation will publish.
      if (this.documents.get(uri)?.version !== entry.version) return;
      void this.connection.sendDiagnostics({ uri, version: entry.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`lsrif: validating ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
