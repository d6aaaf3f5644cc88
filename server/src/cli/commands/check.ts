import { LineIndex } from "../../../../grammars/src/index.js";
import { analyze } from "../../analysis/analyze.js";
import { CODES } from "../../analysis/codes.js";
import { importLsrInstructJson } from "../../interchange/lsrinstruct-json.js";
import { EXIT_FAILED, EXIT_OK, readInput, type Io } from "../io.js";
import { formatDiagnostic, formatImportError, isJsonInstruction } from "../load-instruction.js";

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** `lsrif check FILE...`: diagnostics for each file; exit 1 when any is an error. */
export function runCheck(files: string[], json: boolean, io: Io): number {
  const all: JsonDiagnostic[] = [];
  const lines: string[] = [];
  // Decided over every diagnostic, also those past the per-file cap (LSR098).
  let failed = false;
  for (const file of files) {
    const text = readInput(file, io);
    if (isJsonInstruction(file, text)) {
      const { errors } = importLsrInstructJson(text, file);
      if (errors.length > 0) failed = true;
      for (const e of errors) {
        all.push({ file, line: e.line, column: e.column, endLine: e.line, endColumn: e.column, severity: "error", code: CODES.invalidJsonInstruction.code, message: e.message });
        lines.push(formatImportError(file, e));
      }
      continue;
    }
    const index = new LineIndex(text);
    const analysis = analyze(text);
    if (analysis.hasErrors) failed = true;
    for (const d of analysis.diagnostics) {
      const start = index.positionAt(d.range.start);
      const end = index.positionAt(d.range.end);
      all.push({ file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: d.severity, code: d.code, message: d.message });
      lines.push(formatDiagnostic(file, text, d, index));
    }
  }
  const errors = all.filter((d) => d.severity === "error").length;
  if (json) io.stdout(JSON.stringify(all, null, 2) + "\n");
  else {
    for (const l of lines) io.stdout(l + "\n");
    io.stdout(`${files.length} file${files.length === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${all.length - errors} other diagnostic${all.length - errors === 1 ? "" : "s"}\n`);
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
