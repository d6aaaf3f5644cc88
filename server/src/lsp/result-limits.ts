// Tells the user when an answer was cut to `lsrif.maxItemsComputed`: once per document
// (a window/showMessage) while any of its answers is cut, again only after every answer
// of it was whole once and one is cut anew; a log line each time a feature starts being
// cut. Server-side only, so every editor sees it. VS Code's JSON extension says the same
// through a status bar item of its own client; a message needs no client code.

import { MessageType, ShowMessageNotification, type Connection } from "vscode-languageserver";

export type LimitedFeature = "outline" | "folding";

const fmt = (n: number): string => n.toLocaleString("en-US");

function documentName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

/** What one answer kept; `total` is asked for only when the message is due (it may cost a walk of the document). */
export interface LimitOutcome {
  cut: boolean;
  limit: number;
  total?: () => number;
}

export class ResultLimitNotices {
  private readonly cutFeatures = new Map<string, Set<LimitedFeature>>();

  constructor(private readonly connection: Pick<Connection, "sendNotification" | "console">) {}

  report(uri: string, feature: LimitedFeature, outcome: LimitOutcome): void {
    const features = this.cutFeatures.get(uri) ?? new Set<LimitedFeature>();
    if (!outcome.cut) {
      features.delete(feature);
      if (features.size === 0) this.cutFeatures.delete(uri);
      return;
    }
    // 0 turns the features off on purpose: nothing to tell.
    if (features.has(feature) || outcome.limit === 0) return;
    const message = limitMessage(documentName(uri), feature, outcome.limit, outcome.total?.());
    this.connection.console.info(message);
    if (features.size === 0) void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    features.add(feature);
    this.cutFeatures.set(uri, features);
  }

  forget(uri: string): void {
    this.cutFeatures.delete(uri);
  }
}

export function limitMessage(name: string, feature: LimitedFeature, limit: number, total: number | undefined): string {
  const of = total === undefined ? `more than ${fmt(limit)}` : fmt(total);
  return feature === "outline"
    ? `lsrif: the outline of ${name} shows ${fmt(limit)} of ${of} items, the top levels first (setting lsrif.maxItemsComputed).`
    : `lsrif: ${name} has ${fmt(limit)} of ${of} folding ranges, the outermost first (setting lsrif.maxItemsComputed).`;
}
