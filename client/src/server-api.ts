// The language server's workspace/executeCommand contract, as the client calls it.
// Arguments cross the wire as JSON, so document URIs are sent as strings.

import type { CancellationToken } from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import type { ImportJsonAnswer, JudgeTestResult, LogicTreeAnswer, ScoreCommandOptions } from "../../server/src/client-api.js";
import type { ScoreResult } from "../../server/src/client-api.js";
import type { ProposedInstruction } from "../../server/src/client-api.js";
import { SERVER_COMMANDS } from "../../server/src/client-api.js";
export type { ProposedInstruction };

export type ScoreOptions = ScoreCommandOptions;

export type { ScoreResult };

/** Typed calls to the server's commands; every call waits until the client is running. */
export class ServerApi {
  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  private async execute<T>(command: string, args: unknown[], token?: CancellationToken): Promise<T> {
    await this.ready;
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token)) as T;
  }

  propose(prompt: string, roll: number, count = 3): Promise<{ candidates: ProposedInstruction[] }> {
    return this.execute(SERVER_COMMANDS.propose, [prompt, { roll, count }]);
  }

  render(uri: string): Promise<string> {
    return this.execute(SERVER_COMMANDS.render, [uri]);
  }

  exportJson(uri: string): Promise<unknown> {
    return this.execute(SERVER_COMMANDS.exportJson, [uri]);
  }

  importJson(jsonText: string, fileName: string): Promise<ImportJsonAnswer> {
    return this.execute(SERVER_COMMANDS.importJson, [jsonText, fileName]);
  }

  logicTree(uri: string): Promise<LogicTreeAnswer> {
    return this.execute(SERVER_COMMANDS.logicTree, [uri]);
  }

  score(uri: string, responseText: string, options: ScoreOptions, token?: CancellationToken): Promise<ScoreResult> {
    return this.execute(SERVER_COMMANDS.score, [uri, responseText, options], token);
  }

  /** Asks the judge the next score would use one probe question (nothing is sent with kind none). */
  testJudge(token?: CancellationToken): Promise<JudgeTestResult> {
    return this.execute(SERVER_COMMANDS.testJudge, [], token);
  }
}
