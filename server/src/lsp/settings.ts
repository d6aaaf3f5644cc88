// Server settings from the client's `lsrif` configuration section.

import { z } from "zod";
import { DEFAULT_MAX_DEPTH } from "../analysis/analyze.js";

export const SettingsSchema = z.object({
  maxNestingDepth: z.number().int().min(1).max(1000).catch(DEFAULT_MAX_DEPTH).default(DEFAULT_MAX_DEPTH),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { maxNestingDepth: DEFAULT_MAX_DEPTH };

/** Anything the client sends becomes valid settings; bad values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
