// CST -> AST for the file, headers and structures. Never throws on partial
// nodes left by error recovery: missing parts become undefined.

import type { CstNode, IToken } from "chevrotain";
import type { AndNode, DefineNode, FileNode, GammaNode, IfNode, ItemNode, OrphanElseNode, PromptNode, Range, SequenceNode, StepKeyword, StepNode } from "./ast.js";
import { convertConstraint } from "./cst-to-ast-leaves.js";
import { child, children, firstToken, reportUnexpected, span, token, tokenRange, tokens, type Sink } from "./cst-util.js";
import { stringTokenValue } from "./strings.js";

type Header = PromptNode | GammaNode | DefineNode;

export function convertFile(node: CstNode, sink: Sink): FileNode {
  const file: FileNode = { kind: "file", prompts: [], gammas: [], defines: [], items: [], comments: [], range: { start: 0, end: sink.text.length } };
  for (const h of children(node, "header")) {
    const header = convertHeader(h, sink);
    if (header?.kind === "prompt") file.prompts.push(header);
    else if (header?.kind === "gamma") file.gammas.push(header);
    else if (header?.kind === "define") file.defines.push(header);
  }
  file.items = convertItems(node, sink);
  for (const brace of tokens(node, "RBrace")) reportUnexpected(sink, brace);
  return file;
}

/** The `item` children of a file or block in source order; junk is reported. */
function convertItems(node: CstNode, sink: Sink): ItemNode[] {
  const items: ItemNode[] = [];
  for (const c of children(node, "item")) {
    const item = convertItem(c, sink);
    if (item !== undefined) items.push(item);
  }
  for (const j of children(node, "junk")) {
    const t = firstToken(j);
    if (t !== undefined) reportUnexpected(sink, t);
  }
  // Items of one MANY are already in order unless recovery interleaved them; keep it cheap.
  for (let i = 1; i < items.length; i++) {
    if (items[i].range.start < items[i - 1].range.start) return items.sort((a, b) => a.range.start - b.range.start);
  }
  return items;
}

function convertHeader(node: CstNode, sink: Sink): Header | undefined {
  const prompt = child(node, "prompt");
  if (prompt !== undefined) {
    const keyword = token(prompt, "Prompt");
    const text = token(prompt, "StringLiteral");
    const range = span(keyword && tokenRange(keyword), text && tokenRange(text));
    return range && { kind: "prompt", text: text && stringTokenValue(text, sink.errors), textRange: text && tokenRange(text), range };
  }
  const gamma = child(node, "gamma");
  if (gamma !== undefined) {
    const keyword = token(gamma, "Gamma");
    const value = token(gamma, "NumberLiteral");
    const range = span(keyword && tokenRange(keyword), value && tokenRange(value));
    return range && { kind: "gamma", value: value ? Number(value.image) : NaN, valueRange: value && tokenRange(value), range };
  }
  const define = child(node, "define");
  if (define === undefined) return undefined;
  const keyword = token(define, "Define");
  const name = token(define, "Identifier");
  const equals = token(define, "Equals");
  const value = convertConstraint(child(define, "constraint"), sink);
  const range = span(keyword && tokenRange(keyword), name && tokenRange(name), equals && tokenRange(equals), value?.range);
  return range && { kind: "define", name: name?.image, nameRange: name && tokenRange(name), value, range };
}

function convertItem(node: CstNode, sink: Sink): ItemNode | undefined {
  const sequence = child(node, "sequence");
  if (sequence !== undefined) return convertSequence(sequence, sink);
  const ifChain = child(node, "ifChain");
  if (ifChain !== undefined) return convertIfChain(ifChain, sink);
  const orphan = child(node, "orphanElse");
  if (orphan !== undefined) return convertOrphanElse(orphan, sink);
  return convertBlockLike(node, sink) ?? convertConstraint(child(node, "constraint"), sink);
}

/** An `andBlock` or bare `block` child of `node`, if it has one. */
function convertBlockLike(node: CstNode, sink: Sink): AndNode | undefined {
  const andBlock = child(node, "andBlock");
  if (andBlock !== undefined) {
    const keyword = token(andBlock, "And");
    return convertBlock(child(andBlock, "block"), keyword && tokenRange(keyword), sink);
  }
  return convertBlock(child(node, "block"), undefined, sink);
}

