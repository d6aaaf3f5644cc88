// The analysis entry point: text in, AST + logic tree + diagnostics out.
// Never throws: an internal failure becomes an LSR099 diagnostic.

import type { FileNode } from "../../../grammars/src/index.js";
import { parse } from "../../../grammars/src/index.js";
import { checkScopes } from "./scope-checks.js";
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { capDiagnostics, MAX_DIAGNOSTICS } from "./diagnostic-cap.js";
import { DEFAULT_GAMMA, type Instruction } from "./logic.js";
import { resolveFile, type NameInfo } from "./resolve.js";

export interface AnalyzeOptions {
  /** Nesting of structures beyond this depth is reported (LSR002). Default 8. */
  maxDepth?: number;
}

export interface Analysis {
  ast: FileNode;
  instruction: Instruction;
  /** Named constraints with their definition and every reference. */
  names: Map<string, NameInfo>;
  diagnostics: Diagnostic[];
  /** True when some diagnostic is an error: the instruction must not be scored. */
  hasErrors: boolean;
}

export const DEFAULT_MAX_DEPTH = 8;

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyzeUnsafe(text, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const range = { start: 0, end: text.length };
    const ast: FileNode = { kind: "file", prompts: [], gammas: [], defines: [], items: [], comments: [], range };
    return {
      ast,
      instruction: { gamma: DEFAULT_GAMMA, root: { kind: "parallel", children: [] } },
      names: new Map(),
      diagnostics: [diagnostic("internalError", { start: 0, end: 0 }, `Internal error while analysing this file: ${message}`)],
      hasErrors: true,
    };
  }
}

/** The prompt and gamma headers: their diagnostics (duplicates, gamma out of range) and the gamma in force. */
export function analyzeHeaders(ast: FileNode): { diagnostics: Diagnostic[]; gamma: number } {
  const diagnostics: Diagnostic[] = [];
  for (const extra of ast.prompts.slice(1)) {
    diagnostics.push(diagnostic("duplicateHeader", extra.range, "Only one 'prompt' per file."));
  }
  for (const extra of ast.gammas.slice(1)) {
    diagnostics.push(diagnostic("duplicateHeader", extra.range, "Only one 'gamma' per file."));
  }
  let gamma = DEFAULT_GAMMA;
  const gammaNode = ast.gammas[0];
  if (gammaNode && !Number.isNaN(gammaNode.value)) {
    if (gammaNode.value < 0 || gammaNode.value > 1) {
      diagnostics.push(diagnostic("gammaOutOfRange", gammaNode.valueRange ?? gammaNode.range,
        `gamma must be between 0 and 1 (it is ${gammaNode.value}): it is the factor a failed step applies to every later step.`,
        { replacements: [String(Math.min(1, Math.max(0, gammaNode.value)))] }));
    } else {
      gamma = gammaNode.value;
    }
  }
  return { diagnostics, gamma };
}

function analyzeUnsafe(text: string, options: AnalyzeOptions): Analysis {
  const { ast, errors } = parse(text);
  // Syntax errors come sorted: past the first MAX_DIAGNOSTICS none can be listed, so
  // only those become diagnostics (4 MB of `}` is four million errors); the rest are counted.
  const listed = Math.min(errors.length, MAX_DIAGNOSTICS + 1);
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < listed; i++) diagnostics.push(diagnostic("syntax", errors[i].range, errors[i].message));
  const unlisted = { count: errors.length - listed, errors: errors.length - listed };
  // Appended one by one: a spread of a long list overflows the call stack.
  const add = (more: Diagnostic[]) => {
    for (const d of more) diagnostics.push(d);
  };

  const header = analyzeHeaders(ast);
  add(header.diagnostics);
  const gamma = header.gamma;

  const resolution = resolveFile(ast, { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH });
  add(resolution.diagnostics);
  if (ast.items.length === 0 && errors.length === 0) {
    diagnostics.push(diagnostic("emptyInstruction", { start: 0, end: 0 }, "This file has no constraints."));
  }
  const instruction: Instruction = { gamma, root: resolution.root };
  const prompt = ast.prompts[0]?.text;
  if (prompt !== undefined) instruction.prompt = prompt;
  add(checkScopes(instruction.root));

  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { ast, instruction, names: resolution.names, ...capDiagnostics(diagnostics, MAX_DIAGNOSTICS, unlisted) };
}
