// The .lsr grammar as a chevrotain CstParser. One instance is reused: `input`
// is reset for every parse. Rule names are the CST node names cst-to-ast reads.

import { CstParser, type CstNode, type IToken, type IRecognitionException } from "chevrotain";
import * as T from "./tokens.js";
import { tokenize } from "./tokens.js";
import { parserErrorMessages } from "./parser-messages.js";

class LsrParser extends CstParser {
  constructor() {
    super([...T.ALL_TOKENS], { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider: parserErrorMessages });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.header) },
        { ALT: () => this.SUBRULE(this.item) },
        { ALT: () => this.SUBRULE(this.junk) },
        { ALT: () => this.CONSUME(T.RBrace) },
      ]);
    });
  });

  header = this.RULE("header", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.prompt) },
      { ALT: () => this.SUBRULE(this.gamma) },
      { ALT: () => this.SUBRULE(this.define) },
    ]);
  });

  prompt = this.RULE("prompt", () => {
    this.CONSUME(T.Prompt);
    this.CONSUME(T.StringLiteral);
  });

  gamma = this.RULE("gamma", () => {
    this.CONSUME(T.Gamma);
    this.CONSUME(T.NumberLiteral);
  });

  define = this.RULE("define", () => {
    this.CONSUME(T.Define);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.constraint);
  });

  /** Tokens that cannot start anything; consumed one at a time and reported. */
  junk = this.RULE("junk", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.RParen) },
      { ALT: () => this.CONSUME(T.LParen) },
      { ALT: () => this.CONSUME(T.LBracket) },
      { ALT: () => this.CONSUME(T.RBracket) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Colon) },
      { ALT: () => this.CONSUME(T.Equals) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
    ]);
  });

  item = this.RULE("item", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sequence) },
      { ALT: () => this.SUBRULE(this.ifChain) },
      { ALT: () => this.SUBRULE(this.orphanElse) },
      { ALT: () => this.SUBRULE(this.andBlock) },
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.constraint) },
    ]);
  });

  sequence = this.RULE("sequence", () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.step));
  });

  step = this.RULE("step", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.First) },
      { ALT: () => this.CONSUME(T.Then) },
      { ALT: () => this.CONSUME(T.Finally) },
    ]);
    this.SUBRULE(this.stepBody);
  });

  stepBody = this.RULE("stepBody", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.ifChain) },
      { ALT: () => this.SUBRULE(this.andBlock) },
      { ALT: () => this.SUBRULE(this.constraint) },
    ]);
  });

  /**
   * `if C {..} else if C {..} else {..}` read as a loop, not by recursion, so a
   * long else-if chain cannot overflow the parser's stack.
   */
  ifChain = this.RULE("ifChain", () => {
    this.SUBRULE(this.ifHead);
    this.MANY(() => {
      this.CONSUME(T.Else);
      this.SUBRULE2(this.ifHead);
    });
    this.OPTION(() => {
      this.CONSUME2(T.Else);
      this.SUBRULE(this.block);
    });
  });

  ifHead = this.RULE("ifHead", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.condition);
    this.SUBRULE(this.block);
  });

  condition = this.RULE("condition", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.andBlock) }, { ALT: () => this.SUBRULE(this.constraint) }]);
  });

  orphanElse = this.RULE("orphanElse", () => {
    this.CONSUME(T.Else);
    this.OR([{ ALT: () => this.SUBRULE(this.ifChain) }, { ALT: () => this.SUBRULE(this.block) }]);
  });

  andBlock = this.RULE("andBlock", () => {
    this.CONSUME(T.And);
    this.SUBRULE(this.block);
  });

  block = this.RULE("block", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.item) },
        { ALT: () => this.SUBRULE(this.header) },
        { ALT: () => this.SUBRULE(this.junk) },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  constraint = this.RULE("constraint", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.soft) }, { ALT: () => this.SUBRULE(this.call) }]);
  });

  /** The text is optional here so cst-to-ast can say precisely what is missing. */
  soft = this.RULE("soft", () => {
    this.CONSUME(T.Soft);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.OPTION2(() => this.CONSUME(T.StringLiteral));
  });

  call = this.RULE("call", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.argList));
    this.OPTION2(() => this.CONSUME(T.StringLiteral));
  });

  /** Lenient about commas; cst-to-ast reports missing or doubled ones. */
  argList = this.RULE("argList", () => {
    this.CONSUME(T.LParen);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.arg) }, { ALT: () => this.CONSUME(T.Comma) }]);
    });
    this.CONSUME(T.RParen);
  });

  /** The value is optional here so cst-to-ast can report a missing value at the colon. */
  arg = this.RULE("arg", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.OPTION2(() => this.SUBRULE(this.value));
    });
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.SUBRULE(this.list) },
    ]);
  });

  /** Lenient about commas like argList. */
  list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.CONSUME(T.Comma) }]);
    });
    this.CONSUME(T.RBracket);
  });
}

const parser = new LsrParser();

// Chevrotain builds some lookahead lazily on first use, which costs stack; a
// first parse of a small file that touches every rule keeps that cost away
// from a deeply nested first real input.
const WARM_UP = `prompt "p" gamma 1 define d = soft s "t" first { a(b: [1, "c", e]) "w" } then if and { x } { y } else if z { } else { }
finally and { } else { } ) ] , : = 2 "s" (`;
parseTokens(tokenize(WARM_UP).tokens);

export interface CstParseResult {
  cst: CstNode;
  errors: IRecognitionException[];
}

/** Parses a token stream (no comments, no whitespace) into a CST. */
export function parseTokens(tokens: IToken[]): CstParseResult {
  parser.input = tokens;
  const cst = parser.file();
  return { cst, errors: parser.errors };
}
