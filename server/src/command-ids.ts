// Every command id of the extension and its server, declared once (issue 15). The server
// derives its executeCommand list from SERVER_COMMANDS; the client registers CLIENT_COMMANDS
// and INTERNAL_CLIENT_COMMANDS (through client-api.ts); package.json's contributes.commands
// lists exactly CLIENT_COMMANDS, and its menus and keybindings name only those
// (test/unit/client/command-table.test.ts checks both directions).

/** Run by the language server (workspace/executeCommand). */
export const SERVER_COMMANDS = {
  render: "lsrif.render",
  exportJson: "lsrif.exportJson",
  importJson: "lsrif.importJson",
  logicTree: "lsrif.logicTree",
  score: "lsrif.score",
  propose: "lsrif.propose",
  testJudge: "lsrif.testJudge",
  report: "lsrif.report",
  reportLine: "lsrif.reportLine",
} as const;

/** Registered by the extension and contributed in package.json (palette, menus, views). */
export const CLIENT_COMMANDS = {
  renderPrompt: "lsrif.renderPrompt",
  exportJson: "lsrif.exportLsrInstructJson",
  importJson: "lsrif.importLsrInstructJson",
  showLogicTree: "lsrif.showLogicTree",
  scoreResponse: "lsrif.scoreResponse",
  setJudgeApiKey: "lsrif.setJudgeApiKey",
  clearScore: "lsrif.clearScore",
  proposeInstruction: "lsrif.proposeInstruction",
  configureJudge: "lsrif.configureJudge",
  testJudgeConnection: "lsrif.testJudgeConnection",
  rescore: "lsrif.rescore",
  scoreAllResponses: "lsrif.scoreAllResponses",
  toggleScoreAllSort: "lsrif.scoreAll.toggleSort",
  copyRenderedPrompt: "lsrif.copyRenderedPrompt",
  newInstruction: "lsrif.newInstruction",
  showReport: "lsrif.showReport",
} as const;

/**
 * Registered by the extension but not contributed: run by its own tree items and links
 * (a score view row, a Score All row), and the editor tier's harness (registered only
 * under LSRIF_TEST_HOOKS=1, client/src/test-hooks.ts).
 */
export const INTERNAL_CLIENT_COMMANDS = {
  openScoredRow: "lsrif.openScoredRow",
  revealScoreNode: "lsrif.revealScoreNode",
  testState: "lsrif.test.state",
  testReportClick: "lsrif.test.reportClick",
} as const;

export type ServerCommandId = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS];
export const SERVER_COMMAND_IDS: readonly ServerCommandId[] = Object.values(SERVER_COMMANDS);
