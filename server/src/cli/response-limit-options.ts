// `--max-response-bytes` for `lsrif score` and `lsrif score-batch` (and `lsrif serve`):
// the largest response the hard checks read; past it each hard leaf is an error.

import { DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES_CEILING } from "../scoring/response-limit.js";
import { CliError } from "./io.js";

/** parseArgs option definitions. */
export const RESPONSE_LIMIT_OPTIONS = {
  "max-response-bytes": { type: "string" },
} as const;

export const RESPONSE_LIMIT_USAGE = `  --max-response-bytes N   hard checks of a longer response are errors (default ${DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024}M;
                           N in bytes or with K, M, G (powers of 1024); at most ${MAX_RESPONSE_BYTES_CEILING / 1024 / 1024}M)`;

const UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** The limit in bytes from the flag value, or undefined (the default) when not given. */
export function maxResponseBytesFromFlags(values: { "max-response-bytes"?: unknown }): number | undefined {
  const raw = values["max-response-bytes"];
  if (raw === undefined) return undefined;
  const match = typeof raw === "string" ? /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(raw) : null;
  const bytes = match ? Number(match[1]) * UNITS[match[2].toLowerCase()] : NaN;
  if (!(bytes >= 1 && bytes <= MAX_RESPONSE_BYTES_CEILING)) {
    throw new CliError(`--max-response-bytes must be a size from 1 byte to ${MAX_RESPONSE_BYTES_CEILING / 1024 / 1024}M, such as 16M or 1048576 (got '${String(raw)}')`);
  }
  return bytes;
}
