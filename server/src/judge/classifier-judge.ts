// The classifier judge: a trained reward model (a sequence-classification model)
// that returns the probability that a response satisfies a constraint.
//
// Three wire formats (classifierApi setting); baseUrl is the server root, no /v1.
//
// "vllm-classify" (vLLM's classify API, `vllm serve M --task classify`):
//   POST {baseUrl}/classify
//   request:  {"model": "<model>", "input": ["<text>", ...]}   up to batchSize texts
//             text = classifierTemplate with {prompt}, {response}, {constraint} filled in
//             ({answer} = {response}, {question} = {constraint}, the LsrIF authors' names)
//   response: {"data": [{"index": i, "probs": [p0, p1, ...], ...}, ...], ...}
//   P(YES) = probs[positiveIndex] (default: the last class; with a single class, probs[0]).
//
// "tei-predict" (text-embeddings-inference's predict API, pair classification):
//   POST {baseUrl}/predict
//   request:  {"inputs": [["<response>", "<constraint>"], ...], "raw_scores": false}   up to batchSize pairs
//   response: [[{"label": "LABEL_1", "score": 0.93}, ...], ...]  or, for one pair, [{"label": ..., "score": ...}, ...]
//   P(YES) = score of the positive label (positiveLabel, default the first of
//   LABEL_1, 1, YES, POSITIVE, TRUE, PASS present, case-insensitive).
//
// "lsrif-predict" (the LsrIF authors' reward-model server; one verdict per request):
//   POST {baseUrl}/predict
//   request:  {"answer": "<response>", "question": "<constraint>"}
//   response: {"value": <P(yes), 3 decimals>, "pred": 0 | 1}
//   P(YES) = value; the verdict is pred (the server's own threshold).
//
// A reply of another shape is re-sent once, then the verdict is status "error".

import { z } from "zod";
import { ClassifierBatcher } from "./classifier-batch.js";
import { statusOf, type VerdictSource } from "./source.js";
import type { JudgeTransport } from "./transport.js";
import type { SoftJudgeRequest, SoftVerdict } from "./types.js";

export type ClassifierApi = "vllm-classify" | "tei-predict" | "lsrif-predict";

export interface ClassifierJudgeSettings {
  baseUrl: string;
  model: string;
  classifierApi: ClassifierApi;
  classifierTemplate: string;
  positiveIndex?: number;
  positiveLabel?: string;
  /** Inputs per HTTP request for the list APIs (vllm-classify, tei-predict). */
  batchSize: number;
}

/** The LsrIF authors' classifier input, verbatim (the double spaces are theirs). */
export const DEFAULT_CLASSIFIER_TEMPLATE =
  "You need to determine whether the response adheres to this constraint. Only output  1 if it does, otherwise only output  0.  Response: {answer}. Constraint: {question}";

const DEFAULT_POSITIVE_LABELS = ["LABEL_1", "1", "YES", "POSITIVE", "TRUE", "PASS"];

const ClassifyReply = z.object({
  data: z.array(z.object({ index: z.number().int().min(0).optional(), probs: z.array(z.number().min(0).max(1)).min(1) })).min(1),
});
const LabelScore = z.object({ label: z.string(), score: z.number().min(0).max(1) });
const PredictReply = z.union([z.array(z.array(LabelScore).min(1)).min(1), z.array(LabelScore).min(1)]);
const LsrifPredictReply = z.object({ value: z.number().min(0).max(1), pred: z.union([z.literal(0), z.literal(1)]) });

/** Fills the placeholders in one pass, so a response containing "{constraint}" stays literal. */
export function fillTemplate(template: string, request: SoftJudgeRequest): string {
  const values: Record<string, string> = {
    prompt: request.prompt ?? "", response: request.response, constraint: request.constraint, answer: request.response, question: request.constraint,
  };
  return template.replace(/\{(prompt|response|constraint|answer|question)\}/g, (_, name: string) => values[name]);
}

export class ClassifierVerdictSource implements VerdictSource {
  private readonly batcher: ClassifierBatcher;

