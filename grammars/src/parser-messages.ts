// Short, human error messages for the parser (chevrotain's defaults list every
// possible token sequence).

import { EOF, tokenLabel, type IParserErrorMessageProvider, type IToken } from "chevrotain";
import { excerpt } from "./excerpt.js";

const RULE_EXPECTATIONS: Record<string, string> = {
  stepBody: "a step body (a constraint, '{', 'if' or 'and')",
  condition: "a condition (a constraint or 'and { ... }')",
  constraint: "a constraint",
  value: "a value",
  orphanElse: "'{' or 'if'",
  ifChain: "'{' or 'if'",
  scoped: "what the scope applies to (a constraint, '{', 'and', 'if' or a sequence)",
  scopedStep: "what the scope applies to (a constraint, '{', 'and' or 'if')",
  scopeHead: "'in' or 'each'",
  selector: "a selector such as 'paragraph 1' or 'section \"Summary\"'",
};

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "end of file";
  return `'${excerpt(token.image, 20)}'`;
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${tokenLabel(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const expected = RULE_EXPECTATIONS[ruleName] ?? "something else";
    return `expected ${expected} but found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const expected = RULE_EXPECTATIONS[ruleName] ?? "something else";
    return `expected ${expected} but found ${describeToken(actual[0])}`;
  },
};
