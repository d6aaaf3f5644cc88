// Command-line plumbing: reading inputs, reporting positions, exit codes.

import { readFileSync } from "node:fs";

/** Exit codes: 0 success, 1 checks failed, 2 unusable input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_UNUSABLE = 2;

/** An error the user can act on; printed without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_UNUSABLE) {
    super(message);
  }
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
}

/**
 * When the reader of stdout or stderr goes away (`lsrif check m.lsr | head -1`), writes
 * fail with EPIPE; exit quietly then, as a Unix filter does, instead of printing a stack.
 */
export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(EXIT_OK);
      throw error;
    });
  }
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, "utf8"),
};

/** Reads a UTF-8 file, or standard input for `-`. */
export function readInput(path: string, io: Io): string {
  try {
    return path === "-" ? io.readStdin() : readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw new CliError(`${path === "-" ? "<stdin>" : path}: cannot read: ${why}`);
  }
}
