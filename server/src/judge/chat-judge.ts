// The OpenAI-compatible chat-completions judge: one yes/no question per soft
// constraint, POST {baseUrl}/chat/completions. See docs/judges.md.

import { z } from "zod";
import { JudgeHttpError } from "./http.js";
import { probabilityOfYes } from "./logprobs.js";
import { adaptToRejection, buildChatBody, modeOf, probeChat, type ChatCapabilities, type ChatChoice, type Sampling } from "./probe.js";
import { buildChatMessages, newNonce, NONCE_PLACEHOLDER, parseVerdictReply, REASK_MESSAGE, safeNonce, VERDICT_JSON_SCHEMA, type VerdictReply } from "./prompt.js";
import { raceAbort, statusOf, type VerdictSource } from "./source.js";
import type { JudgeTransport } from "./transport.js";
import { buildSpanMessages, parseSpanReply, SPAN_JSON_SCHEMA, SPAN_REASK_MESSAGE } from "./extract-prompt.js";
import type { SoftJudgeRequest, SoftVerdict, SpanReplyResult, SpanRequest } from "./types.js";

export interface ChatJudgeSettings {
  baseUrl: string;
  model: string;
  seed: number;
  temperature: number;
  /** Sampling temperature for the 3-sample vote: at 0 the samples would repeat one answer. */
  voteTemperature: number;
  maxTokens: number;
}

const VOTE_SAMPLES = 3;

const ChatCompletion = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }), logprobs: z.unknown().optional() }))
    .min(1),
});

interface Sample {
  reply: VerdictReply;
  probability: number | undefined;
}

export class ChatVerdictSource implements VerdictSource {
  private capabilities: Promise<ChatCapabilities> | undefined;

  constructor(
    private readonly settings: ChatJudgeSettings,
    private readonly transport: JudgeTransport,
    /** Aborted when the judge is disposed; the shared probe is tied to it, not to one caller. */
    private readonly lifetime: AbortSignal,
  ) {}

  cacheKeyParts(request: SoftJudgeRequest): Record<string, unknown> {
    const { baseUrl, model, seed, temperature, voteTemperature, maxTokens } = this.settings;
    return {
      kind: "chat",
      baseUrl,
      model,
      messages: buildChatMessages(request, NONCE_PLACEHOLDER),
      schema: VERDICT_JSON_SCHEMA,
      sampling: { seed, temperature, voteTemperature, maxTokens },
    };
  }

