// A scripted judge server on 127.0.0.1 for tests and the benchmark (test code: not in the
// shipped tree; bench/ imports it through the test project). It speaks the OpenAI chat-completions API on
// /v1/chat/completions, vLLM's /classify (lists), TEI's /predict (lists) and the
// LsrIF authors' /predict ({"answer", "question"}), answers by the
// *constraint* it finds after the nonce-marked response, and records every request.

import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when not JSON). */
  body: unknown;
  raw: string;
  /** Set when the client went away before the answer was sent (a cancelled request). */
  closedEarly?: boolean;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string;
  /** Never answer (a timeout). */
  hang?: boolean;
  /** Drop the connection without an answer (a reset). */
  destroy?: boolean;
  /** Send `chunk` `count` times (a huge reply without holding it in memory); stops when the client goes away. */
  stream?: { chunk: string; count: number };
}

export type Verdict = "YES" | "NO";

export interface LoopbackScript {
  /** Per-request override; `index` counts requests from 0. Return undefined to use the rules below. */
  handle?: (request: RecordedRequest, index: number) => ScriptedReply | undefined;
  /** Verdict by exact constraint text; default YES. */
  verdicts?: Record<string, Verdict>;
  /** P(YES) by constraint for logprobs and classifiers; default 0.9 for YES, 0.1 for NO. */
  probabilities?: Record<string, number>;
  /** Evidence by constraint (may disagree with the verdict on purpose). */
  evidence?: Record<string, string>;
  /** Return logprobs when asked; default true. */
  logprobs?: boolean;
  /** Accept response_format json_schema; when false such requests get a 400. Default true. */
  jsonSchema?: boolean;
  /** Body parameters answered with a 400 naming them (e.g. a reasoning model's "temperature"). */
  rejectParameters?: string[];
  /** Delay before every answer. */
  latencyMs?: number;
  /** Span extraction (`in extract "..."`): the span to answer by description; default "" (unusable). */
  spans?: Record<string, string>;
}

export interface LoopbackJudge {
  /** http://127.0.0.1:PORT, the classifier base URL. */
  baseUrl: string;
  /** baseUrl + "/v1", the chat base URL. */
  chatBaseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The constraint after the closing response marker, found the way a careful model would. */
export function constraintOf(userMessage: string): string | undefined {
  return labelledAfterResponse(userMessage, "Constraint: ");
}

/** The text after `label` that follows the closing response marker. */
function labelledAfterResponse(userMessage: string, label: string): string | undefined {
  const open = /<<<RESPONSE ([0-9a-f]+)>>>/.exec(userMessage);
  if (!open) return undefined;
  const close = `<<<END RESPONSE ${open[1]}>>>`;
  const after = userMessage.slice(userMessage.lastIndexOf(close) + close.length);
  const at = after.indexOf(label);
  return at < 0 ? undefined : after.slice(at + label.length);
}

/** The description of a span-extraction request, after the closing response marker. */
export function descriptionOf(userMessage: string): string | undefined {
  return labelledAfterResponse(userMessage, "Description: ");
}

function verdictFor(script: LoopbackScript, constraint: string | undefined): { verdict: Verdict; probability: number } {
  const verdict = (constraint !== undefined && script.verdicts?.[constraint]) || "YES";
  const probability = (constraint !== undefined ? script.probabilities?.[constraint] : undefined) ?? (verdict === "YES" ? 0.9 : 0.1);
  return { verdict, probability };
}

const logOf = (p: number) => (p > 0 ? Math.log(p) : -100);

function chatReply(script: LoopbackScript, body: Record<string, unknown>): ScriptedReply {
  const rejected = (script.rejectParameters ?? []).find((name) => name in body);
  if (rejected) return { status: 400, body: { error: { message: `Unsupported parameter: '${rejected}' is not supported with this model.` } } };
  if (script.jsonSchema === false && body.response_format !== undefined) {
    return { status: 400, body: { error: { message: "response_format of type json_schema is not supported by this server" } } };
  }
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: string }[]) : [];
  const user = messages.find((message) => message.role === "user")?.content ?? "";
  const description = descriptionOf(user);
  if (description !== undefined) return { body: chatCompletionBody(JSON.stringify({ span: script.spans?.[description] ?? "" })) };
  const constraint = constraintOf(user);
  const { verdict, probability } = verdictFor(script, constraint);
  const evidence = (constraint !== undefined ? script.evidence?.[constraint] : undefined) ?? "judged by the loopback server";
  const content = JSON.stringify({ evidence, verdict });
  let logprobs: unknown = null;
  if (body.logprobs === true && script.logprobs !== false) {
    const valueAt = content.lastIndexOf(`"${verdict}"`) + 1;
    const other: Verdict = verdict === "YES" ? "NO" : "YES";
    const pVerdict = verdict === "YES" ? probability : 1 - probability;
    logprobs = {
      content: [
        { token: content.slice(0, valueAt), logprob: 0, top_logprobs: [] },
        {
          token: verdict,
          logprob: logOf(pVerdict),
          top_logprobs: [
            { token: verdict, logprob: logOf(pVerdict) },
            { token: other, logprob: logOf(1 - pVerdict) },
          ],
        },
        { token: content.slice(valueAt + verdict.length), logprob: 0, top_logprobs: [] },
      ],
    };
  }
  return { body: chatCompletionBody(content, logprobs) };
}

