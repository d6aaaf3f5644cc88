// The one module the VS Code client imports from the server's sources (ARCHITECTURE.md: the client is thin and
// reaches the server over LSP; these are the wire types and the few pure helpers both sides must share). The
// lint rules in eslint.config.mjs refuse any other import of server/src from client/.

// Every command id, once (package.json is checked against it by a unit test).
export { CLIENT_COMMANDS, INTERNAL_CLIENT_COMMANDS, SERVER_COMMANDS } from "./command-ids.js";
export type { ProposedInstruction } from "./generate/propose.js";
export type { ImportError } from "./interchange/lsrinstruct-import.js";
export type { SoftVerdict } from "./judge/types.js";
export type { ImportJsonAnswer, JudgeTestResult, LogicTreeAnswer, LogicTreeJson, ScoreCommandOptions } from "./lsp/commands.js";
export type { ReportViewJson } from "./lsp/report-commands.js";
export type { NodeStatus, ScoreNode, ScoreResult } from "./scoring/result.js";
// The vscode.lm judge runs in the client but must ask exactly what the server's chat judge asks.
export { buildChatMessages, parseVerdictReply, safeNonce, VERDICT_JSON_SCHEMA, VerdictReply } from "./judge/prompt.js";
export { JUDGE_API_KEY_REQUEST, JudgeApiKeyParams, LM_JUDGE_REQUEST, LmJudgeParams, type JudgeApiKeyResult } from "./lsp/judge-protocol.js";
// Workspace trust decides which judge settings count; the server applies the same rule.
export { effectiveJudgeSection } from "./lsp/judge-trust.js";
// "Score All Responses…" reads a responses JSONL the way score-batch does.
export { parseResponsesJsonl } from "./cli/batch/responses.js";
// The Score view's highlight maps the server's span offsets back into a response scored with stripThinking.
export { THINK_CLOSE } from "./scoring/response-text.js";
