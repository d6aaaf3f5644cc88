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
  readonly message: string;
  readonly range: Range;
}

/** A value written as an argument: `3`, `"at least"`, `en`, `true`, `["a", "b"]`. */
export type ArgValue =
  | { readonly kind: "number"; readonly value: number; readonly raw: string; readonly range: Range }
  | { readonly kind: "string"; readonly value: string; readonly range: Range }
  /** A bare word such as `en`, `at_least`, `true`; validation decides what it means. */
  | { readonly kind: "word"; readonly value: string; readonly range: Range }
  | { readonly kind: "list"; readonly items: ArgValue[]; readonly range: Range };

export interface Argument {
  readonly kind: "argument";
  readonly name: string;
  readonly nameRange: Range;
  /** Undefined when the value is missing (`num_words:` followed by nothing). */
  readonly value: ArgValue | undefined;
  readonly range: Range;
}

/**
 * `punctuation:no_comma`, `words(at_most: 50)`, or a bare name that may refer to a `define`.
 * The parser cannot tell an alias from a defined name; analysis resolves `name`.
 */
export interface CallNode {
  readonly kind: "call";
  /** As written, e.g. `length_constraints:number_words` or `no_comma`. */
  readonly name: string;
  readonly nameRange: Range;
  /** Undefined when written without parentheses. */
  readonly args: Argument[] | undefined;
  /** The parenthesised argument list including the parentheses. */
  readonly argsRange: Range | undefined;
  /** Optional wording after the call, `no_comma "Do not use commas."`: how the prompt states it. */
  readonly text: string | undefined;
  readonly textRange: Range | undefined;
  readonly range: Range;
}

/** `soft "Use a formal tone."` or `soft style "Use a formal tone."` */
export interface SoftNode {
  readonly kind: "soft";
  readonly category: string | undefined;
  readonly categoryRange: Range | undefined;
  /** Undefined when the text is missing. */
  readonly text: string | undefined;
  readonly textRange: Range | undefined;
  readonly range: Range;
}

export type ConstraintNode = CallNode | SoftNode;

/**
 * `and { ... }` (explicit, `keywordRange` set) or a bare `{ ... }` used as a
 * sequence step or an If branch (implicit, `keywordRange` undefined). Both are Parallel.
 */
export interface AndNode {
  readonly kind: "and";
  readonly keywordRange: Range | undefined;
  readonly items: ItemNode[];
  /** False when the closing brace is missing. */
  readonly closed: boolean;
  readonly range: Range;
}

export type StepKeyword = "first" | "then" | "finally";

export interface StepNode {
  readonly kind: "step";
  readonly keyword: StepKeyword;
  readonly keywordRange: Range;
  /** Undefined when nothing follows the keyword. */
  readonly body: ItemNode | undefined;
  readonly range: Range;
}

/**
 * `first X then Y finally Z`. The parser accepts any keyword order (a stray
 * `then` starts a sequence of its own) so validation can explain what is wrong.
 */
export interface SequenceNode {
  readonly kind: "sequence";
  readonly steps: StepNode[];
  readonly range: Range;
}

/** `if COND { ... } else if COND { ... } else { ... }` */
export interface IfNode {
  readonly kind: "if";
  readonly keywordRange: Range;
  readonly condition: ItemNode | undefined;
  readonly then: AndNode | undefined;
  readonly elseKeywordRange: Range | undefined;
  /** An else-if chain nests another IfNode here. */
  readonly else: AndNode | IfNode | undefined;
  readonly range: Range;
}

/** `else { ... }` with no `if` before it; kept so validation can report it. */
export interface OrphanElseNode {
  readonly kind: "orphan-else";
  readonly keywordRange: Range;
  readonly body: AndNode | IfNode | undefined;
  readonly range: Range;
}

/** A number token kept with its source text (`1`, `2.5`, `-1`): analysis says what is allowed. */
export interface NumberNode {
  readonly value: number;
  readonly raw: string;
  readonly range: Range;
}

