// Shared set-up for the judge tests: a judge pointed at a loopback server, with a
// recording sleep so retry delays can be asserted without waiting for them.

import { createJudge, type JudgeSettingsInput, type ManagedJudge } from "../../../server/src/judge/settings.js";
import { startLoopbackJudge, type LoopbackJudge, type LoopbackScript } from "../../helpers/loopback-judge.js";

export interface Harness {
  server: LoopbackJudge;
  judge: ManagedJudge;
  /** Every delay the retry logic asked to sleep, in ms. */
  sleeps: number[];
  logs: string[];
  /** Chat requests to the completions endpoint, parsed. */
  chatBodies(): Record<string, unknown>[];
}

export async function harness(script: LoopbackScript, settings: Partial<JudgeSettingsInput> = {}): Promise<Harness> {
  const server = await startLoopbackJudge(script);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const baseUrl = settings.kind === "classifier" ? server.baseUrl : server.chatBaseUrl;
  const judge = createJudge({ baseUrl, model: "loopback-model", ...settings }, (line) => logs.push(line), {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  return { server, judge, sleeps, logs, chatBodies: () => server.requests.map((request) => request.body as Record<string, unknown>) };
}

export async function closeHarness(h: Harness): Promise<void> {
  h.judge.dispose();
  await h.server.close();
}

export function userMessage(body: Record<string, unknown>): string {
  const messages = body.messages as { role: string; content: string }[];
  return messages.find((message) => message.role === "user")!.content;
}
