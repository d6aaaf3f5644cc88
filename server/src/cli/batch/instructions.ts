// The instructions of a batch: a directory of .lsr/.json files (id = file name
// without extension) or an LsrInstruct JSONL file (id = each line's `id`).

import { readdirSync, statSync } from "node:fs";
import { extname, basename, join } from "node:path";
import { CODES } from "../../analysis/codes.js";
import type { Instruction } from "../../analysis/logic.js";
import { importLsrInstructJsonl } from "../../interchange/lsrinstruct-json.js";
import { CliError, readInput, type Io } from "../io.js";
import { formatImportError, loadInstruction } from "../load-instruction.js";

export interface BatchInstructions {
  usable: Map<string, Instruction>;
  /** Ids whose instruction has errors, with a one-line reason. */
  broken: Map<string, string>;
  /** Error lines (file:line:col: ...) to show the user. */
  messages: string[];
}

const INSTRUCTION_FILE = /\.(lsr|json)$/i;

function fromDirectory(dir: string, io: Io): BatchInstructions {
  const out: BatchInstructions = { usable: new Map(), broken: new Map(), messages: [] };
  const files = readdirSync(dir).filter((name) => INSTRUCTION_FILE.test(name)).sort();
  for (const name of files) {
    const path = join(dir, name);
    const id = basename(name, extname(name));
    if (out.usable.has(id) || out.broken.has(id)) {
      out.messages.push(`${path}:1:1: error ${CODES.duplicateInstructionId.code} instruction id '${id}' is already used by another file; skipped`);
      continue;
    }
    const loaded = loadInstruction(path, io);
    if (loaded.hasErrors || !loaded.instruction) {
      for (const message of loaded.messages) if (message.includes(": error ")) out.messages.push(message);
      out.broken.set(id, `${path} has errors`);
    } else {
      out.usable.set(id, loaded.instruction);
    }
  }
  return out;
}

function fromJsonl(file: string, io: Io): BatchInstructions {
  const out: BatchInstructions = { usable: new Map(), broken: new Map(), messages: [] };
  for (const entry of importLsrInstructJsonl(readInput(file, io))) {
    const errors = entry.errors.map((e) => formatImportError(file, e));
    if (entry.id === undefined) {
      for (const error of errors) out.messages.push(error);
      out.messages.push(formatImportError(file, { line: entry.line, column: 1, message: 'an instruction line needs an "id"; skipped' }));
      continue;
    }
    if (entry.instruction === undefined || errors.length > 0) {
      for (const error of errors) out.messages.push(error);
      // A repeated id keeps its first (usable) instruction.
      if (!out.usable.has(entry.id)) out.broken.set(entry.id, `${file}:${entry.line} has errors`);
    } else {
      out.usable.set(entry.id, entry.instruction);
    }
  }
  return out;
}

/** Throws CliError (exit 2) when the path cannot be read or holds no instruction file at all. */
export function loadBatchInstructions(path: string, io: Io): BatchInstructions {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new CliError(`${path}: cannot read: no such file or directory`);
  }
  const loaded = isDirectory ? fromDirectory(path, io) : fromJsonl(path, io);
  if (loaded.usable.size === 0 && loaded.broken.size === 0) {
    throw new CliError(`${path}: no instructions found (expected .lsr/.json files or LsrInstruct JSON lines)`);
  }
  return loaded;
}
