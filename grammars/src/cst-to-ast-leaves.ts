// CST -> AST for constraints, arguments and values.

import type { CstNode, IToken } from "chevrotain";
import type { ArgValue, Argument, CallNode, ConstraintNode, Range, SoftNode } from "./ast.js";
import { child, children, span, token, tokenRange, tokens, type Sink } from "./cst-util.js";
import { stringTokenValue } from "./strings.js";

export function convertConstraint(node: CstNode | undefined, sink: Sink): ConstraintNode | undefined {
  if (node === undefined) return undefined;
  const soft = child(node, "soft");
  if (soft !== undefined) return convertSoft(soft, sink);
  const call = child(node, "call");
  return call === undefined ? undefined : convertCall(call, sink);
}

function convertSoft(node: CstNode, sink: Sink): SoftNode | undefined {
  const keyword = token(node, "Soft");
  const category = token(node, "Identifier");
  const text = token(node, "StringLiteral");
  const range = span(keyword && tokenRange(keyword), category && tokenRange(category), text && tokenRange(text));
  if (range === undefined) return undefined;
  if (text === undefined) sink.errors.push({ message: "expected the soft constraint's text as a string", range });
  return {
    kind: "soft",
    category: category?.image,
    categoryRange: category && tokenRange(category),
    text: text && stringTokenValue(text, sink.errors),
    textRange: text && tokenRange(text),
    range,
  };
}

function convertCall(node: CstNode, sink: Sink): CallNode | undefined {
  const name = token(node, "Identifier");
  if (name === undefined) return undefined;
  const argList = child(node, "argList");
  const parsedArgs = argList && convertArgList(argList, sink);
  const text = token(node, "StringLiteral");
  const nameRange = tokenRange(name);
  return {
    kind: "call",
    name: name.image,
    nameRange,
    args: parsedArgs?.args,
    argsRange: parsedArgs?.range,
    text: text && stringTokenValue(text, sink.errors),
    textRange: text && tokenRange(text),
    range: span(nameRange, parsedArgs?.range, text && tokenRange(text)) ?? nameRange,
  };
}

function convertArgList(node: CstNode, sink: Sink): { args: Argument[]; range: Range } | undefined {
  const open = token(node, "LParen");
  const close = token(node, "RParen");
  const args = children(node, "arg")
    .map((a) => convertArg(a, sink))
    .filter((a): a is Argument => a !== undefined);
  checkSeparators(args, tokens(node, "Comma"), "arguments", sink);
  const range = span(open && tokenRange(open), close && tokenRange(close), ...args.map((a) => a.range));
  return range && { args, range };
}

function convertArg(node: CstNode, sink: Sink): Argument | undefined {
  const name = token(node, "Identifier");
  if (name === undefined) return undefined;
  const colon = token(node, "Colon");
  const valueNode = child(node, "value");
  const nameRange = tokenRange(name);
  if (colon === undefined && valueNode === undefined) {
    const split = name.image.indexOf(":");
    if (split > 0) {
      // `relation:at_least` lexes as one colon id; in an argument list it means `relation: at_least`.
      const at = name.startOffset + split + 1;
      const value: ArgValue = { kind: "word", value: name.image.slice(split + 1), range: { start: at, end: nameRange.end } };
      return { name: name.image.slice(0, split), nameRange: { start: nameRange.start, end: at - 1 }, value, range: nameRange };
    }
    sink.errors.push({ message: `expected ':' and a value after argument '${name.image}'`, range: nameRange });
    return { name: name.image, nameRange, value: undefined, range: nameRange };
  }
  const value = valueNode && convertValue(valueNode, sink);
  const range = span(nameRange, colon && tokenRange(colon), value?.range) ?? nameRange;
  if (value === undefined) sink.errors.push({ message: `missing value for argument '${name.image}'`, range });
  return { name: name.image, nameRange, value, range };
}

function convertValue(node: CstNode, sink: Sink): ArgValue | undefined {
  const num = token(node, "NumberLiteral");
  if (num !== undefined) return { kind: "number", value: Number(num.image), raw: num.image, range: tokenRange(num) };
  const str = token(node, "StringLiteral");
  if (str !== undefined) return { kind: "string", value: stringTokenValue(str, sink.errors), range: tokenRange(str) };
  const word = token(node, "Identifier");
  if (word !== undefined) return { kind: "word", value: word.image, range: tokenRange(word) };
  const list = child(node, "list");
  return list && convertList(list, sink);
}

function convertList(node: CstNode, sink: Sink): ArgValue | undefined {
  const open = token(node, "LBracket");
  const close = token(node, "RBracket");
  const items = children(node, "value")
    .map((v) => convertValue(v, sink))
    .filter((v): v is ArgValue => v !== undefined);
  checkSeparators(items, tokens(node, "Comma"), "list items", sink);
  const range = span(open && tokenRange(open), close && tokenRange(close), ...items.map((i) => i.range));
  return range && { kind: "list", items, range };
}

/** Elements must alternate with commas; one trailing comma is allowed. */
function checkSeparators(elements: { range: Range }[], commas: IToken[], what: string, sink: Sink): void {
  if (elements.length + commas.length <= 1 && commas.length === 0) return;
  const marks = [
    ...elements.map((e) => ({ isComma: false, range: e.range })),
    ...commas.map((c) => ({ isComma: true, range: tokenRange(c) })),
  ].sort((a, b) => a.range.start - b.range.start);
  let previousWasElement = false;
  for (const mark of marks) {
    if (mark.isComma && !previousWasElement) sink.errors.push({ message: "unexpected ','", range: mark.range });
    if (!mark.isComma && previousWasElement) sink.errors.push({ message: `expected ',' between ${what}`, range: mark.range });
    previousWasElement = !mark.isComma;
  }
}
