// responses.jsonl: one `{"id", "instruction", "response"}` object per line,
// validated here; bad lines become file:line failures, never exceptions.

import { z } from "zod";
import { readJsonl } from "../../util/jsonl.js";

const Id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const ResponseLine = z.object({
  id: Id,
  instruction: Id,
  response: z.string(),
});
export type ResponseLine = z.output<typeof ResponseLine>;

export interface ResponseRow extends ResponseLine {
  /** 1-based line in the responses file. */
  line: number;
}

export interface LineFailure {
  line: number;
  message: string;
}

export function parseResponsesJsonl(text: string): { rows: ResponseRow[]; failures: LineFailure[] } {
  const rows: ResponseRow[] = [];
  const { values, failures } = readJsonl(text);
  const firstLineOf = new Map<string, number>();
  for (const { line, value } of values) {
    const parsed = ResponseLine.safeParse(value);
    if (!parsed.success) {
      const why = parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ");
      failures.push({ line, message: `not a response line (${why})` });
      continue;
    }
    const first = firstLineOf.get(parsed.data.id);
    if (first !== undefined) {
      failures.push({ line, message: `response id '${parsed.data.id}' is already used on line ${first}` });
      continue;
    }
    firstLineOf.set(parsed.data.id, line);
    rows.push({ ...parsed.data, line });
  }
  // failures in line order, whichever step found them
  failures.sort((a, b) => a.line - b.line);
  return { rows, failures };
}
