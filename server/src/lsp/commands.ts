// workspace/executeCommand: render, export, import, logic tree and score, served by
// the server so that every editor gets them. Arguments are validated here with zod.

import { z } from "zod";
import type { LineIndex } from "../../../grammars/src/index.js";
import type { Instruction, LogicNode } from "../analysis/logic.js";
import type { ImportError } from "../interchange/lsrinstruct-import.js";
import { exportLsrInstructJson, importLsrInstructJson } from "../interchange/lsrinstruct-json.js";
import { printLsr } from "../interchange/print-lsr.js";
import type { SoftJudge } from "../judge/types.js";
import { proposeCandidates } from "../generate/propose.js";
import { scopesSource } from "../scopes/describe.js";
import { renderInstruction } from "../render/natural-language.js";
import { scoreResponse } from "../scoring/response-text.js";
import type { ScoreResult } from "../scoring/result.js";
import { toLspRange } from "./convert.js";
import type { AnalysedDocument } from "./document-store.js";
import { SERVER_COMMAND_IDS, SERVER_COMMANDS } from "../command-ids.js";
import { executeReportCommand, isReportCommand } from "./report-commands.js";

/** Every command the server executes (its executeCommandProvider list). */
export const COMMANDS = SERVER_COMMAND_IDS;

/** What `lsrif.testJudge` answers: whether the configured judge answered one probe question. */
export type JudgeTestResult = { configured: false } | { configured: true; ok: true; verdict: string; probability?: number } | { configured: true; ok: false; error: string };

/** The question the connection test asks (the capability probe's own); the time makes it miss the verdict cache. */
const testRequest = () => ({ constraint: "The response is a greeting.", response: `Hello there! (connection test ${new Date().toISOString()})` });

const UriArgs = z.tuple([z.string().min(1)]).rest(z.unknown());
const ImportArgs = z.tuple([z.string(), z.string().default("instruction.json")]).rest(z.unknown());
const ScoreOptionsSchema = z.object({
  gamma: z.number().min(0).max(1).optional(),
  flat: z.boolean().optional(),
  loose: z.boolean().optional(),
  /** The `lsrif.score.stripThinking` setting: score only the text after the last `</think>`. */
  stripThinking: z.boolean().optional(),
  stripSuffix: z.boolean().optional(),
}).strict();
const ProposeArgs = z.tuple([z.string().trim().min(1), z.object({ roll: z.int().min(0).max(2 ** 31).default(0), count: z.int().min(1).max(10).default(3) }).strict().default({ roll: 0, count: 3 })]).rest(z.unknown());
const ScoreArgs = z.tuple([z.string().min(1), z.string(), ScoreOptionsSchema.optional()]).rest(z.unknown());

export type ScoreCommandOptions = z.infer<typeof ScoreOptionsSchema>;

/** Supplies a judge for soft constraints when scoring a document; undefined leaves them unjudged. */
export type SoftJudgeProvider = (uri: string) => SoftJudge | undefined;

export interface CommandContext {
  document(uri: string): AnalysedDocument | undefined;
  judge: SoftJudgeProvider;
  onScored(uri: string, version: number, result: ScoreResult): void;
  signal?: AbortSignal;
}

export class CommandError extends Error {}