  async decide(request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict> {
    const capabilities = await raceAbort(this.probe(), signal);
    if (modeOf(capabilities) === "schema-vote") return this.vote(request, capabilities, signal);
    const sample = await this.ask(request, capabilities, this.settings.temperature, 0, signal);
    if (sample === undefined) return { status: "error", error: "judge reply did not validate twice" };
    const { reply, probability } = sample;
    // Without logprobs the verdict field decides; it is authoritative over the evidence.
    const status = probability !== undefined ? statusOf(probability) : reply.verdict === "YES" ? "pass" : "fail";
    return { status, probability, evidence: reply.evidence };
  }

  spanCacheKeyParts(request: SpanRequest): Record<string, unknown> {
    const { baseUrl, model, seed, temperature, maxTokens } = this.settings;
    return { kind: "chat-span", baseUrl, model, messages: buildSpanMessages(request, NONCE_PLACEHOLDER), schema: SPAN_JSON_SCHEMA, sampling: { seed, temperature, maxTokens } };
  }

  /** One question for the span, re-asked once when the reply does not validate. */
  async extractSpan(request: SpanRequest, signal: AbortSignal): Promise<SpanReplyResult> {
    const capabilities = await raceAbort(this.probe(), signal);
    let nonce: string;
    do nonce = newNonce(); while (request.response.includes(nonce) || (request.prompt ?? "").includes(nonce));
    const messages = buildSpanMessages(request, nonce);
    const body = (m: typeof messages) => () => {
      const b = buildChatBody(this.settings.model, m, { ...capabilities, logprobs: false }, this.sampling(this.settings.temperature, 0));
      if (b.response_format !== undefined) b.response_format = { type: "json_schema", json_schema: SPAN_JSON_SCHEMA };
      return b;
    };
    const first = await this.sendAdapting(body(messages), capabilities, signal);
    const firstReply = first && parseSpanReply(first.content);
    if (firstReply) return { status: "ok", span: firstReply.span };
    this.transport.log("judge span reply did not validate; asking again");
    const retry = first ? [...messages, { role: "assistant" as const, content: first.content }, { role: "user" as const, content: SPAN_REASK_MESSAGE }] : messages;
    const second = await this.sendAdapting(body(retry), capabilities, signal);
    const secondReply = second && parseSpanReply(second.content);
    return secondReply ? { status: "ok", span: secondReply.span } : { status: "error", error: "judge span reply did not validate twice" };
  }

  private probe(): Promise<ChatCapabilities> {
    if (this.capabilities === undefined) {
      const sampling = this.sampling(this.settings.temperature, 0);
      this.capabilities = probeChat((body) => this.send(body, this.lifetime).then(requireChoice), this.settings.model, sampling, (line) => this.transport.log(line));
      // A failed probe (network down, 401) is not remembered: the next call probes again.
      this.capabilities.catch(() => (this.capabilities = undefined));
    }
    return this.capabilities;
  }

  private sampling(temperature: number, seedOffset: number): Sampling {
    return { temperature, seed: this.settings.seed + seedOffset, maxTokens: this.settings.maxTokens };
  }

  /** P(YES) = fraction of YES among samples with distinct seeds. */
  private async vote(request: SoftJudgeRequest, capabilities: ChatCapabilities, signal: AbortSignal): Promise<SoftVerdict> {
    const asks = Array.from({ length: VOTE_SAMPLES }, (_, i) => this.ask(request, capabilities, this.settings.voteTemperature, i, signal));
    const samples = await Promise.all(asks);
    if (samples.some((sample) => sample === undefined)) return { status: "error", error: "judge reply did not validate twice" };
    const replies = samples.map((sample) => sample!.reply);
    const probability = replies.filter((reply) => reply.verdict === "YES").length / replies.length;
    const status = statusOf(probability);
    const majority = replies.find((reply) => (reply.verdict === "YES") === (status === "pass"));
    return { status, probability, evidence: majority?.evidence };
  }

  /** One question, re-asked once when the reply does not validate; undefined after two bad replies. */
  private async ask(request: SoftJudgeRequest, capabilities: ChatCapabilities, temperature: number, seedOffset: number, signal: AbortSignal): Promise<Sample | undefined> {
    const messages = buildChatMessages(request, safeNonce(request));
    const sampling = this.sampling(temperature, seedOffset);
    const first = await this.sendAdapting(() => buildChatBody(this.settings.model, messages, capabilities, sampling), capabilities, signal);
    const firstReply = first && parseVerdictReply(first.content);
    if (first && firstReply) return { reply: firstReply, probability: capabilities.logprobs ? probabilityOfYes(first.content, first.logprobs) : undefined };
    this.transport.log("judge reply did not validate; asking again");
    const retryMessages = first ? [...messages, { role: "assistant" as const, content: first.content }, { role: "user" as const, content: REASK_MESSAGE }] : messages;
    const second = await this.sendAdapting(() => buildChatBody(this.settings.model, retryMessages, capabilities, sampling), capabilities, signal);
    const secondReply = second && parseVerdictReply(second.content);
    if (!second || !secondReply) return undefined;
    return { reply: secondReply, probability: capabilities.logprobs ? probabilityOfYes(second.content, second.logprobs) : undefined };
  }

  /** Sends, and when a 400 names a parameter (a reasoning model refusing temperature), drops it and resends. */
  private async sendAdapting(body: () => Record<string, unknown>, capabilities: ChatCapabilities, signal: AbortSignal): Promise<ChatChoice | undefined> {
    for (;;) {
      try {
        return await this.send(body(), signal);
      } catch (error) {
        if (!adaptToRejection(capabilities, error)) throw error;
        this.transport.log(`endpoint rejected a parameter, now ${JSON.stringify(capabilities)}`);
      }
    }
  }

  /** Undefined when the reply is not a chat completion. */
  private async send(body: Record<string, unknown>, signal: AbortSignal): Promise<ChatChoice | undefined> {
    const parsed = ChatCompletion.safeParse(await this.transport.post("/chat/completions", body, signal));
    if (!parsed.success) return undefined;
    const choice = parsed.data.choices[0];
    return { content: choice.message.content ?? "", logprobs: choice.logprobs };
  }
}

function requireChoice(choice: ChatChoice | undefined): ChatChoice {
  if (choice === undefined) throw new JudgeHttpError("probe: the endpoint's reply is not a chat completion", false);
  return choice;
}
