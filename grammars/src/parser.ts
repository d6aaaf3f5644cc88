// The .lsr grammar as a chevrotain parser that builds the AST while it parses.
// Each rule collects its tokens and sub-rule results in a frame and turns them
// into its AST node when it ends, also when error recovery stops it part-way, so
// partial nodes are kept. Building directly (instead of a concrete syntax tree
// converted afterwards) keeps short-lived garbage short-lived: measured on the
// 1 MB bench file, garbage collection was a third of the analysis time. One
// instance is reused: `input` is reset for every parse.

import { EmbeddedActionsParser, EOF, type IToken, type IRecognitionException } from "chevrotain";
import type { FileNode } from "./ast.js";
import { expectedAfterElseMessage, real, reportUnexpected, tokenRange, type Sink } from "./ast-build.js";
import {
  ArgFrame, ArgListFrame, CallFrame, ChoiceFrame, ListFrame, SoftFrame, ValueFrame, type Frame,
} from "./frames-leaves.js";
import {
  AndBlockFrame, asItem, BlockFrame, DefineFrame, FileFrame, GammaFrame, IfChainFrame, IfHeadFrame, OrphanElseFrame, PromptFrame, SequenceFrame, StepFrame,
} from "./frames-structure.js";
import { ScopedFrame, ScopeHeadFrame, SelectorFrame } from "./frames-scopes.js";
import { parserErrorMessages } from "./parser-messages.js";
import * as T from "./tokens.js";
import { tokenize } from "./tokens.js";

const NO_TOKENS: IToken[] = [];

function wordIs(token: IToken, word: string): boolean {
  return token.tokenType === T.Identifier && token.image.toLowerCase() === word;
}

class LsrParser extends EmbeddedActionsParser {
  /** The frame of the rule being parsed; undefined outside a parse. */
  private frame: Frame | undefined;
  private result: FileNode | undefined;
  private sink: Sink = { errors: [] };
  private textLength = 0;

  constructor() {
    super([...T.ALL_TOKENS], { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider: parserErrorMessages });
    this.performSelfAnalysis();
  }

  /** A rule whose frame hands its result to the enclosing rule's frame when the rule ends, however it ends. */
  private rule<F extends Frame>(name: string, newFrame: () => F, body: (frame: F) => void): () => void {
    return this.RULE(name, () => {
      const frame = newFrame();
      if (this.RECORDING_PHASE) {
        body(frame);
        return;
      }
      const parent = this.frame;
      this.frame = frame;
      try {
        body(frame);
      } finally {
        this.frame = parent;
        const value = frame.finish(this.sink);
        if (parent === undefined) this.result = value?.kind === "file" ? value : undefined;
        else parent.take(value);
      }
    });
  }

  /** Reports a token that cannot start anything. */
  private unexpected(token: IToken): void {
    const t = this.RECORDING_PHASE ? undefined : real(token);
    if (t !== undefined) reportUnexpected(this.sink, t);
  }

  parseFile(tokens: IToken[], textLength: number, sink: Sink): { file: FileNode; errors: IRecognitionException[] } {
    this.input = tokens;
    this.frame = undefined;
    this.result = undefined;
    this.sink = sink;
    this.textLength = textLength;
    this.file();
    const file = this.result ?? new FileFrame(textLength).finish();
    const errors = this.errors;
    this.result = undefined;
    this.sink = { errors: [] };
    // Let go of the tokens (setting input also clears `errors`): otherwise they stay reachable until the next parse.
    this.input = NO_TOKENS;
    return { file, errors };
  }

  /**
   * The top level's alternatives, built once (chevrotain's advice for hot ORs): a literal in
   * the MANY allocated an array and four closures per top-level token, which on a file of
   * stray `}` was a fifth of the parse. The other `...Alts` fields below are the same for
   * every rule entered once per item or token (blocks, items, constraints, stray `else`s);
   * alternatives that read the rule's frame stay literals.
   */
  private readonly topLevel = [
    { ALT: () => this.SUBRULE(this.header) },
    { ALT: () => this.SUBRULE(this.item) },
    { ALT: () => this.SUBRULE(this.junk) },
    { ALT: () => this.unexpected(this.CONSUME(T.RBrace)) },
  ];

  file = this.rule("file", () => new FileFrame(this.textLength), () => {
    this.MANY(() => {
      this.OR(this.topLevel);
    });
  });

  private readonly headerAlts = [
    { ALT: () => this.SUBRULE(this.prompt) },
    { ALT: () => this.SUBRULE(this.gamma) },
    { ALT: () => this.SUBRULE(this.define) },
  ];

