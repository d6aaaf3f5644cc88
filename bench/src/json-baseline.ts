// A minimal JSON grammar with the same chevrotain version and settings as the
// .lsr parser (CstParser, recovery on, offsets only): the benchmark's yardstick.

import { createToken, CstParser, Lexer } from "chevrotain";

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
const NumberLit = createToken({ name: "NumberLit", pattern: /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/ });
const True = createToken({ name: "True", pattern: /true/ });
const False = createToken({ name: "False", pattern: /false/ });
const Null = createToken({ name: "Null", pattern: /null/ });
const LCurly = createToken({ name: "LCurly", pattern: /{/ });
const RCurly = createToken({ name: "RCurly", pattern: /}/ });
const LSquare = createToken({ name: "LSquare", pattern: /\[/ });
const RSquare = createToken({ name: "RSquare", pattern: /]/ });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const Colon = createToken({ name: "Colon", pattern: /:/ });

const JSON_TOKENS = [WhiteSpace, StringLit, NumberLit, True, False, Null, LCurly, RCurly, LSquare, RSquare, Comma, Colon];
const jsonLexer = new Lexer(JSON_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: true });

class JsonParser extends CstParser {
  constructor() {
    super(JSON_TOKENS, { recoveryEnabled: true });
    this.performSelfAnalysis();
  }

  json = this.RULE("json", () => {
    this.SUBRULE(this.value);
  });

  object = this.RULE("object", () => {
    this.CONSUME(LCurly);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.objectItem) });
    this.CONSUME(RCurly);
  });

  objectItem = this.RULE("objectItem", () => {
    this.CONSUME(StringLit);
    this.CONSUME(Colon);
    this.SUBRULE(this.value);
  });

  array = this.RULE("array", () => {
    this.CONSUME(LSquare);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(RSquare);
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.SUBRULE(this.object) },
      { ALT: () => this.SUBRULE(this.array) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(Null) },
    ]);
  });
}

const jsonParser = new JsonParser();

/** Lexes and parses `text` as JSON to a CST; returns the number of lexer and parser errors. */
export function parseJsonBaseline(text: string): { errors: number } {
  const lexed = jsonLexer.tokenize(text);
  jsonParser.input = lexed.tokens;
  jsonParser.json();
  return { errors: lexed.errors.length + jsonParser.errors.length };
}
