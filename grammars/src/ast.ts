// The abstract syntax tree of a .lsr file.
//
// Every node carries `range`: character offsets into the source, end exclusive.
// Parsing never fails, so any field that the parser could not fill because the
// input was broken is `undefined`; consumers must cope with partial nodes.

export interface Range {
  /** Offset of the first character. */
  start: number;
  /** Offset one past the last character. */
  end: number;
}

export interface SyntaxError {
  message: string;
  range: Range;
}

/** A value written as an argument: `3`, `"at least"`, `en`, `true`, `["a", "b"]`. */
export type ArgValue =
  | { kind: "number"; value: number; raw: string; range: Range }
  | { kind: "string"; value: string; range: Range }
  /** A bare word such as `en`, `at_least`, `true`; validation decides what it means. */
  | { kind: "word"; value: string; range: Range }
  | { kind: "list"; items: ArgValue[]; range: Range };

export interface Argument {
  name: string;
  nameRange: Range;
  /** Undefined when the value is missing (`num_words:` followed by nothing). */
  value: ArgValue | undefined;
  range: Range;
}

/**
 * `punctuation:no_comma`, `words(at_most: 50)`, or a bare name that may refer to a `define`.
 * The parser cannot tell an alias from a defined name; analysis resolves `name`.
 */
export interface CallNode {
  kind: "call";
  /** As written, e.g. `length_constraints:number_words` or `no_comma`. */
  name: string;
  nameRange: Range;
  /** Undefined when written without parentheses. */
  args: Argument[] | undefined;
  /** The parenthesised argument list including the parentheses. */
  argsRange: Range | undefined;
  /** Optional wording after the call, `no_comma "Do not use commas."`: how the prompt states it. */
  text: string | undefined;
  textRange: Range | undefined;
  range: Range;
}

/** `soft "Use a formal tone."` or `soft style "Use a formal tone."` */
export interface SoftNode {
  kind: "soft";
  category: string | undefined;
  categoryRange: Range | undefined;
  /** Undefined when the text is missing. */
  text: string | undefined;
  textRange: Range | undefined;
  range: Range;
}

export type ConstraintNode = CallNode | SoftNode;

/**
 * `and { ... }` (explicit, `keywordRange` set) or a bare `{ ... }` used as a
 * sequence step or an If branch (implicit, `keywordRange` undefined). Both are Parallel.
 */
export interface AndNode {
  kind: "and";
  keywordRange: Range | undefined;
  items: ItemNode[];
  /** False when the closing brace is missing. */
  closed: boolean;
  range: Range;
}

export type StepKeyword = "first" | "then" | "finally";

export interface StepNode {
  keyword: StepKeyword;
  keywordRange: Range;
  /** Undefined when nothing follows the keyword. */
  body: ItemNode | undefined;
  range: Range;
}

/**
 * `first X then Y finally Z`. The parser accepts any keyword order (a stray
 * `then` starts a sequence of its own) so validation can explain what is wrong.
 */
export interface SequenceNode {
  kind: "sequence";
  steps: StepNode[];
  range: Range;
}

/** `if COND { ... } else if COND { ... } else { ... }` */
export interface IfNode {
  kind: "if";
  keywordRange: Range;
  condition: ItemNode | undefined;
  then: AndNode | undefined;
  elseKeywordRange: Range | undefined;
  /** An else-if chain nests another IfNode here. */
  else: AndNode | IfNode | undefined;
  range: Range;
}

/** `else { ... }` with no `if` before it; kept so validation can report it. */
export interface OrphanElseNode {
  kind: "orphan-else";
  keywordRange: Range;
  body: AndNode | IfNode | undefined;
  range: Range;
}

export type ItemNode = ConstraintNode | AndNode | SequenceNode | IfNode | OrphanElseNode;

/** `define name = CONSTRAINT` */
export interface DefineNode {
  kind: "define";
  name: string | undefined;
  nameRange: Range | undefined;
  value: ConstraintNode | undefined;
  range: Range;
}

export interface PromptNode {
  kind: "prompt";
  text: string | undefined;
  textRange: Range | undefined;
  range: Range;
}

export interface GammaNode {
  kind: "gamma";
  /** NaN when the number is missing or malformed. */
  value: number;
  valueRange: Range | undefined;
  range: Range;
}

export interface Comment {
  text: string;
  range: Range;
}

export interface FileNode {
  kind: "file";
  /** Every `prompt` header, in order; more than one is a diagnostic. */
  prompts: PromptNode[];
  gammas: GammaNode[];
  defines: DefineNode[];
  /** The instruction body: top-level items, combined as Parallel (And). */
  items: ItemNode[];
  comments: Comment[];
  range: Range;
}

export interface ParseResult {
  ast: FileNode;
  errors: SyntaxError[];
}
