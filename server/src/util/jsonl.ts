// JSON Lines: one JSON value per non-blank line, each with its 1-based line number.
// A line that is not JSON becomes a failure with its line, never an exception.

export interface JsonlValue {
  line: number;
  value: unknown;
}

export interface JsonlFailure {
  line: number;
  message: string;
}

export function readJsonl(text: string): { values: JsonlValue[]; failures: JsonlFailure[] } {
  const values: JsonlValue[] = [];
  const failures: JsonlFailure[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    try {
      values.push({ line, value: JSON.parse(raw) });
    } catch (error) {
      failures.push({ line, message: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return { values, failures };
}
