// The API key for an HTTP judge, asked from the editor at scoring time (VS Code
// answers from SecretStorage, confirming a changed origin). Editors without the
// request fall back to LSRIF_JUDGE_API_KEY, as the CLI does. Keys are never logged.

import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver";
import { JUDGE_API_KEY_ENV } from "../cli/judge-options.js";
import { JUDGE_API_KEY_REQUEST, JudgeApiKeyResult, type JudgeApiKeyParams } from "./judge-protocol.js";

type Env = Record<string, string | undefined>;

const nonEmpty = (key: string | undefined): string | undefined => (key === undefined || key === "" ? undefined : key);

/** Never rejects; undefined means: send no key. */
export async function requestJudgeApiKey(connection: Connection, baseUrl: string, env: Env, log: (line: string) => void): Promise<string | undefined> {
  const params: JudgeApiKeyParams = { baseUrl };
  let answer: unknown;
  try {
    answer = await connection.sendRequest(JUDGE_API_KEY_REQUEST, params);
  } catch (error) {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) return nonEmpty(env[JUDGE_API_KEY_ENV]);
    log(`the editor did not give a judge API key (${error instanceof Error ? error.message : String(error)}); sending none`);
    return undefined;
  }
  const parsed = JudgeApiKeyResult.safeParse(answer ?? null);
  if (!parsed.success) {
    log("the editor's answer to lsrif/judgeApiKey is not {apiKey?: string}; sending no key");
    return undefined;
  }
  return nonEmpty(parsed.data?.apiKey);
}
