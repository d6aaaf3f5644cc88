// The `lsrif.judge` settings as the editor sends them, turned into what the
// server builds: no judge, the editor's vscode.lm, an HTTP judge (chat or
// classifier, validated by parseJudgeSettings), or an error to report on scoring.
// An API key is never part of these settings: unknown fields are dropped.

import { z } from "zod";
import { parseJudgeSettings, type JudgeSettings } from "../judge/settings.js";

export const EditorJudgeSettings = z.object({
  kind: z.enum(["none", "chat", "classifier", "vscode-lm"]).default("none"),
  baseUrl: z.string().default(""),
  model: z.string().default(""),
  concurrency: z.number().int().optional(),
  timeoutMs: z.number().int().optional(),
  cache: z.boolean().default(true),
});
export type EditorJudgeSettings = z.output<typeof EditorJudgeSettings>;

export type JudgeConfig =
  | { kind: "none" }
  | { kind: "invalid"; error: string }
  | { kind: "vscode-lm"; model: string }
  /** `settings` never holds an apiKey; it is asked for at scoring time. */
  | { kind: "http"; settings: JudgeSettings };

/** `raw` is the `judge` object of the `lsrif` section; `cacheDir` the per-user verdict cache. */
export function resolveJudgeConfig(raw: unknown, cacheDir: string): JudgeConfig {
  const editor = EditorJudgeSettings.safeParse(raw ?? {});
  if (!editor.success) {
    return { kind: "invalid", error: editor.error.issues.map((i) => `lsrif.judge.${i.path.join(".")}: ${i.message}`).join("; ") };
  }
  const { kind, baseUrl, model, concurrency, timeoutMs, cache } = editor.data;
  if (kind === "none") return { kind: "none" };
  if (kind === "vscode-lm") return { kind: "vscode-lm", model };
  const parsed = parseJudgeSettings({ kind, baseUrl, model, concurrency, timeoutMs, cacheDir: cache ? cacheDir : undefined });
  if (!parsed.ok) return { kind: "invalid", error: parsed.error.replace(/(^|; )([A-Za-z]+):/g, "$1lsrif.judge.$2:") };
  return { kind: "http", settings: parsed.settings };
}

/** The `judge` object inside an `lsrif` section (undefined when absent). */
export function judgeSectionOf(lsrifSection: unknown): unknown {
  return typeof lsrifSection === "object" && lsrifSection !== null ? (lsrifSection as { judge?: unknown }).judge : undefined;
}
