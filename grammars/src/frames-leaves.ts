// What the constraint rules (soft, call, arguments, values) collect while they
// parse, and the AST nodes made from it when each rule ends.

import type { IToken } from "chevrotain";
import type { ArgValue, Argument, CallNode, Range, SoftNode } from "./ast.js";
import { isArgValue, span, tokenRange, widen, type ArgListParts, type RuleResult, type Sink } from "./ast-build.js";
import { excerpt } from "./excerpt.js";
import { stringTokenValue } from "./strings.js";

/** The part of a rule's state its sub-rules report to, even when they stop part-way. */
export interface Frame {
  /** A sub-rule's result (undefined when it found nothing to build). */
  take(value: RuleResult | undefined): void;
  /** The rule's result; never throws, whatever is missing. */
  finish(sink: Sink): RuleResult | undefined;
}

/** Rules that are a choice of sub-rules: the result is the chosen sub-rule's. */
export class ChoiceFrame implements Frame {
  result: RuleResult | undefined = undefined;
  constructor(private readonly convert?: (value: RuleResult | undefined) => RuleResult | undefined) {}
  take(value: RuleResult | undefined): void {
    this.result = this.convert === undefined ? value : this.convert(value);
  }
  finish(): RuleResult | undefined {
    return this.result;
  }
}

export class SoftFrame implements Frame {
  keyword: IToken | undefined = undefined;
  category: IToken | undefined = undefined;
  text: IToken | undefined = undefined;
  take(): void {}
  finish(sink: Sink): SoftNode | undefined {
    const { keyword, category, text } = this;
    const categoryRange = category && tokenRange(category);
    const textRange = text && tokenRange(text);
    const range = span(keyword && tokenRange(keyword), categoryRange, textRange);
    if (range === undefined) return undefined;
    if (text === undefined) sink.errors.push({ message: "expected the soft constraint's text as a string", range });
    return {
      kind: "soft",
      category: category?.image,
      categoryRange,
      text: text && stringTokenValue(text, sink.errors),
      textRange,
      range,
    };
  }
}

export class CallFrame implements Frame {
  name: IToken | undefined = undefined;
  text: IToken | undefined = undefined;
  argList: ArgListParts | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.argList = value?.kind === "arg-list" ? value : undefined;
  }
  finish(sink: Sink): CallNode | undefined {
    const { name, text, argList } = this;
    if (name === undefined) return undefined;
    const nameRange = tokenRange(name);
    const textRange = text && tokenRange(text);
    return {
      kind: "call",
      name: name.image,
      nameRange,
      args: argList?.args,
      argsRange: argList?.range,
      text: text && stringTokenValue(text, sink.errors),
      textRange,
      range: span(nameRange, argList?.range, textRange) ?? nameRange,
    };
  }
}

/** `(`...`)` and `[`...`]`: elements, commas, and the brackets. */
abstract class SeparatedFrame<T extends { range: Range }> implements Frame {
  open: IToken | undefined = undefined;
  close: IToken | undefined = undefined;
  readonly elements: T[] = [];
  readonly commas: IToken[] = [];
  take(value: RuleResult | undefined): void {
    const element = value && this.element(value);
    if (element !== undefined) this.elements.push(element);
  }
  /** The sub-result as an element, or undefined when it is not one. */
  protected abstract element(value: RuleResult): T | undefined;
  abstract finish(sink: Sink): RuleResult | undefined;
  protected range(): Range | undefined {
    let range = span(this.open && tokenRange(this.open), this.close && tokenRange(this.close));
    for (const e of this.elements) range = widen(range, e.range);
    return range;
  }
}

export class ArgListFrame extends SeparatedFrame<Argument> {
  protected element(value: RuleResult): Argument | undefined {
    return value.kind === "argument" ? value : undefined;
  }
  finish(sink: Sink): ArgListParts | undefined {
    checkSeparators(this.elements, this.commas, "arguments", sink);
    const range = this.range();
    return range && { kind: "arg-list", args: this.elements, range };
  }
}

export class ListFrame extends SeparatedFrame<ArgValue> {
  protected element(value: RuleResult): ArgValue | undefined {
    return isArgValue(value) ? value : undefined;
  }
  finish(sink: Sink): ArgValue | undefined {
    checkSeparators(this.elements, this.commas, "list items", sink);
    const range = this.range();
    return range && { kind: "list", items: this.elements, range };
  }
}

export class ArgFrame implements Frame {
  name: IToken | undefined = undefined;
  colon: IToken | undefined = undefined;
  hasValue = false;
  value: ArgValue | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.hasValue = true;
    this.value = value && isArgValue(value) ? value : undefined;
  }
  finish(sink: Sink): Argument | undefined {
    const { name, colon, value } = this;
    if (name === undefined) return undefined;
    const nameRange = tokenRange(name);
    if (colon === undefined && !this.hasValue) {
      const split = name.image.indexOf(":");
      if (split > 0) {
        // `relation:at_least` lexes as one colon id; in an argument list it means `relation: at_least`.
        const at = name.startOffset + split + 1;
        const word: ArgValue = { kind: "word", value: name.image.slice(split + 1), range: { start: at, end: nameRange.end } };
        return { kind: "argument", name: name.image.slice(0, split), nameRange: { start: nameRange.start, end: at - 1 }, value: word, range: nameRange };
      }
      sink.errors.push({ message: `expected ':' and a value after argument '${excerpt(name.image)}'`, range: nameRange });
      return { kind: "argument", name: name.image, nameRange, value: undefined, range: nameRange };
    }
    const range = span(nameRange, colon && tokenRange(colon), value?.range) ?? nameRange;
    if (value === undefined) sink.errors.push({ message: `missing value for argument '${excerpt(name.image)}'`, range });
    return { kind: "argument", name: name.image, nameRange, value, range };
  }
}

export class ValueFrame implements Frame {
  number: IToken | undefined = undefined;
  string: IToken | undefined = undefined;
  word: IToken | undefined = undefined;
  list: ArgValue | undefined = undefined;
  take(value: RuleResult | undefined): void {
    this.list = value?.kind === "list" ? value : undefined;
  }
  finish(sink: Sink): ArgValue | undefined {
    const { number, string, word } = this;
    if (number !== undefined) return { kind: "number", value: Number(number.image), raw: number.image, range: tokenRange(number) };
    if (string !== undefined) return { kind: "string", value: stringTokenValue(string, sink.errors), range: tokenRange(string) };
    if (word !== undefined) return { kind: "word", value: word.image, range: tokenRange(word) };
    return this.list;
  }
}

/** Elements must alternate with commas; one trailing comma is allowed. */
function checkSeparators(elements: { range: Range }[], commas: IToken[], what: string, sink: Sink): void {
  if (commas.length === 0 && elements.length <= 1) return;
  // Both lists are in source order: merge them instead of sorting.
  let e = 0;
  let c = 0;
  let previousWasElement = false;
  while (e < elements.length || c < commas.length) {
    const isComma = e >= elements.length || (c < commas.length && commas[c].startOffset < elements[e].range.start);
    if (isComma) {
      if (!previousWasElement) sink.errors.push({ message: "unexpected ','", range: tokenRange(commas[c]) });
      c++;
    } else {
      if (previousWasElement) sink.errors.push({ message: `expected ',' between ${what}`, range: elements[e].range });
      e++;
    }
    previousWasElement = !isComma;
  }
}
