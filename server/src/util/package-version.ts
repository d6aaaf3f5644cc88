// The version in lsrif's package.json, found by walking up from this file: the same answer from out/ (tsc), the
// bundled dist/server/ of the extension, and an npm install.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: string | undefined;

/** The package version, read from the package.json above this file. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "lsrif" && typeof manifest.version === "string") return (cached = manifest.version);
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  return "unknown";
}
