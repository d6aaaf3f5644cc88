// Every diagnostic has a stable code. Code actions, tests and docs switch on the
// code, never on the message, so messages can be improved freely.

export type Severity = "error" | "warning" | "info" | "hint";

export const CODES = {
  syntax: { code: "LSR001", severity: "error" },
  nestingTooDeep: { code: "LSR002", severity: "warning" },
  unknownConstraint: { code: "LSR010", severity: "error" },
  invalidArgument: { code: "LSR011", severity: "error" },
  missingArgument: { code: "LSR012", severity: "error" },
  unknownArgument: { code: "LSR013", severity: "error" },
  argumentsOnReference: { code: "LSR014", severity: "error" },
  unknownSoftCategory: { code: "LSR015", severity: "warning" },
  missingSoftText: { code: "LSR016", severity: "error" },
  approximateConstraint: { code: "LSR017", severity: "info" },
  stepWithoutFirst: { code: "LSR020", severity: "error" },
  finallyNotLast: { code: "LSR021", severity: "error" },
  oneStepSequence: { code: "LSR022", severity: "warning" },
  emptyStep: { code: "LSR024", severity: "error" },
  elseWithoutIf: { code: "LSR030", severity: "error" },
  ifWithoutElse: { code: "LSR031", severity: "warning" },
  emptyBlock: { code: "LSR032", severity: "warning" },
  missingCondition: { code: "LSR033", severity: "error" },
  missingBranch: { code: "LSR034", severity: "error" },
  duplicateConstraint: { code: "LSR040", severity: "warning" },
  contradiction: { code: "LSR041", severity: "error" },
  conditionNeverHolds: { code: "LSR042", severity: "warning" },
  conditionAlwaysHolds: { code: "LSR043", severity: "warning" },
  gammaOutOfRange: { code: "LSR050", severity: "error" },
  duplicateHeader: { code: "LSR051", severity: "error" },
  emptyInstruction: { code: "LSR052", severity: "warning" },
  duplicateDefine: { code: "LSR060", severity: "error" },
  unusedDefine: { code: "LSR061", severity: "warning" },
  defineShadowsAlias: { code: "LSR062", severity: "warning" },
  defineRefersToDefine: { code: "LSR063", severity: "error" },
  badSelector: { code: "LSR070", severity: "error" },
  emptySelectorText: { code: "LSR071", severity: "error" },
  eachWithoutItems: { code: "LSR072", severity: "error" },
  badScopeRegex: { code: "LSR073", severity: "error" },
  meaninglessOnItem: { code: "LSR074", severity: "warning" },
  diagnosticsOmitted: { code: "LSR098", severity: "warning" },
  internalError: { code: "LSR099", severity: "error" },
  invalidJsonInstruction: { code: "LSR100", severity: "error" },
  duplicateInstructionId: { code: "LSR101", severity: "error" },
} as const satisfies Record<string, { code: string; severity: Severity }>;

export type CodeName = keyof typeof CODES;
export type DiagnosticCode = (typeof CODES)[CodeName]["code"];
