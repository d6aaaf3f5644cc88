// The vscode-lm judge: answers the server's lsrif/lmJudge with one of the editor's
// chat models (vscode.lm). The response is data inside nonce markers and the
// constraint comes last (the chat judge's own prompt); the verdict comes back
// through a forced tool call, validated with zod. VS Code asks the user for consent
// on the first request, which happens during Score Response, a user action.

import * as vscode from "vscode";
import { buildChatMessages, parseVerdictReply, safeNonce, VERDICT_JSON_SCHEMA, VerdictReply } from "../../../server/src/client-api.js";
import type { SoftVerdict } from "../../../server/src/client-api.js";
import { LmJudgeParams } from "../../../server/src/client-api.js";
import type { Log } from "../log.js";

export const VERDICT_TOOL_NAME = "report_verdict";

const VERDICT_TOOL: vscode.LanguageModelChatTool = {
  name: VERDICT_TOOL_NAME,
  description: "Report whether the response satisfies the constraint: a short evidence first, then the verdict YES or NO.",
  inputSchema: VERDICT_JSON_SCHEMA.schema,
};

/** The configured model (by id, then by family), else the first the editor offers. */
async function pickModel(model: string): Promise<vscode.LanguageModelChat | undefined> {
  if (model !== "") {
    const [byId] = await vscode.lm.selectChatModels({ id: model });
    if (byId) return byId;
    const [byFamily] = await vscode.lm.selectChatModels({ family: model });
    return byFamily;
  }
  const [first] = await vscode.lm.selectChatModels();
  return first;
}

function verdictOf(reply: VerdictReply): SoftVerdict {
  return { status: reply.verdict === "YES" ? "pass" : "fail", evidence: reply.evidence };
}

/** Never rejects: every failure is a status "error" verdict. `model` is lsrif.judge.model (may be empty). */
export async function judgeWithLanguageModel(params: unknown, model: string, token: vscode.CancellationToken, log: Log): Promise<SoftVerdict> {
  const parsed = LmJudgeParams.safeParse(params);
  if (!parsed.success) return { status: "error", error: "lsrif/lmJudge: invalid request" };
  const request = parsed.data;
  try {
    const chat = await pickModel(model);
    if (!chat) {
      return { status: "error", error: `no language model available through vscode.lm${model ? ` matching '${model}'` : ""} (install or sign in to a chat model provider such as GitHub Copilot)` };
    }
    // vscode.lm has no system role: the instructions open the single user message.
    const [system, user] = buildChatMessages(request, safeNonce(request));
    const messages = [vscode.LanguageModelChatMessage.User(`${system.content}\n\n${user.content}`)];
    const response = await chat.sendRequest(
      messages,
      {
        tools: [VERDICT_TOOL],
        toolMode: vscode.LanguageModelChatToolMode.Required,
        justification: "LsrIF asks the model whether the response satisfies each soft constraint of the instruction.",
      },
      token,
    );
    let text = "";
    for await (const part of response.stream) {
      if (part instanceof vscode.LanguageModelToolCallPart && part.name === VERDICT_TOOL_NAME) {
        const reply = VerdictReply.safeParse(part.input);
        if (reply.success) return verdictOf(reply.data);
        return { status: "error", error: `${chat.name}: the ${VERDICT_TOOL_NAME} call is not {evidence, verdict: YES|NO}` };
      }
      if (part instanceof vscode.LanguageModelTextPart) text += part.value;
    }
    // Some models answer in text despite the forced tool; accept only a valid JSON verdict.
    const reply = parseVerdictReply(text);
    return reply ? verdictOf(reply) : { status: "error", error: `${chat.name} did not call ${VERDICT_TOOL_NAME}` };
  } catch (error) {
    if (token.isCancellationRequested) return { status: "error", error: "cancelled" };
    const detail = error instanceof vscode.LanguageModelError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    log.warn(`vscode.lm judge failed: ${detail}`);
    return { status: "error", error: `vscode.lm: ${detail}` };
  }
}
