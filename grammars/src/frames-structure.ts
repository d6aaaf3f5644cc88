// What the file, header and structure rules collect while they parse, and the
// AST nodes made from it when each rule ends.

import type { IToken } from "chevrotain";
import type {
  AndNode, ConstraintNode, DefineNode, FileNode, GammaNode, IfNode, ItemNode, OrphanElseNode, PromptNode, SequenceNode, StepKeyword, StepNode,
} from "./ast.js";
import {
  andNode, inSourceOrder, isConstraint, isItem, span, tokenRange, widen, type BlockParts, type IfHeadParts, type RuleResult, type Sink,
} from "./ast-build.js";
import type { Frame } from "./frames-leaves.js";
import { stringTokenValue } from "./strings.js";

type Header = PromptNode | GammaNode | DefineNode;

/** A sub-rule result as an item: a bare block becomes an implicit `and`. */
export function asItem(value: RuleResult | undefined): RuleResult | undefined {
  return value?.kind === "block" ? andNode(value, undefined) : value;
}

export class FileFrame implements Frame {
  private readonly items: ItemNode[] = [];
  private readonly prompts: PromptNode[] = [];
  private readonly gammas: GammaNode[] = [];
  private readonly defines: DefineNode[] = [];
  constructor(private readonly textLength: number) {}
  take(value: RuleResult | undefined): void {
    if (value === undefined) return;
    if (value.kind === "prompt") this.prompts.push(value);
    else if (value.kind === "gamma") this.gammas.push(value);
    else if (value.kind === "define") this.defines.push(value);
    else if (isItem(value)) this.items.push(value);
  }
  finish(): FileNode {
    const { prompts, gammas, defines } = this;
    return { kind: "file", prompts, gammas, defines, items: inSourceOrder(this.items), comments: [], range: { start: 0, end: this.textLength } };
  }
}

export class BlockFrame implements Frame {
  open: IToken | undefined = undefined;
  close: IToken | undefined = undefined;
  private items: ItemNode[] = [];
  private readonly misplacedHeaders: Header[] = [];
  take(value: RuleResult | undefined): void {
    if (value === undefined) return;
    if (value.kind === "prompt" || value.kind === "gamma" || value.kind === "define") this.misplacedHeaders.push(value);
    // A first push into an empty array reserves 17 slots; most blocks hold one item, and the
    // array stays in the AST (on blocks nested deep, these were a tenth of what parsing allocated).
    else if (isItem(value)) {
      if (this.items.length === 0) this.items = [value];
      else this.items.push(value);
    }
  }
  finish(sink: Sink): BlockParts {
    for (const header of this.misplacedHeaders) sink.errors.push({ message: `'${header.kind}' is only allowed at the top level`, range: header.range });
    return { kind: "block", open: this.open, close: this.close, items: inSourceOrder(this.items) };
  }
}

export class PromptFrame implements Frame {
  keyword: IToken | undefined = undefined;
  text: IToken | undefined = undefined;
  take(): void {}
  finish(sink: Sink): PromptNode | undefined {
    const { keyword, text } = this;
    const range = span(keyword && tokenRange(keyword), text && tokenRange(text));
    return range && { kind: "prompt", text: text && stringTokenValue(text, sink.errors), textRange: text && tokenRange(text), range };
  }
}

export class GammaFrame implements Frame {
  keyword: IToken | undefined = undefined;
  value: IToken | undefined = undefined;
  take(): void {}
  finish(): GammaNode | undefined {
    const { keyword, value } = this;
    const range = span(keyword && tokenRange(keyword), value && tokenRange(value));
    return range && { kind: "gamma", value: value ? Number(value.image) : NaN, valueRange: value && tokenRange(value), range };
  }
}

export class DefineFrame implements Frame {
  keyword: IToken | undefined = undefined;
  name: IToken | undefined = undefined;
  equals: IToken | undefined = undefined;
  value: ConstraintNode | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.value = value && isConstraint(value) ? value : undefined;
  }
  finish(): DefineNode | undefined {
    const { keyword, name, equals, value } = this;
    const range = span(keyword && tokenRange(keyword), name && tokenRange(name), equals && tokenRange(equals), value?.range);
    return range && { kind: "define", name: name?.image, nameRange: name && tokenRange(name), value, range };
  }
}