/** A string token's value and range. */
export interface StringPart {
  readonly value: string;
  readonly range: Range;
}

/**
 * What a scope selects, as written: `paragraph 2`, `paragraphs 2..3`, `last 3 lines`,
 * `numbered items`, `lines matching "^- "`, `section "Summary"`, `between "a" and "b"`,
 * `extract "the checklist"`. The parser only groups the tokens; analysis (server) decides
 * which combinations mean something and reports the others.
 */
export interface SelectorNode {
  readonly kind: "selector";
  /** `first` or `last` before the unit, lowercased. */
  readonly position: "first" | "last" | undefined;
  readonly positionRange: Range | undefined;
  /** The number between the position and the unit: `last 3 lines`. */
  readonly count: NumberNode | undefined;
  /** The selector word as written (`paragraph`, `Lines`, `section`, `numbered`, ...); undefined when missing. */
  readonly unit: string | undefined;
  readonly unitRange: Range | undefined;
  /** The second word of `numbered item(s)`. */
  readonly unitSecond: string | undefined;
  /** The number after the unit: `paragraph 2`, the start of `paragraphs 2..3`. */
  readonly from: NumberNode | undefined;
  /** The end of a `..` range. */
  readonly to: NumberNode | undefined;
  /** Whether `..` was written (even when the end number is missing). */
  readonly hasRange: boolean;
  /** `lines matching "RE"`: whether `matching` was written. */
  readonly matching: boolean;
  /** The string after the unit: the section name, the marker, the regex, the description. */
  readonly text: StringPart | undefined;
  /** `between "a" and "b"`: the second marker; `andRange` is set whenever `and` was written. */
  readonly text2: StringPart | undefined;
  readonly andRange: Range | undefined;
  readonly range: Range;
}

export type Quantifier = "in" | "each";

/** `in SELECTOR` or `each SELECTOR`. */
export interface ScopeHeadNode {
  readonly kind: "scope-head";
  readonly quantifier: Quantifier;
  readonly keywordRange: Range;
  /** Undefined when nothing follows the keyword. */
  readonly selector: SelectorNode | undefined;
  readonly range: Range;
}

/**
 * `in section "Summary" in paragraph 1 { ... }`: one or more scope heads, outermost
 * first, kept as a flat list (a long chain cannot deepen recursion), and the item they apply to.
 */
export interface ScopeNode {
  readonly kind: "scope";
  readonly heads: readonly ScopeHeadNode[];
  /** Undefined when the heads are followed by nothing usable. */
  readonly body: ItemNode | undefined;
  readonly range: Range;
}

export type ItemNode = ConstraintNode | AndNode | SequenceNode | IfNode | OrphanElseNode | ScopeNode;

/** `define name = CONSTRAINT` */
export interface DefineNode {
  readonly kind: "define";
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  readonly value: ConstraintNode | undefined;
  readonly range: Range;
}

export interface PromptNode {
  readonly kind: "prompt";
  readonly text: string | undefined;
  readonly textRange: Range | undefined;
  readonly range: Range;
}

export interface GammaNode {
  readonly kind: "gamma";
  /** NaN when the number is missing or malformed. */
  readonly value: number;
  readonly valueRange: Range | undefined;
  readonly range: Range;
}

export interface Comment {
  readonly text: string;
  readonly range: Range;
}

export interface FileNode {
  readonly kind: "file";
  /** Every `prompt` header, in order; more than one is a diagnostic. */
  readonly prompts: PromptNode[];
  readonly gammas: GammaNode[];
  readonly defines: DefineNode[];
  /** The instruction body: top-level items, combined as Parallel (And). */
  readonly items: ItemNode[];
  readonly comments: Comment[];
  readonly range: Range;
}

export interface ParseResult {
  readonly ast: FileNode;
  readonly errors: SyntaxError[];
}