/** A chat-completions reply carrying `content`, for scripted handlers. */
export function chatCompletionBody(content: string, logprobs: unknown = null): unknown {
  return { id: "loopback", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, logprobs, finish_reason: "stop" }] };
}

function classifyReply(script: LoopbackScript, body: Record<string, unknown>): ScriptedReply {
  const texts = Array.isArray(body.input) ? body.input.filter((text): text is string => typeof text === "string") : [];
  const known = [...Object.keys(script.verdicts ?? {}), ...Object.keys(script.probabilities ?? {})];
  const data = (texts.length ? texts : [""]).map((text, index) => {
    const constraint = known.filter((candidate) => text.includes(candidate)).sort((a, b) => b.length - a.length)[0];
    const { probability } = verdictFor(script, constraint);
    return { index, label: probability >= 0.5 ? "LABEL_1" : "LABEL_0", probs: [1 - probability, probability], num_classes: 2 };
  });
  return { body: { id: "loopback", object: "list", data } };
}

/** TEI's pair classification ({"inputs": [[response, constraint], ...]}) or the LsrIF authors' {"answer", "question"}. */
function predictReply(script: LoopbackScript, body: Record<string, unknown>): ScriptedReply {
  if (typeof body.question === "string") {
    const { probability } = verdictFor(script, body.question);
    return { body: { value: Math.round(probability * 1000) / 1000, pred: probability >= 0.5 ? 1 : 0 } };
  }
  const pairs = Array.isArray(body.inputs) ? (body.inputs as unknown[]) : [];
  const perPair = pairs.map((pair) => {
    const constraint = Array.isArray(pair) && typeof pair[1] === "string" ? pair[1] : undefined;
    const { probability } = verdictFor(script, constraint);
    return [
      { label: "LABEL_1", score: probability },
      { label: "LABEL_0", score: 1 - probability },
    ].sort((a, b) => b.score - a.score);
  });
  return { body: perPair };
}

function send(res: ServerResponse, reply: ScriptedReply): void {
  if (reply.destroy) {
    res.socket?.destroy();
    return;
  }
  if (reply.hang) return;
  if (reply.stream) {
    const { chunk, count } = reply.stream;
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    let sent = 0;
    const more = (): void => {
      while (sent < count && !res.destroyed) {
        sent++;
        if (!res.write(chunk)) return void res.once("drain", more);
      }
      if (!res.destroyed) res.end();
    };
    res.on("error", () => undefined);
    more();
    return;
  }
  const text = reply.raw ?? JSON.stringify(reply.body ?? {});
  res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
  res.end(text);
}

export async function startLoopbackJudge(script: LoopbackScript = {}): Promise<LoopbackJudge> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = { path: req.url ?? "", headers: req.headers, body, raw };
      const index = requests.push(recorded) - 1;
      res.on("close", () => {
        if (!res.writableEnded) recorded.closedEarly = true;
      });
      const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
      const reply =
        script.handle?.(recorded, index) ??
        (recorded.path === "/v1/chat/completions"
          ? chatReply(script, fields)
          : recorded.path === "/classify"
            ? classifyReply(script, fields)
            : recorded.path === "/predict"
              ? predictReply(script, fields)
              : { status: 404, body: { error: "not found" } });
      if (script.latencyMs) setTimeout(() => send(res, reply), script.latencyMs);
      else send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    chatBaseUrl: `${baseUrl}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
