// `in extract "..."`: the judge names the span; one request per description and
// text in a scoring run (the judge's own cache keeps them across runs).

import { EXTRACTION_NEEDS_CHAT, type SoftJudge } from "../judge/types.js";
import type { Extraction, Extractor } from "../scopes/views.js";

export function judgeExtractor(judge: SoftJudge | undefined, prompt: string | undefined, signal: AbortSignal | undefined): Extractor {
  const asked = new Map<string, Promise<Extraction>>();
  return (description, text) => {
    const key = JSON.stringify([description, text]);
    let found = asked.get(key);
    if (found === undefined) {
      found = ask(judge, description, text, prompt, signal);
      asked.set(key, found);
    }
    return found;
  };
}

async function ask(judge: SoftJudge | undefined, description: string, text: string, prompt: string | undefined, signal: AbortSignal | undefined): Promise<Extraction> {
  if (judge === undefined) return { status: "unjudged" };
  // A judge that cannot answer in text (a classifier): unjudged with the reason, like a soft constraint without a judge.
  if (judge.extract === undefined) return { status: "unjudged", reason: EXTRACTION_NEEDS_CHAT };
  try {
    const reply = await judge.extract({ description, response: text, ...(prompt !== undefined ? { prompt } : {}) }, signal);
    if (reply.status === "unsupported") return { status: "unjudged", reason: reply.reason };
    return reply.status === "ok" ? { status: "ok", span: reply.span, ...(reply.cached ? { cached: true } : {}) } : reply;
  } catch (error) {
    return { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
