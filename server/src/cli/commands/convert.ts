import { writeFileSync } from "node:fs";
import { format } from "../../../../grammars/src/index.js";
import { exportLsrInstructJson, importLsrInstructJson } from "../../interchange/lsrinstruct-json.js";
import { printLsr } from "../../interchange/print-lsr.js";
import { renderInstruction } from "../../render/natural-language.js";
import { scopesSource } from "../../scopes/describe.js";
import { LineIndex } from "../../../../grammars/src/index.js";
import { CliError, EXIT_FAILED, EXIT_OK, readInput, type Io } from "../io.js";
import { formatImportError, loadInstruction } from "../load-instruction.js";

function emit(text: string, out: string | undefined, io: Io): void {
  if (out === undefined || out === "-") {
    io.stdout(text.endsWith("\n") ? text : text + "\n");
    return;
  }
  try {
    writeFileSync(out, text.endsWith("\n") ? text : text + "\n");
  } catch (error) {
    throw new CliError(`${out}: cannot write: ${(error as Error).message}`);
  }
}

function usableInstruction(path: string, io: Io) {
  const loaded = loadInstruction(path, io);
  for (const m of loaded.messages) io.stderr(m + "\n");
  if (loaded.hasErrors || !loaded.instruction) throw new CliError(`${path}: the instruction has errors`);
  return loaded.instruction;
}

/** `lsrif import FILE.json [-o OUT.lsr]` */
export function runImport(file: string, out: string | undefined, io: Io): number {
  const { instruction, errors } = importLsrInstructJson(readInput(file, io), file);
  for (const e of errors) io.stderr(formatImportError(file, e) + "\n");
  if (errors.length > 0 || !instruction) throw new CliError(`${file}: not a valid LsrInstruct JSON instruction`);
  emit(printLsr(instruction), out, io);
  return EXIT_OK;
}

/** `lsrif export FILE.lsr [-o OUT.json] [--paper]`; with --paper scopes are dropped, each with a warning. */
export function runExport(file: string, out: string | undefined, io: Io, paper = false): number {
  const instruction = usableInstruction(file, io);
  const lines = paper ? new LineIndex(readInput(file, io)) : undefined;
  const json = exportLsrInstructJson(instruction, {
    paper,
    onDroppedScope: (node) => {
      const at = node.range && lines ? lines.positionAt(node.range.start) : undefined;
      const where = at ? `${file}:${at.line + 1}:${at.character + 1}` : file;
      io.stderr(`${where}: warning: scope '${scopesSource(node.scopes ?? [])}' dropped: the paper's format has no scopes\n`);
    },
  });
  emit(JSON.stringify(json, null, 2), out, io);
  return EXIT_OK;
}

/** `lsrif render FILE` */
export function runRender(file: string, io: Io): number {
  emit(renderInstruction(usableInstruction(file, io)), undefined, io);
  return EXIT_OK;
}

/** `lsrif format FILE... [--write | --check]` */
export function runFormat(files: string[], mode: "print" | "write" | "check", io: Io): number {
  let unformatted = 0;
  for (const file of files) {
    const text = readInput(file, io);
    const formatted = format(text);
    if (formatted === undefined) throw new CliError(`${file}: has syntax errors; run 'lsrif check ${file}'`);
    if (mode === "print") emit(formatted, undefined, io);
    else if (formatted !== text) {
      unformatted++;
      if (mode === "write") emit(formatted, file, io);
      else io.stdout(`${file}: not formatted\n`);
    }
  }
  return mode === "check" && unformatted > 0 ? EXIT_FAILED : EXIT_OK;
}
