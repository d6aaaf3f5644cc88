// Rows of the verifiable-constraint datasets as instructions: an IFEval or IFBench row
// (`instruction_id_list` + `kwargs`) or an open-instruct IF-RLVR row (`ground_truth`, a
// Python literal `[{"instruction_id": [...], "kwargs": [...]}]`) becomes an And of its
// hard constraints, so those datasets open in the editor and score through LsRM.

import { z } from "zod";
import { DEFAULT_GAMMA, type HardLeaf, type Instruction } from "../analysis/logic.js";
import { findHardType } from "../ifeval/registry.js";
import { pyLiteralEval } from "../ifeval/python/py-literal.js";
import { excerpt } from "../../../grammars/src/index.js";
import { lineColumnAt, pathKey, type JsonPath, type PositionedJson } from "./json-positions.js";
import type { DocumentImport, ImportError } from "./lsrinstruct-import.js";

const kwargsList = z.array(z.union([z.record(z.string(), z.unknown()), z.null()]));

const RowSchema = z.object({
  key: z.union([z.string(), z.number()]).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  prompt: z.string().optional(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).optional(),
  instruction_id_list: z.array(z.string()).optional(),
  kwargs: kwargsList.optional(),
  ground_truth: z.string().optional(),
});

const GroundTruthSchema = z.object({ instruction_id: z.array(z.string()), kwargs: kwargsList });

/** Whether a parsed JSON document is a dataset row rather than an LsrInstruct document. */
export function isBenchmarkRow(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("composite_constraints" in value)
    && ("instruction_id_list" in value || "ground_truth" in value);
}

/** The ids and kwargs of open-instruct's ground_truth string, or an error message. */
export function parseGroundTruth(text: string): { ids: string[]; kwargs: (Record<string, unknown> | null)[] } | string {
  let value: unknown;
  try {
    value = pyLiteralEval(text);
  } catch (error) {
    return `ground_truth is not a Python literal: ${(error as Error).message}`;
  }
  let first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") {
    try {
      first = JSON.parse(first);
    } catch {
      return "ground_truth[0] is a string that is not JSON";
    }
  }
  if (typeof first === "object" && first !== null && "func_name" in first) {
    return "ground_truth uses the older func_name format (RLVR-IFeval), which names functions, not instruction ids";
  }
  const parsed = GroundTruthSchema.safeParse(first);
  if (!parsed.success) return `ground_truth[0] needs "instruction_id" and "kwargs" lists: ${parsed.error.issues[0]?.message ?? "invalid"}`;
  return { ids: parsed.data.instruction_id, kwargs: parsed.data.kwargs };
}

export function importBenchmarkRow(text: string, json: PositionedJson): DocumentImport {
  const errors: ImportError[] = [];
  const at = (path: JsonPath, message: string) => {
    let probe = path;
    while (probe.length > 0 && !json.offsets.has(pathKey(probe))) probe = probe.slice(0, -1);
    errors.push({ message, ...lineColumnAt(text, json.offsets.get(pathKey(probe)) ?? 0) });
  };
  const row = RowSchema.safeParse(json.value);
  if (!row.success) {
    for (const issue of row.error.issues) at(issue.path.map((p) => (typeof p === "number" ? p : String(p))), `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    return { id: undefined, instruction: undefined, errors };
  }
  const { data } = row;
  const id = data.key ?? data.id;
  let ids: string[];
  let kwargs: (Record<string, unknown> | null)[];
  let argsPath: (i: number) => JsonPath;
  if (data.instruction_id_list !== undefined) {
    ids = data.instruction_id_list;
    kwargs = data.kwargs ?? ids.map(() => ({}));
    argsPath = (i) => ["kwargs", i];
    if (kwargs.length !== ids.length) at(["kwargs"], `kwargs has ${kwargs.length} entries for ${ids.length} instruction ids`);
  } else {
    const truth = parseGroundTruth(data.ground_truth ?? "");
    if (typeof truth === "string") {
      at(["ground_truth"], truth);
      return { id: id === undefined ? undefined : String(id), instruction: undefined, errors };
    }
    ({ ids, kwargs } = truth);
    argsPath = () => ["ground_truth"];
    if (kwargs.length < ids.length) at(["ground_truth"], `ground_truth has ${kwargs.length} kwargs for ${ids.length} instruction ids`);
  }
  const children: HardLeaf[] = [];
  ids.forEach((instructionId, i) => {
    const type = findHardType(instructionId);
    if (type === undefined || type.id !== instructionId) {
      at(data.instruction_id_list ? ["instruction_id_list", i] : ["ground_truth"], `unknown instruction id '${excerpt(instructionId)}'`);
      return;
    }
    // Like the official evaluators, arguments whose value is null are left out.
    const given = Object.fromEntries(Object.entries(kwargs[i] ?? {}).filter(([, v]) => v !== null));
    const args = type.schema.safeParse(given);
    if (!args.success) {
      at(argsPath(i), `${instructionId}: ${args.error.issues.map((e) => (e.path.length ? `${e.path.join(".")}: ${e.message}` : e.message)).join("; ")}`);
      return;
    }
    children.push({ kind: "hard", id: type.id, args: args.data });
  });
  if (ids.length === 0) at([], "the row has no instruction ids");
  if (errors.length > 0) return { id: id === undefined ? undefined : String(id), instruction: undefined, errors };
  const instruction: Instruction = { gamma: DEFAULT_GAMMA, root: { kind: "parallel", children } };
  const prompt = data.prompt ?? data.messages?.find((m) => m.role === "user")?.content;
  if (prompt !== undefined) instruction.prompt = prompt;
  return { id: id === undefined ? undefined : String(id), instruction, errors: [] };
}
