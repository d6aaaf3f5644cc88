// `--proposer llm`: asks an OpenAI-compatible chat endpoint for composite constraints (the paper's method), through
// the judge's transport (key only from the environment, retries, concurrency, redacted logs). Replies are cached
// on disk by a hash of the request, so a resumed run re-uses them. A candidate with problems is re-asked once with
// the problems; the caller validates the answers.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { JudgeHttpError } from "../judge/http.js";
import type { JudgeTransport } from "../judge/transport.js";
import { PROPOSAL_JSON_SCHEMA, reaskPrompt, systemPrompt, userPrompt } from "./proposer-prompt.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

const Completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1) });
const Proposal = z.object({ composite_constraints: z.array(z.unknown()).min(1) });

export interface LlmProposerSettings {
  model: string;
  /** Composite constraints asked for per seed (the paper: 3). */
  count: number;
  temperature: number;
  cacheDir?: string;
}

export interface Proposal {
  /** One LsrInstruct document per composite constraint, each with the seed prompt. */
  candidates: unknown[];
  messages: ChatMessage[];
  /** The problem with the reply itself (not JSON, wrong shape); the candidates are then empty. */
  replyError?: string;
}

export class LlmProposer {
  /** Whether to send response_format; turned off after the server rejects it once. */
  private structured = true;

  constructor(private readonly settings: LlmProposerSettings, private readonly transport: JudgeTransport) {}

  promptHash(): string {
    return createHash("sha256").update(systemPrompt(this.settings.count)).digest("hex").slice(0, 16);
  }

  async propose(seedPrompt: string, signal: AbortSignal): Promise<Proposal> {
    const messages: ChatMessage[] = [
      { role: "system", content: systemPrompt(this.settings.count) },
      { role: "user", content: userPrompt(seedPrompt) },
    ];
    return this.ask(seedPrompt, messages, signal);
  }

  /** The same conversation with the model's answer and the problems found in it. */
  async reask(seedPrompt: string, previous: Proposal, problems: readonly string[], signal: AbortSignal): Promise<Proposal> {
    return this.ask(seedPrompt, [...previous.messages, { role: "user", content: reaskPrompt(problems) }], signal);
  }

  private async ask(seedPrompt: string, messages: ChatMessage[], signal: AbortSignal): Promise<Proposal> {
    const content = await this.complete(messages, signal);
    const answered: ChatMessage[] = [...messages, { role: "assistant", content }];
    const json = extractJson(content);
    if (json === undefined) return { candidates: [], messages: answered, replyError: "the reply is not JSON" };
    const parsed = Proposal.safeParse(json);
    if (!parsed.success) return { candidates: [], messages: answered, replyError: 'the reply has no "composite_constraints" list' };
    const candidates = parsed.data.composite_constraints.map((composite) => ({ prompt: seedPrompt, composite_constraints: [{ composite_constraint: composite }] }));
    return { candidates, messages: answered };
  }

  private async complete(messages: ChatMessage[], signal: AbortSignal): Promise<string> {
    const body = (structured: boolean) => ({
      model: this.settings.model,
      messages,
      temperature: this.settings.temperature,
      ...(structured ? { response_format: { type: "json_schema", json_schema: { name: "composite_constraints", schema: PROPOSAL_JSON_SCHEMA } } } : {}),
    });
    const key = createHash("sha256").update(JSON.stringify(body(false))).digest("hex");
    const cached = this.readCache(key);
    if (cached !== undefined) return cached;
    let reply: unknown;
    try {
      reply = await this.transport.post("/chat/completions", body(this.structured), signal);
    } catch (error) {
      // A server without structured output answers 400 to response_format: ask again without it, once for the run.
      if (!(this.structured && error instanceof JudgeHttpError && error.status === 400)) throw error;
      this.structured = false;
      reply = await this.transport.post("/chat/completions", body(false), signal);
    }
    const parsed = Completion.safeParse(reply);
    if (!parsed.success) throw new JudgeHttpError("the chat endpoint's reply has no choices[0].message", false);
    const content = parsed.data.choices[0].message.content ?? "";
    this.writeCache(key, content);
    return content;
  }

  private readCache(key: string): string | undefined {
    if (!this.settings.cacheDir) return undefined;
    try {
      return z.object({ content: z.string() }).parse(JSON.parse(readFileSync(join(this.settings.cacheDir, `${key}.json`), "utf8"))).content;
    } catch {
      return undefined;
    }
  }

  private writeCache(key: string, content: string): void {
    if (!this.settings.cacheDir) return;
    try {
      mkdirSync(this.settings.cacheDir, { recursive: true });
      const file = join(this.settings.cacheDir, `${key}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify({ content }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // A cache that cannot be written only costs a repeated request.
    }
  }
}

/** The JSON object in a reply: the whole text, or the first fenced or brace-delimited block. */
export function extractJson(content: string): unknown {
  const attempts = [content, /```(?:json)?\s*([\s\S]*?)```/.exec(content)?.[1], content.slice(content.indexOf("{"), content.lastIndexOf("}") + 1)];
  for (const text of attempts) {
    if (!text || text.trim() === "") continue;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // try the next shape
    }
  }
  return undefined;
}
