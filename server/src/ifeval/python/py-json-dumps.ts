// Python's default `json.dumps` (ensure_ascii, ", " and ": " separators), so
// our result files are byte-identical to the official evaluator's.

export type PyJsonValue = string | number | boolean | null | PyJsonValue[] | { [key: string]: PyJsonValue };

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function dumpString(s: string): string {
  // Python escapes everything outside " ".."~"; UTF-16 code units give its surrogate-pair output.
  return `"${s.replace(/[\\"]|[^ -~]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** Keys are written in insertion order (Python dict order). */
export function pyJsonDumps(value: PyJsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return dumpString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${dumpString(k)}: ${pyJsonDumps(v)}`).join(", ")}}`;
}