function parseArgs<T>(schema: z.ZodType<T>, command: string, args: unknown[] | undefined): T {
  const parsed = schema.safeParse(args ?? []);
  if (!parsed.success) throw new CommandError(`${command}: invalid arguments: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function openDocument(ctx: CommandContext, command: string, uri: string): AnalysedDocument {
  const doc = ctx.document(uri);
  if (!doc) throw new CommandError(`${command}: ${uri} is not open in the language server.`);
  return doc;
}

function instructionOf(ctx: CommandContext, command: string, uri: string): { doc: AnalysedDocument; instruction: Instruction } {
  const doc = openDocument(ctx, command, uri);
  if (doc.analysis.hasErrors) {
    const count = doc.analysis.diagnostics.filter((d) => d.severity === "error").length;
    throw new CommandError(`${command}: the file has ${count} error${count === 1 ? "" : "s"}; fix them first.`);
  }
  return { doc, instruction: doc.analysis.instruction };
}

/** What `lsrif.importJson` answers: the .lsr text when the JSON imported without errors. */
export interface ImportJsonAnswer {
  lsr?: string;
  errors: ImportError[];
}

/** What `lsrif.logicTree` answers. */
export interface LogicTreeAnswer {
  version: number;
  gamma: number;
  prompt?: string;
  hasErrors: boolean;
  errorCount: number;
  root: LogicTreeJson;
}

export interface LogicTreeJson {
  kind: LogicNode["kind"];
  range?: ReturnType<typeof toLspRange>;
  id?: string;
  args?: Record<string, unknown>;
  text?: string;
  category?: string;
  ref?: string;
  role?: "condition" | "then" | "else";
  /** The node's response scopes as written (`in paragraph 1`), for the graph to show. */
  scope?: string;
  children: LogicTreeJson[];
}

export function logicTreeJson(node: LogicNode, lines: LineIndex): LogicTreeJson {
  const out: LogicTreeJson = { kind: node.kind, children: [] };
  if (node.range) out.range = toLspRange(lines, node.range);
  if (node.scopes && node.scopes.length > 0) out.scope = scopesSource(node.scopes);
  switch (node.kind) {
    case "hard":
      Object.assign(out, { id: node.id, args: node.args, ...(node.ref ? { ref: node.ref } : {}), ...(node.text ? { text: node.text } : {}) });
      break;
    case "soft":
      Object.assign(out, { text: node.text, ...(node.category ? { category: node.category } : {}), ...(node.ref ? { ref: node.ref } : {}) });
      break;
    case "parallel":
      out.children = node.children.map((c) => logicTreeJson(c, lines));
      break;
    case "sequential":
      out.children = node.steps.map((c) => logicTreeJson(c, lines));
      break;
    case "conditional":
      out.children = [
        { ...logicTreeJson(node.condition, lines), role: "condition" },
        { ...logicTreeJson(node.then, lines), role: "then" },
        ...(node.else ? [{ ...logicTreeJson(node.else, lines), role: "else" as const }] : []),
      ];
      break;
  }
  return out;
}

export async function executeCommand(command: string, args: unknown[] | undefined, ctx: CommandContext): Promise<unknown> {
  switch (command) {
    case SERVER_COMMANDS.render: {
      const [uri] = parseArgs(UriArgs, command, args);
      return renderInstruction(instructionOf(ctx, command, uri).instruction);
    }
    case SERVER_COMMANDS.exportJson: {
      const [uri] = parseArgs(UriArgs, command, args);
      return exportLsrInstructJson(instructionOf(ctx, command, uri).instruction);
    }
    case SERVER_COMMANDS.importJson: {
      const [jsonText, fileName] = parseArgs(ImportArgs, command, args);
      const { instruction, errors } = importLsrInstructJson(jsonText, fileName);
      return (instruction && errors.length === 0 ? { lsr: printLsr(instruction), errors } : { errors }) satisfies ImportJsonAnswer;
    }
    case SERVER_COMMANDS.logicTree: {
      const [uri] = parseArgs(UriArgs, command, args);
      const doc = openDocument(ctx, command, uri);
      const { instruction, diagnostics } = doc.analysis;
      return {
        version: doc.version,
        gamma: instruction.gamma,
        prompt: instruction.prompt,
        hasErrors: doc.analysis.hasErrors,
        errorCount: diagnostics.filter((d) => d.severity === "error").length,
        root: logicTreeJson(instruction.root, doc.lines),
      } satisfies LogicTreeAnswer;
    }
    case SERVER_COMMANDS.score: {
      const [uri, response, options = {}] = parseArgs(ScoreArgs, command, args);
      const { doc, instruction } = instructionOf(ctx, command, uri);
      // Analyses are values (never changed by a later edit), so the scored version needs no copy.
      const result = await scoreResponse(instruction, response, { ...options, judge: ctx.judge(uri), signal: ctx.signal });
      // A cancelled scoring answers with "cancelled" verdicts; hovers keep the last real score.
      if (!ctx.signal?.aborted) ctx.onScored(uri, doc.version, result);
      return result;
    }
    case SERVER_COMMANDS.propose: {
      const [prompt, { roll, count }] = parseArgs(ProposeArgs, command, args);
      return { candidates: proposeCandidates(prompt, roll, count) };
    }
    case SERVER_COMMANDS.testJudge: {
      // The judge the next score would use (kind none: nothing is sent). Its first request runs the
      // endpoint's capability probe (judge/probe.ts), so this tests URL, key, model and reply format.
      const judge = ctx.judge(typeof args?.[0] === "string" ? args[0] : "");
      if (!judge) return { configured: false } satisfies JudgeTestResult;
      try {
        const verdict = await judge.judge(testRequest(), ctx.signal);
        if (verdict.status === "error") return { configured: true, ok: false, error: verdict.error ?? "the judge failed" } satisfies JudgeTestResult;
        return { configured: true, ok: true, verdict: verdict.status, ...(verdict.probability !== undefined ? { probability: verdict.probability } : {}) } satisfies JudgeTestResult;
      } catch (error) {
        return { configured: true, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies JudgeTestResult;
      }
    }
    default:
      if (isReportCommand(command)) return executeReportCommand(command, args, (message) => new CommandError(message));
      throw new CommandError(`Unknown command ${command}.`);
  }
}
