// What the scope rules (`in` / `each` heads, selectors, scoped items) collect
// while they parse, and the AST nodes made from it when each rule ends.

import type { IToken } from "chevrotain";
import type { ItemNode, NumberNode, Quantifier, ScopeHeadNode, ScopeNode, SelectorNode, StringPart } from "./ast.js";
import { andNode, isItem, span, tokenRange, widen, type RuleResult, type Sink } from "./ast-build.js";
import type { Frame } from "./frames-leaves.js";
import { stringTokenValue } from "./strings.js";

function numberNode(t: IToken | undefined): NumberNode | undefined {
  return t && { value: Number(t.image), raw: t.image, range: tokenRange(t) };
}

function stringPart(t: IToken | undefined, sink: Sink): StringPart | undefined {
  return t && { value: stringTokenValue(t, sink.errors), range: tokenRange(t) };
}

export class SelectorFrame implements Frame {
  position: IToken | undefined = undefined;
  count: IToken | undefined = undefined;
  unit: IToken | undefined = undefined;
  unitSecond: IToken | undefined = undefined;
  from: IToken | undefined = undefined;
  dots: IToken | undefined = undefined;
  to: IToken | undefined = undefined;
  matching: IToken | undefined = undefined;
  text: IToken | undefined = undefined;
  and: IToken | undefined = undefined;
  text2: IToken | undefined = undefined;
  take(): void {}
  finish(sink: Sink): SelectorNode | undefined {
    const tokens = [this.position, this.count, this.unit, this.unitSecond, this.from, this.dots, this.to, this.matching, this.text, this.and, this.text2];
    let range = undefined;
    for (const t of tokens) if (t !== undefined) range = widen(range, tokenRange(t));
    if (range === undefined) return undefined;
    const position = this.position?.image.toLowerCase();
    return {
      kind: "selector",
      position: position === "first" || position === "last" ? position : undefined,
      positionRange: this.position && tokenRange(this.position),
      count: numberNode(this.count),
      unit: this.unit?.image,
      unitRange: this.unit && tokenRange(this.unit),
      unitSecond: this.unitSecond?.image,
      from: numberNode(this.from),
      to: numberNode(this.to),
      hasRange: this.dots !== undefined,
      matching: this.matching !== undefined,
      text: stringPart(this.text, sink),
      text2: stringPart(this.text2, sink),
      andRange: this.and && tokenRange(this.and),
      range,
    };
  }
}

export class ScopeHeadFrame implements Frame {
  keyword: IToken | undefined = undefined;
  selector: SelectorNode | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.selector = value?.kind === "selector" ? value : undefined;
  }
  /** A missing selector is reported by the parser itself. */
  finish(): ScopeHeadNode | undefined {
    if (this.keyword === undefined) return undefined;
    const keywordRange = tokenRange(this.keyword);
    return {
      kind: "scope-head",
      quantifier: this.keyword.image.toLowerCase() as Quantifier,
      keywordRange,
      selector: this.selector,
      range: span(keywordRange, this.selector?.range) ?? keywordRange,
    };
  }
}

/** Scope heads, then the item they apply to (a bare block becomes an implicit `and`). */
export class ScopedFrame implements Frame {
  readonly heads: ScopeHeadNode[] = [];
  body: ItemNode | undefined = undefined;
  take(value: RuleResult | undefined): void {
    if (value === undefined) return;
    if (value.kind === "scope-head") this.heads.push(value);
    else if (value.kind === "block") this.body = andNode(value, undefined);
    else if (isItem(value)) this.body = value;
  }
  /** A missing body is reported by the parser itself. */
  finish(): ItemNode | undefined {
    if (this.heads.length === 0) return this.body;
    let range = undefined;
    for (const h of this.heads) range = widen(range, h.range);
    range = widen(range, this.body?.range);
    const node: ScopeNode = { kind: "scope", heads: this.heads, body: this.body, range: range ?? this.heads[0].range };
    return node;
  }
}
