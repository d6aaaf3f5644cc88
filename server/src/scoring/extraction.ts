// `in extract "..."`: the judge names the span; one request per description and
// text in a scoring run (the judge's own cache keeps them across runs).

import type { SoftJudge } from "../judge/types.js";
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
  if (judge.extract === undefined) return { status: "error", error: "the configured judge cannot extract spans (in extract \"...\")" };
  try {
    const reply = await judge.extract({ description, response: text, ...(prompt !== undefined ? { prompt } : {}) }, signal);
    return reply.status === "ok" ? { status: "ok", span: reply.span, ...(reply.cached ? { cached: true } : {}) } : reply;
  } catch (error) {
    return { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
