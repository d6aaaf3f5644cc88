// Starts code-server on a free loopback port in its own process group, with a
// HOME, user-data and extensions folder private to this run, and stops it by
// killing the whole group (also when the runner exits or is signalled).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "./free-port.js";

export interface CodeServerOptions {
  /** The folder setup.sh installed code-server into (holds node_modules/code-server). */
  installDir: string;
  /** A fresh folder for this run: HOME, user data and extensions go under it. */
  runDir: string;
  /** User settings merged over the harness defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
  /** Where code-server's stdout and stderr go. */
  logFile: string;
  healthTimeoutMs?: number;
}

export interface RunningCodeServer {
  host: string;
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
}

export const DEFAULT_USER_SETTINGS: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "workbench.tips.enabled": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
};

export function codeServerEntry(installDir: string): string {
  return join(installDir, "node_modules", "code-server", "out", "node", "entry.js");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms (${lastError})`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const entry = codeServerEntry(options.installDir);
  if (!existsSync(entry)) throw new Error(`code-server is not installed (${entry} missing): run test/e2e/setup.sh`);

  const home = join(options.runDir, "home");
  const userDataDir = join(options.runDir, "user-data");
  const extensionsDir = join(options.runDir, "extensions");
  for (const dir of [home, join(userDataDir, "User"), extensionsDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(userDataDir, "User", "settings.json"),
    JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...options.settings }, null, 2),
  );

  const host = "127.0.0.1";
  const port = await findFreePort();
  const log = createWriteStream(options.logFile);
  const child = spawn(
    process.execPath,
    [
      entry,
      "--auth", "none",
      "--bind-addr", `${host}:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--extensions-dir", extensionsDir,
      "--user-data-dir", userDataDir,
    ],
    {
      detached: true, // its own process group, so one kill reaches the extension host too
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config"), XDG_DATA_HOME: join(home, ".local", "share"), ...options.env },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  // A runner that exits or is signalled must not leave code-server behind.
  const killOnExit = () => killGroup(child, "SIGKILL");
  const exitOnSignal = (signal: NodeJS.Signals) => process.exit(signal === "SIGINT" ? 130 : 143);
  process.on("exit", killOnExit);
  process.once("SIGINT", exitOnSignal);
  process.once("SIGTERM", exitOnSignal);

  const stop = async () => {
    process.off("exit", killOnExit);
    process.off("SIGINT", exitOnSignal);
    process.off("SIGTERM", exitOnSignal);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, "SIGKILL"); // stragglers in the group (extension host, server)
    await new Promise<void>((resolve) => log.end(resolve));
  };

  const baseUrl = `http://${host}:${port}`;
  try {
    await waitHealthy(baseUrl, child, options.healthTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host, port, baseUrl, stop };
}
