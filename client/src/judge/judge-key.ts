// The judge API key in SecretStorage, bound to the origin of the base URL it was
// stored for. A key is never sent to another origin unless the user confirms.
// Only origins are ever logged.

import * as vscode from "vscode";
import { CLIENT_COMMANDS } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";

const SECRET_PREFIX = "lsrif.judge.apiKey:";
/** globalState: the origins that have a stored key, so a changed origin can be noticed. */
const ORIGINS_KEY = "lsrif.judge.keyOrigins";

export function originOf(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export class JudgeKeyStore {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {}

  private origins(): string[] {
    return this.context.globalState.get<string[]>(ORIGINS_KEY, []);
  }

  private async remember(origin: string, key: string): Promise<void> {
    await this.context.secrets.store(SECRET_PREFIX + origin, key);
    await this.context.globalState.update(ORIGINS_KEY, [...new Set([...this.origins(), origin])]);
  }

  /** The command: asks for the key and stores it for the configured base URL's origin. */
  async promptAndStore(): Promise<boolean> {
    const baseUrl = vscode.workspace.getConfiguration("lsrif.judge").get<string>("baseUrl", "");
    const origin = originOf(baseUrl);
    if (!origin) {
      const configure = "Configure Judge…";
      const answer = await vscode.window.showErrorMessage("LsrIF: the judge has no URL yet (setting lsrif.judge.baseUrl); the key is bound to its origin.", configure);
      if (answer === configure) await vscode.commands.executeCommand(CLIENT_COMMANDS.configureJudge);
      return false;
    }
    return this.ask(origin, false);
  }

  /**
   * Asks for the key of `origin` and stores it. `optional`: an empty answer means "no key"
   * (a local server) and keeps nothing. Returns whether a key was stored.
   */
  async ask(origin: string, optional: boolean): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: `Judge API key for ${origin}`,
      prompt: `Stored in VS Code's secret storage and sent only to ${origin}.`,
      password: true,
      ignoreFocusOut: true,
      ...(optional ? { placeHolder: "Leave empty if the endpoint needs no key" } : {}),
      validateInput: (v) => (!optional && v.trim() === "" ? "The key is empty." : undefined),
    });
    if (!key || key.trim() === "") return false;
    await this.remember(origin, key.trim());
    this.log.info(`Stored a judge API key for ${origin}`);
    return true;
  }

  /** Stores `key` for `origin` (Configure Judge with a key given up front). */
  async store(origin: string, key: string): Promise<void> {
    await this.remember(origin, key.trim());
    this.log.info(`Stored a judge API key for ${origin}`);
  }

  /** Whether a key is stored for this URL's own origin (never reads it out). */
  async hasKeyFor(baseUrl: string): Promise<boolean> {
    const origin = originOf(baseUrl);
    return origin !== undefined && (await this.context.secrets.get(SECRET_PREFIX + origin)) !== undefined;
  }

  /**
   * The key to send to `baseUrl`. When only a key for another origin exists the user
   * is asked (modal) whether to send it there; undefined when there is none or they decline.
   */
  async keyFor(baseUrl: string): Promise<string | undefined> {
    const origin = originOf(baseUrl);
    if (!origin) return undefined;
    const own = await this.context.secrets.get(SECRET_PREFIX + origin);
    if (own) return own;
    const previous = this.origins().filter((o) => o !== origin);
    if (previous.length === 0) return undefined;
    const from = previous[previous.length - 1];
    const send = `Send it to ${origin}`;
    const answer = await vscode.window.showWarningMessage(
      `The judge URL now points to ${origin}, but your API key was stored for ${from}. Send that key to ${origin}?`,
      { modal: true },
      send,
    );
    if (answer !== send) {
      this.log.warn(`Judge key for ${from} not sent to ${origin}: not confirmed`);
      return undefined;
    }
    const key = await this.context.secrets.get(SECRET_PREFIX + from);
    if (key) await this.remember(origin, key);
    this.log.info(`Judge key for ${from} confirmed for ${origin}`);
    return key;
  }
}
