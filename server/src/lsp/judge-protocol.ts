// The judge requests the language server sends to its client, with their zod
// schemas (the client's answers are validated here, at the boundary).
//   lsrif/judgeApiKey {baseUrl} -> {apiKey?}   the key for a chat/classifier judge
//   lsrif/lmJudge     SoftJudgeRequest -> SoftVerdict   one verdict from the editor's own models (vscode.lm)

import { z } from "zod";
import type { SoftJudgeRequest, SoftVerdict } from "../judge/types.js";

export const JUDGE_API_KEY_REQUEST = "lsrif/judgeApiKey";
export const LM_JUDGE_REQUEST = "lsrif/lmJudge";

export const JudgeApiKeyParams = z.object({ baseUrl: z.string() });
export type JudgeApiKeyParams = z.infer<typeof JudgeApiKeyParams>;

/** A null answer or an empty key means: send no key. */
export const JudgeApiKeyResult = z.object({ apiKey: z.string().optional() }).nullable();
export type JudgeApiKeyResult = z.infer<typeof JudgeApiKeyResult>;

export const LmJudgeParams: z.ZodType<SoftJudgeRequest> = z.object({
  constraint: z.string(),
  category: z.string().optional(),
  response: z.string(),
  prompt: z.string().optional(),
});

export const LmJudgeResult: z.ZodType<SoftVerdict> = z.object({
  status: z.enum(["pass", "fail", "error"]),
  probability: z.number().min(0).max(1).optional(),
  evidence: z.string().optional(),
  cached: z.boolean().optional(),
  error: z.string().optional(),
});
