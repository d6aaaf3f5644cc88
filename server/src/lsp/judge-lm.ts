// A soft judge served by the editor: one lsrif/lmJudge request per constraint
// (VS Code answers with vscode.lm). Cancelling the caller's signal cancels the
// request ($/cancelRequest). Never rejects.

import { CancellationTokenSource, ErrorCodes, ResponseError, type Connection } from "vscode-languageserver";
import type { SoftJudge, SoftJudgeRequest, SoftVerdict } from "../judge/types.js";
import { LM_JUDGE_REQUEST, LmJudgeResult } from "./judge-protocol.js";

export class EditorLmJudge implements SoftJudge {
  constructor(private readonly connection: Connection) {}

  async judge(request: SoftJudgeRequest, signal?: AbortSignal): Promise<SoftVerdict> {
    if (signal?.aborted) return { status: "error", error: "cancelled" };
    const cancel = new CancellationTokenSource();
    const onAbort = () => cancel.cancel();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const answer: unknown = await this.connection.sendRequest(LM_JUDGE_REQUEST, request, cancel.token);
      const parsed = LmJudgeResult.safeParse(answer);
      return parsed.success ? parsed.data : { status: "error", error: "the editor's verdict is not a valid SoftVerdict" };
    } catch (error) {
      if (signal?.aborted) return { status: "error", error: "cancelled" };
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
        return { status: "error", error: "this editor does not serve lsrif/lmJudge; choose another lsrif.judge.kind" };
      }
      return { status: "error", error: `editor judge failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      signal?.removeEventListener("abort", onAbort);
      cancel.dispose();
    }
  }
}
