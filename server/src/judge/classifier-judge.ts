// The classifier judge: a trained reward model (a sequence-classification model)
// that returns the probability that a response satisfies a constraint.
//
// Two wire formats (classifierApi setting); baseUrl is the server root, no /v1.
//
// "vllm-classify" (vLLM's classify API, `vllm serve M --task classify`):
//   POST {baseUrl}/classify
//   request:  {"model": "<model>", "input": ["<text>"]}
//             text = classifierTemplate with {prompt}, {response}, {constraint} filled in
//   response: {"data": [{"probs": [p0, p1, ...], ...}], ...}
//   P(YES) = probs[positiveIndex] (default: the last class; with a single class, probs[0]).
//
// "tei-predict" (text-embeddings-inference's predict API, pair classification):
//   POST {baseUrl}/predict
//   request:  {"inputs": [["<response>", "<constraint>"]], "raw_scores": false}
//   response: [[{"label": "LABEL_1", "score": 0.93}, ...]]  or  [{"label": ..., "score": ...}, ...]
//   P(YES) = score of the positive label (positiveLabel, default the first of
//   LABEL_1, 1, YES, POSITIVE, TRUE, PASS present, case-insensitive).
//
// A reply of another shape is re-sent once, then the verdict is status "error".

import { z } from "zod";
import { statusOf, type VerdictSource } from "./source.js";
import type { JudgeTransport } from "./transport.js";
import type { SoftJudgeRequest, SoftVerdict } from "./types.js";

export type ClassifierApi = "vllm-classify" | "tei-predict";

export interface ClassifierJudgeSettings {
  baseUrl: string;
  model: string;
  classifierApi: ClassifierApi;
  classifierTemplate: string;
  positiveIndex?: number;
  positiveLabel?: string;
}

export const DEFAULT_CLASSIFIER_TEMPLATE = "Constraint: {constraint}\nResponse: {response}";

const DEFAULT_POSITIVE_LABELS = ["LABEL_1", "1", "YES", "POSITIVE", "TRUE", "PASS"];

const ClassifyReply = z.object({ data: z.array(z.object({ probs: z.array(z.number().min(0).max(1)).min(1) })).min(1) });
const LabelScore = z.object({ label: z.string(), score: z.number().min(0).max(1) });
const PredictReply = z.union([z.array(z.array(LabelScore).min(1)).min(1), z.array(LabelScore).min(1)]);

/** Fills {prompt}, {response}, {constraint} in one pass, so a response containing "{constraint}" stays literal. */
export function fillTemplate(template: string, request: SoftJudgeRequest): string {
  const values: Record<string, string> = { prompt: request.prompt ?? "", response: request.response, constraint: request.constraint };
  return template.replace(/\{(prompt|response|constraint)\}/g, (_, name: string) => values[name]);
}

export class ClassifierVerdictSource implements VerdictSource {
  constructor(
    private readonly settings: ClassifierJudgeSettings,
    private readonly transport: JudgeTransport,
  ) {}

  private request(request: SoftJudgeRequest): { path: string; body: Record<string, unknown> } {
    if (this.settings.classifierApi === "tei-predict") {
      return { path: "/predict", body: { inputs: [[request.response, request.constraint]], raw_scores: false } };
    }
    return { path: "/classify", body: { model: this.settings.model, input: [fillTemplate(this.settings.classifierTemplate, request)] } };
  }

  cacheKeyParts(request: SoftJudgeRequest): Record<string, unknown> {
    const { baseUrl, model, classifierApi, positiveIndex, positiveLabel } = this.settings;
    return { kind: "classifier", baseUrl, model, classifierApi, positiveIndex, positiveLabel, ...this.request(request) };
  }

  async decide(request: SoftJudgeRequest, signal: AbortSignal): Promise<SoftVerdict> {
    const { path, body } = this.request(request);
    for (let attempt = 0; attempt < 2; attempt++) {
      const probability = this.positiveProbability(await this.transport.post(path, body, signal));
      if (probability !== undefined) return { status: statusOf(probability), probability };
      this.transport.log(`classifier reply from ${path} did not validate`);
    }
    return { status: "error", error: "classifier reply did not validate twice" };
  }

  private positiveProbability(reply: unknown): number | undefined {
    if (this.settings.classifierApi === "vllm-classify") {
      const parsed = ClassifyReply.safeParse(reply);
      if (!parsed.success) return undefined;
      const probs = parsed.data.data[0].probs;
      return probs[this.settings.positiveIndex ?? probs.length - 1];
    }
    const parsed = PredictReply.safeParse(reply);
    if (!parsed.success) return undefined;
    const first = parsed.data[0];
    const scores = Array.isArray(first) ? first : (parsed.data as z.infer<typeof LabelScore>[]);
    const wanted = this.settings.positiveLabel ? [this.settings.positiveLabel.toUpperCase()] : DEFAULT_POSITIVE_LABELS;
    for (const label of wanted) {
      const hit = scores.find((score) => score.label.toUpperCase() === label);
      if (hit) return hit.score;
    }
    return undefined;
  }
}
