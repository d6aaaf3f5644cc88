// Protocol handlers for reading and editing: hover, completion, signature help,
// symbols, folding, formatting and semantic tokens.

import {
  CompletionItemKind, FoldingRangeKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type Connection, type SemanticTokensParams,
} from "vscode-languageserver";
import { format } from "../../../grammars/src/index.js";
import { completionsAt, type CompletionKind } from "./features/completion.js";
import { contextStart } from "./features/cursor-context.js";
import { cappedFoldingRanges } from "./features/folding.js";
import { hoverAt } from "./features/hover.js";
import { encodeSemanticTokens, semanticTokens } from "./features/semantic-tokens.js";
import { signatureAt } from "./features/signature-help.js";
import { cappedDocumentSymbols, countDocumentSymbols } from "./features/symbols.js";
import { toLspRange, toLspSymbol } from "./convert.js";
import type { DocumentStore } from "./document-store.js";
import { guard } from "./guard.js";
import type { LastScores } from "./last-scores.js";
import { ResultLimitNotices } from "./result-limits.js";
import type { Settings } from "./settings.js";

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  constraint: CompletionItemKind.Function,
  argument: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  name: CompletionItemKind.Variable,
  snippet: CompletionItemKind.Snippet,
  category: CompletionItemKind.EnumMember,
};

export function registerEditing(connection: Connection, store: DocumentStore, scores: LastScores, settings: () => Settings): void {
  const notices = new ResultLimitNotices(connection);
  store.documents.onDidClose((e) => notices.forget(e.document.uri));

  connection.onHover(guard(connection, "hover", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const hover = hoverAt(doc.analysis, doc.lines.offsetAt(params.position), scores.get(doc.uri, doc.version));
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toLspRange(doc.lines, hover.range) } : null;
  }));

  connection.onCompletion(guard(connection, "completion", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    return completionsAt(doc.analysis, doc.text, doc.lines.offsetAt(params.position)).map((c): CompletionItem => {
      const item: CompletionItem = {
        label: c.label,
        kind: COMPLETION_KIND[c.kind],
        textEdit: { range: toLspRange(doc.lines, c.range), newText: c.insertText },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
      if (c.sortText) item.sortText = c.sortText;
      return item;
    });
  }));

  connection.onSignatureHelp(guard(connection, "signatureHelp", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.lines.offsetAt(params.position);
    const sig = signatureAt(doc.text, offset, contextStart(doc.analysis, offset));
    if (!sig) return null;
    return {
      signatures: [{ label: sig.label, documentation: sig.documentation, parameters: sig.parameters.map((p) => ({ label: p.label, documentation: p.documentation })) }],
      activeSignature: 0,
      activeParameter: sig.activeParameter,
    };
  }));

  connection.onDocumentSymbol(guard(connection, "documentSymbol", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const limit = settings().maxItemsComputed;
    const outline = cappedDocumentSymbols(doc.analysis.ast, new Set(doc.analysis.names.keys()), limit);
    notices.report(doc.uri, "outline", { cut: outline.cut, limit, total: () => countDocumentSymbols(doc.analysis.ast) });
    return outline.symbols.map((s) => toLspSymbol(doc.lines, s));
  }));

  connection.onFoldingRanges(guard(connection, "foldingRange", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const limit = settings().maxItemsComputed;
    const folding = cappedFoldingRanges(doc.analysis.ast, doc.lines, limit);
    notices.report(doc.uri, "folding", { cut: folding.cut, limit, total: () => folding.total });
    return folding.folds.map((f) => ({
      startLine: f.startLine, endLine: f.endLine, kind: f.kind === "comment" ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
    }));
  }));

  connection.onDocumentFormatting(guard(connection, "formatting", (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return null;
    const formatted = format(doc.text, { indent: params.options.insertSpaces ? params.options.tabSize : undefined });
    if (formatted === undefined || formatted === doc.text) return [];
    return [{ range: toLspRange(doc.lines, { start: 0, end: doc.text.length }), newText: formatted }];
  }));

  const tokens = guard(connection, "semanticTokens", (params: SemanticTokensParams) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    return { data: encodeSemanticTokens(semanticTokens(doc.text, doc.analysis.ast, new Set(doc.analysis.names.keys()), doc.lines)) };
  });
  connection.languages.semanticTokens.on(async (params) => (await tokens(params)) ?? { data: [] });
}
