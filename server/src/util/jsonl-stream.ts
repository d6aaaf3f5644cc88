// JSON Lines read as a stream: one value per non-blank line with its 1-based line
// number, holding one line in memory at a time (node:readline does the splitting).
// A line that is not JSON becomes a failure with its line, never an exception.

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { JsonlFailure, JsonlValue } from "./jsonl.js";

export type JsonlItem = ({ ok: true } & JsonlValue) | ({ ok: false } & JsonlFailure);

/** Rejects (ENOENT, EISDIR, ...) only when the file cannot be read at all. */
export async function* streamJsonl(path: string): AsyncGenerator<JsonlItem> {
  // 1 MiB reads rather than the default 64 KiB: fewer reads on files of many MB.
  const input = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      if (raw.trim() === "") continue;
      try {
        yield { ok: true, line, value: JSON.parse(raw) };
      } catch (error) {
        yield { ok: false, line, message: `not valid JSON: ${(error as Error).message}` };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
