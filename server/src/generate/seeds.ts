// Seed prompts for `lsrif generate`: JSON Lines of {"id", "prompt"} or plain text, one prompt per line.
// A line that starts with '{' is read as JSON; every other non-blank line is a prompt whose id is its line number.

import { z } from "zod";

export interface Seed {
  id: string;
  prompt: string;
  /** 1-based line in the seeds file. */
  line: number;
}

export interface SeedError {
  line: number;
  message: string;
}

const SeedLine = z.object({ id: z.union([z.string().min(1), z.number()]).optional(), prompt: z.string().trim().min(1) });

/** Never throws: bad lines come back as errors with their line number; a repeated id is an error on the later line. */
export function readSeeds(text: string): { seeds: Seed[]; errors: SeedError[] } {
  const seeds: Seed[] = [];
  const errors: SeedError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    if (raw.trim() === "") continue;
    const line = i + 1;
    let seed: Seed;
    if (raw.trimStart().startsWith("{")) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        errors.push({ line, message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      const parsed = SeedLine.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        errors.push({ line, message: `${issue.path.join(".") || "line"}: ${issue.message} (a seed line is {"id": "...", "prompt": "..."})` });
        continue;
      }
      seed = { id: parsed.data.id === undefined ? String(line) : String(parsed.data.id), prompt: parsed.data.prompt.trim(), line };
    } else {
      seed = { id: String(line), prompt: raw.trim(), line };
    }
    const first = seen.get(seed.id);
    if (first !== undefined) {
      errors.push({ line, message: `seed id '${seed.id}' is already used on line ${first}` });
      continue;
    }
    seen.set(seed.id, line);
    seeds.push(seed);
  }
  return { seeds, errors };
}