  constructor(
    private readonly settings: ClassifierJudgeSettings,
    private readonly transport: JudgeTransport,
  ) {
    this.batcher = new ClassifierBatcher(settings.batchSize, () => transport.limiter.limit, (requests, signal) => this.sendBatch(requests, signal));
  }

  private get path(): string {
    return this.settings.classifierApi === "vllm-classify" ? "/classify" : "/predict";
  }

  private body(requests: SoftJudgeRequest[]): Record<string, unknown> {
    if (this.settings.classifierApi === "lsrif-predict") return { answer: requests[0].response, question: requests[0].constraint };
    if (this.settings.classifierApi === "tei-predict") return { inputs: requests.map((r) => [r.response, r.constraint]), raw_scores: false };
    return { model: this.settings.model, input: requests.map((r) => fillTemplate(this.settings.classifierTemplate, r)) };
  }

  cacheKeyParts(request: SoftJudgeRequest): Record<string, unknown> {
    const { baseUrl, model, classifierApi, positiveIndex, positiveLabel } = this.settings;
    // The one-item body, whatever batch the request later travels in.
    return { kind: "classifier", baseUrl, model, classifierApi, positiveIndex, positiveLabel, path: this.path, body: this.body([request]) };
  }

  async decide(request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict> {
    if (this.settings.classifierApi === "lsrif-predict") return this.decidePredict(request, signal);
    const probability = await this.batcher.probability(request, signal);
    if (probability !== undefined) return { status: statusOf(probability), probability };
    return { status: "error", error: "classifier reply did not validate twice" };
  }

  private async decidePredict(request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const parsed = LsrifPredictReply.safeParse(await this.transport.post(this.path, this.body([request]), signal));
      if (parsed.success) return { status: parsed.data.pred === 1 ? "pass" : "fail", probability: parsed.data.value };
      this.transport.log(`classifier reply from ${this.path} did not validate`);
    }
    return { status: "error", error: "classifier reply did not validate twice" };
  }

  /** One HTTP request for the batch, re-sent once when the reply does not validate. */
  private async sendBatch(requests: SoftJudgeRequest[], signal: AbortSignal): Promise<(number | undefined)[]> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const probabilities = this.positiveProbabilities(await this.transport.post(this.path, this.body(requests), signal), requests.length);
      if (probabilities !== undefined) return probabilities;
      this.transport.log(`classifier reply from ${this.path} did not validate`);
    }
    return requests.map(() => undefined);
  }

  private positiveProbabilities(reply: unknown, count: number): number[] | undefined {
    if (this.settings.classifierApi === "vllm-classify") {
      const parsed = ClassifyReply.safeParse(reply);
      if (!parsed.success || parsed.data.data.length !== count) return undefined;
      const rows = parsed.data.data.every((row) => row.index !== undefined)
        ? [...parsed.data.data].sort((a, b) => (a.index as number) - (b.index as number))
        : parsed.data.data;
      if (rows.some((row, i) => row.index !== undefined && row.index !== i)) return undefined;
      const out = rows.map((row) => row.probs[this.settings.positiveIndex ?? row.probs.length - 1]);
      return out.every((p) => p !== undefined) ? out : undefined;
    }
    const parsed = PredictReply.safeParse(reply);
    if (!parsed.success) return undefined;
    const perInput = Array.isArray(parsed.data[0]) ? (parsed.data as z.infer<typeof LabelScore>[][]) : [parsed.data as z.infer<typeof LabelScore>[]];
    if (perInput.length !== count) return undefined;
    const out = perInput.map((scores) => this.positiveScore(scores));
    return out.every((p) => p !== undefined) ? (out as number[]) : undefined;
  }

  private positiveScore(scores: z.infer<typeof LabelScore>[]): number | undefined {
    const wanted = this.settings.positiveLabel ? [this.settings.positiveLabel.toUpperCase()] : DEFAULT_POSITIVE_LABELS;
    for (const label of wanted) {
      const hit = scores.find((score) => score.label.toUpperCase() === label);
      if (hit) return hit.score;
    }
    return undefined;
  }
}
