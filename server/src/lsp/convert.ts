// Offsets <-> LSP positions, analysis diagnostics -> LSP diagnostics, outline symbols -> LSP document symbols.

import {
  DiagnosticSeverity, DiagnosticTag, SymbolKind, type Diagnostic as LspDiagnostic, type DocumentSymbol, type Range as LspRange,
} from "vscode-languageserver";
import type { Range } from "../../../grammars/src/index.js";
import type { LineIndex } from "../../../grammars/src/index.js";
import type { Diagnostic } from "../analysis/diagnostic.js";
import type { OutlineSymbol, SymbolKind as OutlineKind } from "./features/symbols.js";

export function toLspRange(lines: LineIndex, range: Range): LspRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffsetRange(lines: LineIndex, range: LspRange): Range {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** What a published diagnostic carries in `data`, so code actions can switch on the code. */
export interface LspDiagnosticData {
  code: string;
  replacements?: string[];
}

/** Where each code is explained (docs/diagnostics.md has one heading per code). */
export const DIAGNOSTICS_DOC = "https://github.com/lsrif/lsrif/blob/main/docs/diagnostics.md";

export function toLspDiagnostic(d: Diagnostic, lines: LineIndex, uri: string): LspDiagnostic {
  const data: LspDiagnosticData = { code: d.code };
  if (d.data?.replacements) data.replacements = d.data.replacements;
  const out: LspDiagnostic = {
    range: toLspRange(lines, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: `${DIAGNOSTICS_DOC}#${d.code.toLowerCase()}` },
    source: "lsrif",
    message: d.message,
    data,
  };
  if (d.data?.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  if (d.data?.related?.length) {
    out.relatedInformation = d.data.related.map((r) => ({ location: { uri, range: toLspRange(lines, r.range) }, message: r.message }));
  }
  return out;
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  prompt: SymbolKind.String,
  gamma: SymbolKind.Constant,
  define: SymbolKind.Variable,
  parallel: SymbolKind.Array,
  sequential: SymbolKind.Array,
  step: SymbolKind.Event,
  conditional: SymbolKind.Boolean,
  branch: SymbolKind.Namespace,
  hard: SymbolKind.Function,
  soft: SymbolKind.String,
  reference: SymbolKind.Variable,
};

/** The outline as the documentSymbol response carries it (the bench's symbols row measures this too). */
export function toLspSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  const range = toLspRange(lines, s.range);
  return {
    name: s.name || "(empty)",
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range,
    // Most symbols select their whole range (branches, soft constraints): one conversion, one object.
    selectionRange: s.selectionRange === s.range ? range : toLspRange(lines, s.selectionRange),
    children: s.children.map((child) => toLspSymbol(lines, child)),
  };
}
