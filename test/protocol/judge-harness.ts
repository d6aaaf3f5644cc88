// A protocol client for the judge tests: the real server process over stdio, with
// the `lsrif` configuration, the environment and the answers to the server's judge
// requests (lsrif/judgeApiKey, lsrif/lmJudge) chosen by each test.

import { spawn, type ChildProcess } from "node:child_process";
import {
  CancellationTokenSource, createMessageConnection, type CancellationToken, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from "vscode-jsonrpc/node";
import { ExecuteCommandRequest, type PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import type { ScoreResult } from "../../server/src/scoring/result.js";
import { SERVER_BIN } from "./lsp-harness.js";

export interface JudgeSessionOptions {
  /** The `lsrif` section the client answers workspace/configuration with. */
  lsrif: () => unknown;
  /** The server's environment on top of a copy of this process's, without LSRIF_JUDGE_API_KEY. */
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** Extra request handlers (e.g. lsrif/judgeApiKey); a method without one answers MethodNotFound. */
  handlers?: Record<string, (params: unknown, token: CancellationToken) => unknown>;
}

export class JudgeSession {
  readonly logs: string[] = [];
  /** Every request the server sent to the client, by method, in order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  private readonly opened = new Set<string>();
  /** `uri@version` of every publishDiagnostics received. */
  readonly published = new Set<string>();

  private constructor(readonly connection: MessageConnection, private readonly child: ChildProcess) {}

  static async start(options: JudgeSessionOptions): Promise<JudgeSession> {
    const env: Record<string, string | undefined> = { ...process.env, ...options.env };
    if (!options.env || !("LSRIF_JUDGE_API_KEY" in options.env)) delete env.LSRIF_JUDGE_API_KEY;
    const child = spawn(process.execPath, [SERVER_BIN, "--stdio"], { stdio: ["pipe", "pipe", "pipe"], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new JudgeSession(connection, child);
    connection.onNotification("window/logMessage", (p: { message: string }) => { session.logs.push(p.message); });
    connection.onNotification("window/showMessage", (p: { message: string }) => { session.logs.push(`showMessage: ${p.message}`); });
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => { session.published.add(`${p.uri}@${p.version}`); });
    connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => {
      session.serverRequests.push({ method: "workspace/configuration", params: p });
      return p.items.map((item) => (item.section === "lsrif" ? options.lsrif() : null));
    });
    connection.onRequest("client/registerCapability", () => null);
    for (const [method, handler] of Object.entries(options.handlers ?? {})) {
      connection.onRequest(method, (params: unknown, token: CancellationToken) => {
        session.serverRequests.push({ method, params });
        return handler(params, token);
      });
    }
    connection.listen();
    await connection.sendRequest("initialize", {
      processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } },
      initializationOptions: options.initializationOptions,
    });
    connection.sendNotification("initialized", {});
    return session;
  }

  requestsFor(method: string): unknown[] {
    return this.serverRequests.filter((r) => r.method === method).map((r) => r.params);
  }

  /** Tells the server the settings changed; it pulls them again. Waits until it did. */
  async changeConfiguration(): Promise<void> {
    const pulls = this.requestsFor("workspace/configuration").length;
    this.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await waitFor("the server to pull the settings", () => this.requestsFor("workspace/configuration").length > pulls);
    // The pull is answered before the server applies it; a round trip makes sure it did.
    await this.connection.sendRequest("workspace/executeCommand", { command: "lsrif.importJson", arguments: ["{}"] });
  }

  /** Opens a document and waits for its first diagnostics, so it has been analysed. */
  async open(uri: string, text: string): Promise<void> {
    if (this.opened.has(uri)) return;
    this.opened.add(uri);
    this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "lsr", version: 1, text } });
    await waitFor(`diagnostics for ${uri}`, () => this.published.has(`${uri}@1`));
  }

  score(uri: string, response: string, cancel?: CancellationTokenSource): Promise<ScoreResult> {
    const params = { command: "lsrif.score", arguments: [uri, response, {}] };
    return this.connection.sendRequest(ExecuteCommandRequest.type, params, cancel?.token) as Promise<ScoreResult>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest("shutdown");
      // Awaited: the write is queued, and killing the process first would fail it.
      await this.connection.sendNotification("exit");
      await new Promise<void>((resolve) => {
        if (this.child.exitCode !== null) return resolve();
        const timer = setTimeout(resolve, 2000);
        this.child.once("exit", () => { clearTimeout(timer); resolve(); });
      });
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

export async function waitFor(what: string, ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
