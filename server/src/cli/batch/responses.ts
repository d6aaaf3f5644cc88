// responses.jsonl: one `{"id", "instruction", "response"}` object per line,
// validated here; bad lines become file:line failures, never exceptions.

import { z } from "zod";

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
  const failures: LineFailure[] = [];
  const firstLineOf = new Map<string, number>();
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      failures.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = ResponseLine.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ");
      failures.push({ line, message: `not a response line (${why})` });
      return;
    }
    const first = firstLineOf.get(parsed.data.id);
    if (first !== undefined) {
      failures.push({ line, message: `response id '${parsed.data.id}' is already used on line ${first}` });
      return;
    }
    firstLineOf.set(parsed.data.id, line);
    rows.push({ ...parsed.data, line });
  });
  return { rows, failures };
}
