// The last score of each document, so hovers can show each constraint's verdict.
// A verdict is shown only for the document version it was computed on: after an
// edit the source ranges no longer match.

import type { ScoreResult } from "../scoring/result.js";

export class LastScores {
  private readonly byUri = new Map<string, { version: number; result: ScoreResult }>();
  private readonly listeners: ((uri: string) => void)[] = [];

  setLastScore(uri: string, version: number, result: ScoreResult): void {
    this.byUri.set(uri, { version, result });
    for (const listener of this.listeners) listener(uri);
  }

  /** Called after every new score, from a command or the server API (inlay hints show the steps' r). */
  onDidSet(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  get(uri: string, version: number): ScoreResult | undefined {
    const entry = this.byUri.get(uri);
    return entry && entry.version === version ? entry.result : undefined;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