function convertBlock(node: CstNode | undefined, keywordRange: Range | undefined, sink: Sink): AndNode | undefined {
  if (node === undefined) return keywordRange && { kind: "and", keywordRange, items: [], closed: false, range: keywordRange };
  const open = token(node, "LBrace");
  const close = token(node, "RBrace");
  for (const h of children(node, "header")) {
    const header = convertHeader(h, sink);
    if (header !== undefined) sink.errors.push({ message: `'${header.kind}' is only allowed at the top level`, range: header.range });
  }
  const items = convertItems(node, sink);
  const range = span(keywordRange, open && tokenRange(open), close && tokenRange(close), ...items.map((i) => i.range));
  return range && { kind: "and", keywordRange, items, closed: close !== undefined, range };
}

function convertSequence(node: CstNode, sink: Sink): SequenceNode | undefined {
  const steps: StepNode[] = [];
  for (const s of children(node, "step")) {
    const keyword = token(s, "First") ?? token(s, "Then") ?? token(s, "Finally");
    if (keyword === undefined) continue;
    const bodyNode = child(s, "stepBody");
    const body = bodyNode && convertStepBody(bodyNode, sink);
    const keywordRange = tokenRange(keyword);
    steps.push({ keyword: keyword.image.toLowerCase() as StepKeyword, keywordRange, body, range: span(keywordRange, body?.range) ?? keywordRange });
  }
  const range = span(...steps.map((s) => s.range));
  return range && { kind: "sequence", steps, range };
}

function convertStepBody(node: CstNode, sink: Sink): ItemNode | undefined {
  const ifChain = child(node, "ifChain");
  if (ifChain !== undefined) return convertIfChain(ifChain, sink);
  return convertBlockLike(node, sink) ?? convertConstraint(child(node, "constraint"), sink);
}

interface IfHeadParts {
  keyword: IToken;
  condition: ItemNode | undefined;
  then: AndNode | undefined;
}

/** Builds the nested IfNode chain from the flat `if .. else if .. else ..` CST, from the back. */
function convertIfChain(node: CstNode, sink: Sink): IfNode | undefined {
  const heads: IfHeadParts[] = [];
  for (const h of children(node, "ifHead")) {
    const keyword = token(h, "If");
    if (keyword === undefined) continue;
    const conditionNode = child(h, "condition");
    const condition = conditionNode && (convertBlockLike(conditionNode, sink) ?? convertConstraint(child(conditionNode, "constraint"), sink));
    heads.push({ keyword, condition, then: convertBlock(child(h, "block"), undefined, sink) });
  }
  if (heads.length === 0) return undefined;
  const elses = tokens(node, "Else");
  const finalBlock = convertBlock(child(node, "block"), undefined, sink);
  let tail: AndNode | IfNode | undefined = finalBlock;
  let e = elses.length - 1;
  for (let i = heads.length - 1; i >= 0; i--) {
    const head = heads[i];
    // The else that follows this head, if any, is the last one after it (and before the next head).
    const elseToken = e >= 0 && elses[e].startOffset > head.keyword.startOffset ? elses[e--] : undefined;
    const elsePart: AndNode | IfNode | undefined = elseToken === undefined ? undefined : tail;
    const keywordRange = tokenRange(head.keyword);
    const elseKeywordRange = elseToken && tokenRange(elseToken);
    tail = {
      kind: "if",
      keywordRange,
      condition: head.condition,
      then: head.then,
      elseKeywordRange,
      else: elsePart,
      range: span(keywordRange, head.condition?.range, head.then?.range, elseKeywordRange, elsePart?.range) ?? keywordRange,
    };
  }
  return tail as IfNode;
}

function convertOrphanElse(node: CstNode, sink: Sink): OrphanElseNode | undefined {
  const keyword = token(node, "Else");
  if (keyword === undefined) return undefined;
  const ifChain = child(node, "ifChain");
  const body = ifChain !== undefined ? convertIfChain(ifChain, sink) : convertBlock(child(node, "block"), undefined, sink);
  const keywordRange = tokenRange(keyword);
  return { kind: "orphan-else", keywordRange, body, range: span(keywordRange, body?.range) ?? keywordRange };
}