  header = this.rule("header", () => new ChoiceFrame(), () => {
    this.OR(this.headerAlts);
  });

  prompt = this.rule("prompt", () => new PromptFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.Prompt));
    f.text = real(this.CONSUME(T.StringLiteral));
  });

  gamma = this.rule("gamma", () => new GammaFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.Gamma));
    f.value = real(this.CONSUME(T.NumberLiteral));
  });

  define = this.rule("define", () => new DefineFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.Define));
    f.name = real(this.CONSUME(T.Identifier));
    f.equals = real(this.CONSUME(T.Equals));
    this.SUBRULE(this.constraint);
  });

  /** Tokens that cannot start anything; consumed one at a time and reported. */
  private readonly junkAlts = [
    { ALT: () => this.unexpected(this.CONSUME(T.RParen)) },
    { ALT: () => this.unexpected(this.CONSUME(T.LParen)) },
    { ALT: () => this.unexpected(this.CONSUME(T.LBracket)) },
    { ALT: () => this.unexpected(this.CONSUME(T.RBracket)) },
    { ALT: () => this.unexpected(this.CONSUME(T.Comma)) },
    { ALT: () => this.unexpected(this.CONSUME(T.Colon)) },
    { ALT: () => this.unexpected(this.CONSUME(T.Equals)) },
    { ALT: () => this.unexpected(this.CONSUME(T.NumberLiteral)) },
    { ALT: () => this.unexpected(this.CONSUME(T.StringLiteral)) },
  ];

  junk = this.RULE("junk", () => {
    this.OR(this.junkAlts);
  });

  private readonly itemAlts = [
    { ALT: () => this.SUBRULE(this.sequence) },
    { ALT: () => this.SUBRULE(this.ifChain) },
    { ALT: () => this.SUBRULE(this.orphanElse) },
    { ALT: () => this.SUBRULE(this.andBlock) },
    { ALT: () => this.SUBRULE(this.block) },
    { ALT: () => this.SUBRULE(this.constraint) },
    { ALT: () => this.SUBRULE(this.scoped) },
  ];

  item = this.rule("item", () => new ChoiceFrame(asItem), () => {
    this.OR(this.itemAlts);
  });

  /**
   * `in paragraph 1 { .. }`, `each bullet lowercase`: scope heads read as a loop (a long
   * chain cannot deepen recursion), then the item they apply to. Two variants by place:
   * a step's body cannot be a sequence (conditions read their scope heads themselves), so
   * unbraced scopes cannot recurse through steps or conditions either.
   */
  scoped = this.rule("scoped", () => new ScopedFrame(), () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.scopeHead));
    this.OR([
      { ALT: () => this.SUBRULE(this.sequence) },
      { ALT: () => this.SUBRULE(this.ifChain) },
      { ALT: () => this.SUBRULE(this.andBlock) },
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.constraint) },
    ]);
  });

  scopedStep = this.rule("scopedStep", () => new ScopedFrame(), () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.scopeHead));
    this.OR([
      { ALT: () => this.SUBRULE(this.ifChain) },
      { ALT: () => this.SUBRULE(this.andBlock) },
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.constraint) },
    ]);
  });

  scopeHead = this.rule("scopeHead", () => new ScopeHeadFrame(), (f) => {
    this.OR([
      { ALT: () => (f.keyword = real(this.CONSUME(T.In))) },
      { ALT: () => (f.keyword = real(this.CONSUME(T.Each))) },
    ]);
    this.SUBRULE(this.selector);
  });

  /**
   * `[first|last [N]] UNIT [N [.. M]] [matching] [STRING [and STRING]]`. Selector words are
   * plain names, so gates on the words (`last`, `numbered`, `matching`) tell a selector's
   * words from a constraint name that follows it (`in last paragraph lowercase`).
   */
  selector = this.rule("selector", () => new SelectorFrame(), (f) => {
    this.OPTION(() => (f.position = real(this.CONSUME(T.First))));
    this.OPTION2({
      GATE: () => f.position === undefined && wordIs(this.LA(1), "last") && this.LA(2).tokenType !== T.LParen,
      DEF: () => (f.position = real(this.CONSUME(T.Identifier))),
    });
    this.OPTION3({ GATE: () => f.position !== undefined, DEF: () => (f.count = real(this.CONSUME(T.NumberLiteral))) });
    f.unit = real(this.CONSUME2(T.Identifier));
    this.OPTION4({
      GATE: () => f.unit !== undefined && wordIs(f.unit, "numbered") && /^items?$/i.test(this.LA(1).image),
      DEF: () => (f.unitSecond = real(this.CONSUME3(T.Identifier))),
    });
    this.OPTION5(() => {
      f.from = real(this.CONSUME2(T.NumberLiteral));
      this.OPTION6(() => {
        f.dots = real(this.CONSUME(T.DotDot));
        f.to = real(this.CONSUME3(T.NumberLiteral));
      });
    });
    this.OPTION7({ GATE: () => wordIs(this.LA(1), "matching"), DEF: () => (f.matching = real(this.CONSUME4(T.Identifier))) });
    this.OPTION8(() => {
      f.text = real(this.CONSUME(T.StringLiteral));
      this.OPTION9(() => {
        f.and = real(this.CONSUME(T.And));
        f.text2 = real(this.CONSUME2(T.StringLiteral));
      });
    });
  });

  /**
   * A sequence starts at any step keyword (a stray `then` is kept for validation to
   * explain) and runs over the `then` / `finally` steps after it; a `first` always
   * starts a new sequence, so two sequences can follow each other without braces.
   */
  sequence = this.rule("sequence", () => new SequenceFrame(), () => {
    this.SUBRULE(this.step);
    this.MANY(() => this.SUBRULE(this.laterStep));
  });

  step = this.rule("step", () => new StepFrame(), (f) => {
    this.OR([
      { ALT: () => (f.keyword = real(this.CONSUME(T.First))) },
      { ALT: () => (f.keyword = real(this.CONSUME(T.Then))) },
      { ALT: () => (f.keyword = real(this.CONSUME(T.Finally))) },
    ]);
    this.SUBRULE(this.stepBody);
  });

  laterStep = this.rule("laterStep", () => new StepFrame(), (f) => {
    this.OR([
      { ALT: () => (f.keyword = real(this.CONSUME(T.Then))) },
      { ALT: () => (f.keyword = real(this.CONSUME(T.Finally))) },
    ]);
    this.SUBRULE(this.stepBody);
  });

  private readonly stepBodyAlts = [
    { ALT: () => this.SUBRULE(this.block) },
    { ALT: () => this.SUBRULE(this.ifChain) },
    { ALT: () => this.SUBRULE(this.andBlock) },
    { ALT: () => this.SUBRULE(this.constraint) },
    { ALT: () => this.SUBRULE(this.scopedStep) },
  ];

  stepBody = this.rule("stepBody", () => new ChoiceFrame(asItem), () => {
    this.OR(this.stepBodyAlts);
  });

  /**
   * `if C {..} else if C {..} else {..}` read as a loop, not by recursion, so a
   * long else-if chain cannot overflow the parser's stack.
   */
  ifChain = this.rule("ifChain", () => new IfChainFrame(), (f) => {
    this.SUBRULE(this.ifHead);
    this.MANY(() => {
      this.keepElse(f, this.CONSUME(T.Else));
      this.SUBRULE2(this.ifHead);
    });
    this.OPTION(() => {
      this.keepElse(f, this.CONSUME2(T.Else));
      this.SUBRULE(this.block);
    });
  });

  private keepElse(f: IfChainFrame, token: IToken): void {
    const t = real(token);
    if (t !== undefined) f.elses.push(t);
  }

  ifHead = this.rule("ifHead", () => new IfHeadFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.If));
    this.SUBRULE(this.condition);
    this.SUBRULE(this.block);
  });

  /**
   * Scope heads are read here rather than in a sub-rule: one rule level less on the path that
   * error recovery walks for every broken `if` (measured: "if if if ..." parsed twice as slowly).
   * A bare block is a condition only after a scope (`if in paragraph 1 { .. } { .. }`).
   */
  condition = this.rule("condition", () => new ScopedFrame(), (f) => {
    this.MANY(() => this.SUBRULE(this.scopeHead));
    this.OR([
      { ALT: () => this.SUBRULE(this.andBlock) },
      { ALT: () => this.SUBRULE(this.constraint) },
      { GATE: () => f.heads.length > 0, ALT: () => this.SUBRULE(this.block) },
    ]);
  });

  private readonly afterElseAlts = [
    { ALT: () => this.SUBRULE(this.ifChain) },
    { ALT: () => this.SUBRULE(this.block) },
    // Anything else is reported here, with the message and range chevrotain's own error
    // would have, but without its exception: building that (expected paths, recovery)
    // made a file of stray `else`s parse at 0.15 MB/s.
    { ALT: () => this.expectedAfterElse() },
  ];

  orphanElse = this.rule("orphanElse", () => new OrphanElseFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.Else));
    this.OR(this.afterElseAlts);
  });

  private expectedAfterElse(): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    const range = next.tokenType === EOF ? { start: this.textLength, end: this.textLength } : tokenRange(next);
    this.sink.errors.push({ message: expectedAfterElseMessage(next), range });
  }

  andBlock = this.rule("andBlock", () => new AndBlockFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.And));
    this.SUBRULE(this.block);
  });

  private readonly blockEntryAlts = [
    { ALT: () => this.SUBRULE(this.item) },
    { ALT: () => this.SUBRULE(this.header) },
    { ALT: () => this.SUBRULE(this.junk) },
  ];

  block = this.rule("block", () => new BlockFrame(), (f) => {
    f.open = real(this.CONSUME(T.LBrace));
    this.MANY(() => {
      this.OR(this.blockEntryAlts);
    });
    f.close = real(this.CONSUME(T.RBrace));
  });

  private readonly constraintAlts = [{ ALT: () => this.SUBRULE(this.soft) }, { ALT: () => this.SUBRULE(this.call) }];

  constraint = this.rule("constraint", () => new ChoiceFrame(), () => {
    this.OR(this.constraintAlts);
  });

  /** The text is optional here so the soft frame can say precisely what is missing. */
  soft = this.rule("soft", () => new SoftFrame(), (f) => {
    f.keyword = real(this.CONSUME(T.Soft));
    this.OPTION(() => (f.category = real(this.CONSUME(T.Identifier))));
    this.OPTION2(() => (f.text = real(this.CONSUME(T.StringLiteral))));
  });

  call = this.rule("call", () => new CallFrame(), (f) => {
    f.name = real(this.CONSUME(T.Identifier));
    this.OPTION(() => this.SUBRULE(this.argList));
    this.OPTION2(() => (f.text = real(this.CONSUME(T.StringLiteral))));
  });

  /** Lenient about commas; the frame reports missing or doubled ones. */
  argList = this.rule("argList", () => new ArgListFrame(), (f) => {
    f.open = real(this.CONSUME(T.LParen));
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.arg) }, { ALT: () => this.keepComma(f.commas, this.CONSUME(T.Comma)) }]);
    });
    f.close = real(this.CONSUME(T.RParen));
  });

  private keepComma(commas: IToken[], token: IToken): void {
    const t = real(token);
    if (t !== undefined) commas.push(t);
  }

  /** The value is optional here so the frame can report a missing value at the colon. */
  arg = this.rule("arg", () => new ArgFrame(), (f) => {
    f.name = real(this.CONSUME(T.Identifier));
    this.OPTION(() => {
      f.colon = real(this.CONSUME(T.Colon));
      this.OPTION2(() => this.SUBRULE(this.value));
    });
  });

  value = this.rule("value", () => new ValueFrame(), (f) => {
    this.OR([
      { ALT: () => (f.number = real(this.CONSUME(T.NumberLiteral))) },
      { ALT: () => (f.string = real(this.CONSUME(T.StringLiteral))) },
      { ALT: () => (f.word = real(this.CONSUME(T.Identifier))) },
      { ALT: () => this.SUBRULE(this.list) },
    ]);
  });

  /** Lenient about commas like argList. */
  list = this.rule("list", () => new ListFrame(), (f) => {
    f.open = real(this.CONSUME(T.LBracket));
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.keepComma(f.commas, this.CONSUME(T.Comma)) }]);
    });
    f.close = real(this.CONSUME(T.RBracket));
  });
}

const parser = new LsrParser();

// Chevrotain builds some lookahead lazily on first use, which costs stack; a
// first parse of a small file that touches every rule keeps that cost away
// from a deeply nested first real input.
const WARM_UP = `prompt "p" gamma 1 define d = soft s "t" first { a(b: [1, "c", e]) "w" } then if and { x } { y } else if z { } else { }
finally and { } else { } in last 2 lines each numbered items 1..2 matching "r" { } first in between "a" and "b" z
if in section "s" q { } ) ] , : = 2 "s" (`;
parseTokens(tokenize(WARM_UP).tokens, WARM_UP.length);

export interface ParseTokensResult {
  ast: FileNode;
  /** The parser's own errors (mismatched and unexpected tokens). */
  parserErrors: IRecognitionException[];
  /** Errors found while building the AST (bad escapes, missing parts, stray tokens). */
  buildErrors: Sink["errors"];
}

/** Parses a token stream (no comments, no whitespace) into the AST of a text of `textLength` characters. */
export function parseTokens(tokens: IToken[], textLength: number): ParseTokensResult {
  const sink: Sink = { errors: [] };
  const { file, errors } = parser.parseFile(tokens, textLength, sink);
  return { ast: file, parserErrors: errors, buildErrors: sink.errors };
}
