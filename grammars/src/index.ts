// Public entry point of the .lsr grammar.

export { parse } from "./parse.js";
export type * from "./ast.js";
export { astToDebugString } from "./debug.js";
export { format, type FormatOptions } from "./format.js";
export { excerpt, escapeControls, oneLine } from "./excerpt.js";
export { LineIndex, type Position } from "./line-index.js";
export { partitionPoint } from "./binary-search.js";
export { MAX_NESTING_DEPTH } from "./nesting.js";
export { quoteString } from "./strings.js";
export * as tokenTypes from "./tokens.js";
export { tokenize, type TokenizeResult } from "./tokens.js";

export { scopeHeadsText } from "./format-printer.js";
// For the server's incremental re-analysis, which re-parses a window of tokens:
export { limitNesting } from "./nesting.js";
export { parseTokens, type ParseTokensResult } from "./parser.js";
export { tokenEnd } from "./tokens.js";
