// Starts the real server process over stdio and speaks JSON-RPC to it.

import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from "vscode-jsonrpc/node";
import type { Diagnostic, Position, PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const SERVER_BIN = path.join(REPO_ROOT, "bin", "lsrif-language-server.js");

/** Strips the `<|>` marker from a test text and gives its LSP position (and offset). */
export function withCursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf("<|>");
  if (offset < 0) throw new Error("no <|> marker in test text");
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  const before = text.slice(0, offset).split("\n");
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export class LspSession {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  readonly logs: string[] = [];
  /** The messages of window/showMessage notifications, in order. */
  readonly shown: string[] = [];
  /** Settles when the server has first been answered its workspace/configuration (its settings are applied after that). */
  readonly configured: Promise<void>;
  private markConfigured!: () => void;

  private constructor(readonly child: ChildProcess, settings: Record<string, unknown>) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => { this.logs.push(p.message); });
    this.connection.onNotification("window/showMessage", (p: { message: string }) => { this.shown.push(p.message); });
    this.configured = new Promise((resolve) => { this.markConfigured = resolve; });
    this.connection.onRequest("workspace/configuration", (p: unknown) => {
      setImmediate(() => this.markConfigured());
      return (p as { items: unknown[] }).items.map(() => settings);
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.listen();
  }

  /**
   * `workspace`: client workspace capabilities added to the default `{ configuration: true }`.
   * `settings`: the `lsrif` section the client answers; by default a nesting limit of 3, so the
   * protocol tests can see it applied.
   */
  static async start(workspace: Record<string, unknown> = {}, settings: Record<string, unknown> = { maxNestingDepth: 3 }): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER_BIN, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const session = new LspSession(child, settings);
    await session.connection.sendRequest("initialize", {
      processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, ...workspace } },
    });
    session.connection.sendNotification("initialized", {});
    return session;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  open(uri: string, text: string, version = 1): void {
    this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "lsr", version, text } });
  }

  change(uri: string, text: string, version: number): void {
    this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics published for `uri` at `version` (waits up to 30 s: a bound on a hang, not a speed check; CI machines can be loaded). */
  async diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const hit = (this.diagnostics.get(uri) ?? []).find((p) => p.version === version);
      if (hit) return hit.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Waits (up to 30 s, a bound on a hang) for a publication for `uri` that satisfies `accept`. */
  async waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const hit = (this.diagnostics.get(uri) ?? []).find((p) => accept(p.diagnostics));
      if (hit) return hit.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async stop(): Promise<void> {
    // After `exit` the server closes its end: a write racing that close fails with
    // EPIPE, which is the expected end of the session, not a test failure.
    this.child.stdin?.on("error", () => undefined);
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit").catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

/** Applies non-overlapping LSP text edits to a text. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: Position): number => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
