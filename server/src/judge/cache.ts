// The on-disk verdict cache: one JSON file per key under a directory, written
// atomically (temp file + rename) so a crash never leaves a half-written entry.
// Only pass/fail verdicts are stored; errors are never cached.

import { createHash, randomBytes } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { redact } from "./redact.js";
import type { SoftVerdict } from "./types.js";

/** Bump when the prompt, parsing or the key's content changes meaning. */
export const CACHE_PROTOCOL_VERSION = 1;

const CachedVerdict = z.object({
  status: z.enum(["pass", "fail"]),
  probability: z.number().min(0).max(1).optional(),
  evidence: z.string().optional(),
});
type CachedVerdict = z.infer<typeof CachedVerdict>;

/**
 * sha256 of the canonical JSON of `parts`. Callers pass protocol version, base URL,
 * model, messages, schema and sampling settings, and never the API key.
 */
export function cacheKey(parts: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify({ version: CACHE_PROTOCOL_VERSION, ...parts })).digest("hex");
}

const CachedSpan = z.object({ span: z.string() });

export class VerdictCache {
  private madeDir: Promise<unknown> | undefined;

  /** `secrets` (the API key) are redacted from evidence read or written, with any authorization-like header value. */
  constructor(private readonly dir: string, private readonly secrets: readonly string[] = []) {}

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /**
   * Undefined on a miss, an unreadable file or an entry that does not validate.
   * Reads synchronously: entries are ~100 bytes, and an async read costs four
   * thread-pool round trips per file, which made a 1,000-verdict cached run 5x slower.
   */
  get(key: string): CachedVerdict | undefined {
    try {
      const parsed = CachedVerdict.safeParse(JSON.parse(readFileSync(this.file(key), "utf8")));
      if (!parsed.success) return undefined;
      // Entries written before redaction covered evidence may still hold an echoed key.
      const entry = parsed.data;
      return entry.evidence === undefined ? entry : { ...entry, evidence: redact(entry.evidence, this.secrets) };
    } catch {
      return undefined;
    }
  }

  /** An extracted span (`in extract "..."`), stored beside the verdicts under its own keys. */
  getSpan(key: string): string | undefined {
    try {
      const parsed = CachedSpan.safeParse(JSON.parse(readFileSync(this.file(key), "utf8")));
      return parsed.success ? parsed.data.span : undefined;
    } catch {
      return undefined;
    }
  }

  async setSpan(key: string, span: string): Promise<void> {
    await this.write(key, JSON.stringify({ span }));
  }

  private async write(key: string, content: string): Promise<void> {
    const temp = join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      this.madeDir ??= fs.mkdir(this.dir, { recursive: true });
      await this.madeDir;
      await fs.writeFile(temp, content);
      await fs.rename(temp, this.file(key));
    } catch {
      this.madeDir = undefined;
      await fs.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** Stores a pass/fail verdict; ignores errors (a failed write only costs a future request). */
  async set(key: string, verdict: SoftVerdict): Promise<void> {
    if (verdict.status === "error") return;
    const entry: CachedVerdict = { status: verdict.status, probability: verdict.probability, evidence: verdict.evidence };
    await this.write(key, JSON.stringify(entry));
  }
}
