// Server settings from the client's `lsrif` configuration section.

import { z } from "zod";
import { DEFAULT_MAX_DEPTH } from "../analysis/analyze.js";

/** VS Code's JSON extension caps its outline and folding at the same number (`json.maxItemsComputed`). */
export const DEFAULT_MAX_ITEMS_COMPUTED = 5000;

export const SettingsSchema = z.object({
  maxNestingDepth: z.number().int().min(1).max(1000).catch(DEFAULT_MAX_DEPTH).default(DEFAULT_MAX_DEPTH),
  /** At most this many outline symbols, folding ranges and highlights of a name per document; 0 turns them off. */
  maxItemsComputed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).catch(DEFAULT_MAX_ITEMS_COMPUTED).default(DEFAULT_MAX_ITEMS_COMPUTED),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { maxNestingDepth: DEFAULT_MAX_DEPTH, maxItemsComputed: DEFAULT_MAX_ITEMS_COMPUTED };

/** Anything the client sends becomes valid settings; bad values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
