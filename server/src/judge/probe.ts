// What an OpenAI-compatible endpoint supports, found once per judge by a probe
// request, and how a request body is built from that.
//
// Fallback order: json_schema + logprobs, then json_schema with a 3-sample vote,
// then plain prompted JSON. A 400 that names a parameter (reasoning models reject
// `temperature`, `logprobs`, `max_tokens`) drops that parameter and tries again.

import { JudgeHttpError } from "./http.js";
import { probabilityOfYes } from "./logprobs.js";
import { buildChatMessages, newNonce, VERDICT_JSON_SCHEMA, type ChatMessage } from "./prompt.js";

export interface ChatCapabilities {
  jsonSchema: boolean;
  logprobs: boolean;
  temperature: boolean;
  seed: boolean;
  maxTokens: boolean;
}

export type ChatMode = "schema-logprobs" | "schema-vote" | "prompted";

export const ALL_CAPABILITIES: ChatCapabilities = { jsonSchema: true, logprobs: true, temperature: true, seed: true, maxTokens: true };

export function modeOf(capabilities: ChatCapabilities): ChatMode {
  if (capabilities.jsonSchema && capabilities.logprobs) return "schema-logprobs";
  if (capabilities.jsonSchema) return "schema-vote";
  return "prompted";
}

export interface Sampling {
  temperature: number;
  seed: number;
  maxTokens: number;
}

export function buildChatBody(model: string, messages: ChatMessage[], capabilities: ChatCapabilities, sampling: Sampling): Record<string, unknown> {
  const body: Record<string, unknown> = { model, messages };
  if (capabilities.temperature) body.temperature = sampling.temperature;
  if (capabilities.seed) body.seed = sampling.seed;
  if (capabilities.maxTokens) body.max_tokens = sampling.maxTokens;
  if (capabilities.jsonSchema) body.response_format = { type: "json_schema", json_schema: VERDICT_JSON_SCHEMA };
  if (capabilities.logprobs) {
    body.logprobs = true;
    body.top_logprobs = 5;
  }
  return body;
}

/**
 * Turns off the capability a 400 complains about. Returns false when the error is
 * not a 400 or names nothing left to drop.
 */
export function adaptToRejection(capabilities: ChatCapabilities, error: unknown): boolean {
  if (!(error instanceof JudgeHttpError) || error.status !== 400) return false;
  const text = (error.body ?? error.message).toLowerCase();
  const named: [keyof ChatCapabilities, RegExp][] = [
    ["temperature", /temperature/],
    ["logprobs", /logprobs/],
    ["seed", /\bseed\b/],
    ["maxTokens", /max_tokens/],
    ["jsonSchema", /response_format|json_schema/],
  ];
  for (const [capability, pattern] of named) {
    if (capabilities[capability] && pattern.test(text)) {
      capabilities[capability] = false;
      return true;
    }
  }
  // An unexplained 400 is most likely the structured-output request.
  if (capabilities.jsonSchema) {
    capabilities.jsonSchema = false;
    return true;
  }
  return false;
}

export interface ChatChoice {
  content: string;
  logprobs: unknown;
}

/** Sends one probe question and narrows the capabilities to what the endpoint accepted and returned. */
export async function probeChat(
  send: (body: Record<string, unknown>) => Promise<ChatChoice>,
  model: string,
  sampling: Sampling,
  log: (line: string) => void,
): Promise<ChatCapabilities> {
  const capabilities = { ...ALL_CAPABILITIES };
  const messages = buildChatMessages({ constraint: "The response is a greeting.", response: "Hello there!" }, newNonce());
  for (;;) {
    try {
      const choice = await send(buildChatBody(model, messages, capabilities, sampling));
      if (capabilities.logprobs && probabilityOfYes(choice.content, choice.logprobs) === undefined) capabilities.logprobs = false;
      log(`probe: mode ${modeOf(capabilities)} (${JSON.stringify(capabilities)})`);
      return capabilities;
    } catch (error) {
      if (!adaptToRejection(capabilities, error)) throw error;
      log(`probe: endpoint rejected a parameter, now ${JSON.stringify(capabilities)}`);
    }
  }
}
