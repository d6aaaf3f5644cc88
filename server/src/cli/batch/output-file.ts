// scores.jsonl: one line per scored response. Reading it back makes a run
// resumable; lines are appended one write at a time as responses finish.

import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { z } from "zod";
import type { ScoreNode, ScoreResult } from "../../scoring/result.js";
import { CliError } from "../io.js";

/** The part of a score tree the summary reads; checked when a line is read back. */
const TreeNode = z.object({
  kind: z.enum(["parallel", "sequential", "conditional", "hard", "soft"]),
  role: z.string(),
  status: z.string(),
  id: z.string().optional(),
  category: z.string().optional(),
  get children() {
    return z.array(TreeNode);
  },
});
export type TreeNode = z.output<typeof TreeNode>;

export const ScoredLine = z.object({
  id: z.string(),
  instruction: z.string(),
  score: z.number(),
  complete: z.boolean(),
  tree: TreeNode,
});
export type ScoredLine = z.output<typeof ScoredLine>;

export type TreeWithoutRanges = Omit<ScoreNode, "range" | "children"> & { children: TreeWithoutRanges[] };

/** The tree as the JSON outputs show it: no source ranges. */
export function withoutRanges(node: ScoreNode): TreeWithoutRanges {
  const { range: _range, children, ...rest } = node;
  return { ...rest, children: children.map(withoutRanges) };
}

/** The output line for one response (no summary, no source ranges). */
export function scoreLine(id: string, instruction: string, result: ScoreResult) {
  const { score, complete, applicable, aggregation, mode, gamma, tree } = result;
  return { id, instruction, score, complete, applicable, aggregation, mode, gamma, tree: withoutRanges(tree) };
}
export type ScoreLine = ReturnType<typeof scoreLine>;

/**
 * The lines already in the output file, by response id. A last line cut short (a
 * killed run) is removed from the file so that response is scored again; any other
 * bad line makes the file unusable (exit 2) rather than being appended to blindly.
 */
export function readScoredLines(path: string): Map<string, ScoredLine> {
  const scored = new Map<string, ScoredLine>();
  if (!existsSync(path)) return scored;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`${path}: cannot read: ${(error as Error).message}`);
  }
  const lastNewline = bytes.lastIndexOf(0x0a);
  const complete = bytes.subarray(0, lastNewline + 1).toString("utf8");
  const tail = bytes.subarray(lastNewline + 1).toString("utf8");
  const lines = complete.split("\n").slice(0, -1);
  lines.forEach((text, index) => {
    if (text.trim() === "") return;
    const line = parseScoredLine(text);
    if (!line) throw new CliError(`${path}:${index + 1}: not a score line; fix or remove it before resuming`);
    scored.set(line.id, line);
  });
  if (tail.trim() !== "") {
    const line = parseScoredLine(tail);
    if (line) {
      scored.set(line.id, line);
      appendText(path, "\n");
    } else {
      truncateSync(path, lastNewline + 1);
    }
  }
  return scored;
}

function parseScoredLine(text: string): ScoredLine | undefined {
  try {
    const parsed = ScoredLine.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function appendText(path: string, text: string): void {
  const fd = openSync(path, "a");
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Appends whole lines; each line is one write so a kill leaves at most one partial line. */
export class ScoreLineWriter {
  private readonly fd: number;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, "a");
    } catch (error) {
      throw new CliError(`${path}: cannot write: ${(error as Error).message}`);
    }
  }

  append(line: ScoreLine): void {
    writeSync(this.fd, JSON.stringify(line) + "\n");
  }

  close(): void {
    closeSync(this.fd);
  }
}
