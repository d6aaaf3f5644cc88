// Runs `bin/lsrif.js` as a real child process without blocking the event loop
// (the loopback judge answers from this same process).

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(__dirname, "../../../..");
const bin = join(root, "bin/lsrif.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function lsrif(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // A clean environment: no judge key or cache location leaks in from the developer's shell.
    const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir() };
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every file under `dir`, recursively, with its text. */
export function filesUnder(dir: string): { path: string; text: string }[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, "utf8") }];
  });
}

export const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
