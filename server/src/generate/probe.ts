// `--probe N`: sample N responses for a rendered instruction from a chat model and score them with LsRM, as AutoIF
// and UltraIF filter their data: an instruction no sample can meet is likely broken, one every sample meets
// teaches nothing (dropped with --drop-easy). Responses are cached like proposals, so a resumed run re-uses them.

import { z } from "zod";
import type { Instruction } from "../analysis/logic.js";
import type { JudgeTransport } from "../judge/transport.js";
import type { SoftJudge } from "../judge/types.js";
import { scoreInstruction } from "../scoring/lsrm.js";
import type { ProbeResult } from "./rows.js";

const Completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1) });

export interface ProbeSettings {
  samples: number;
  model: string;
  judge?: SoftJudge;
}

export async function probeInstruction(instruction: Instruction, rendered: string, settings: ProbeSettings, transport: JudgeTransport, signal: AbortSignal): Promise<ProbeResult> {
  const scores: { score: number; passed: boolean }[] = [];
  for (let n = 0; n < settings.samples; n++) {
    // A distinct seed per sample: deterministic servers then still give N different responses.
    const reply = await transport.post("/chat/completions", { model: settings.model, messages: [{ role: "user", content: rendered }], temperature: 1, seed: n }, signal);
    const parsed = Completion.safeParse(reply);
    const response = parsed.success ? (parsed.data.choices[0].message.content ?? "") : "";
    const result = await scoreInstruction(instruction, response, { judge: settings.judge, signal });
    scores.push({ score: result.score, passed: result.score === 1 && result.complete });
  }
  const passed = scores.filter((s) => s.passed).length;
  return {
    samples: scores.length,
    pass_rate: scores.length === 0 ? 0 : passed / scores.length,
    mean_score: scores.length === 0 ? 0 : scores.reduce((a, s) => a + s.score, 0) / scores.length,
  };
}