export class SequenceFrame implements Frame {
  readonly steps: StepNode[] = [];
  take(value: RuleResult | undefined): void {
    if (value?.kind === "step") this.steps.push(value);
  }
  finish(): SequenceNode | undefined {
    let range = undefined;
    for (const s of this.steps) range = widen(range, s.range);
    return range && { kind: "sequence", steps: this.steps, range };
  }
}

export class StepFrame implements Frame {
  keyword: IToken | undefined = undefined;
  body: ItemNode | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.body = value && isItem(value) ? value : undefined;
  }
  finish(): StepNode | undefined {
    const { keyword, body } = this;
    if (keyword === undefined) return undefined;
    const keywordRange = tokenRange(keyword);
    return { kind: "step", keyword: keyword.image.toLowerCase() as StepKeyword, keywordRange, body, range: span(keywordRange, body?.range) ?? keywordRange };
  }
}

export class AndBlockFrame implements Frame {
  keyword: IToken | undefined = undefined;
  block: BlockParts | undefined = undefined;
  take(value: RuleResult | undefined): void {
    if (value?.kind === "block") this.block = value;
  }
  finish(): AndNode | undefined {
    return andNode(this.block, this.keyword && tokenRange(this.keyword));
  }
}

export class IfHeadFrame implements Frame {
  keyword: IToken | undefined = undefined;
  condition: ItemNode | undefined = undefined;
  block: BlockParts | undefined = undefined;
  take(value: RuleResult | undefined): void {
    if (value?.kind === "block") this.block = value;
    else this.condition = value && isItem(value) ? value : undefined;
  }
  finish(): IfHeadParts | undefined {
    if (this.keyword === undefined) return undefined;
    return { kind: "if-head", keyword: this.keyword, condition: this.condition, then: andNode(this.block, undefined) };
  }
}

/** `if .. else if .. else ..` parsed flat; the nested IfNode chain is built from the back. */
export class IfChainFrame implements Frame {
  readonly heads: IfHeadParts[] = [];
  readonly elses: IToken[] = [];
  finalBlock: BlockParts | undefined = undefined;
  take(value: RuleResult | undefined): void {
    if (value?.kind === "block") this.finalBlock = value;
    else if (value?.kind === "if-head") this.heads.push(value);
  }
  finish(): IfNode | undefined {
    const { heads, elses } = this;
    if (heads.length === 0) return undefined;
    let tail: AndNode | IfNode | undefined = andNode(this.finalBlock, undefined);
    let chain: IfNode | undefined;
    let e = elses.length - 1;
    for (let i = heads.length - 1; i >= 0; i--) {
      const head = heads[i];
      // The else that follows this head, if any, is the last one after it (and before the next head).
      const elseToken = e >= 0 && elses[e].startOffset > head.keyword.startOffset ? elses[e--] : undefined;
      const elsePart: AndNode | IfNode | undefined = elseToken === undefined ? undefined : tail;
      const keywordRange = tokenRange(head.keyword);
      const elseKeywordRange = elseToken && tokenRange(elseToken);
      tail = chain = {
        kind: "if",
        keywordRange,
        condition: head.condition,
        then: head.then,
        elseKeywordRange,
        else: elsePart,
        range: span(keywordRange, head.condition?.range, head.then?.range, elseKeywordRange, elsePart?.range) ?? keywordRange,
      };
    }
    return chain;
  }
}

export class OrphanElseFrame implements Frame {
  keyword: IToken | undefined = undefined;
  private hasIfChain = false;
  private ifChain: IfNode | undefined = undefined;
  private block: BlockParts | undefined = undefined;
  take(value: RuleResult | undefined): void {
    // A block always gives its parts; an `if` chain may give nothing (then the body is missing).
    if (value?.kind === "block") {
      this.block = value;
    } else {
      this.hasIfChain = true;
      this.ifChain = value?.kind === "if" ? value : undefined;
    }
  }
  finish(): OrphanElseNode | undefined {
    if (this.keyword === undefined) return undefined;
    const body = this.hasIfChain ? this.ifChain : andNode(this.block, undefined);
    const keywordRange = tokenRange(this.keyword);
    return { kind: "orphan-else", keywordRange, body, range: span(keywordRange, body?.range) ?? keywordRange };
  }
}
