// The natural-language instruction a model is given: the prompt, then the constraints
// in words, laid out so the logic is readable. Deterministic: the same tree always
// gives the same text.
//
//   Parallel     a bulleted list ("- ..."), nested lists indented two spaces
//   Sequential   "First, a; then, b; finally, c." when every step is one constraint,
//                else one line per step ("First, ...", "Then, ...", "Finally, ...")
//   Conditional  "If <condition>, a; otherwise, b." when the branches are single
//                constraints, else "If <condition>, do all of the following:" + list
//
// One-child Parallel nodes (every .lsr branch is one) read as their child.
// A scope reads as a lead-in: "In the first paragraph, use fewer than 4 sentences."

import type { ConditionalNode, Instruction, LeafNode, LogicNode } from "../analysis/logic.js";
import { hardLeafText } from "../interchange/lsrinstruct-export.js";
import { hardConditionPhrase } from "./condition-phrases.js";
import { scopesPhrase } from "../scopes/describe.js";

export const CONSTRAINTS_HEADER = "Your response must follow these instructions:";

export function renderInstruction(instruction: Instruction): string {
  const parts: string[] = [];
  const prompt = instruction.prompt?.trim();
  if (prompt) parts.push(prompt);
  const children = instruction.root.children;
  if (children.length > 0) parts.push([CONSTRAINTS_HEADER, ...bullets(children)].join("\n"));
  return parts.join("\n\n");
}

/** One-child structures read as their child; a wrapper's scopes go in front of the child's. */
function simplify(node: LogicNode): LogicNode {
  let current = node;
  while ((current.kind === "parallel" && current.children.length === 1) || (current.kind === "sequential" && current.steps.length === 1)) {
    const child = current.kind === "parallel" ? current.children[0] : current.steps[0];
    current = current.scopes?.length ? { ...child, scopes: [...current.scopes, ...(child.scopes ?? [])] } : child;
  }
  return current;
}

const scoped = (node: LogicNode): boolean => node.scopes !== undefined && node.scopes.length > 0;
const unscoped = <N extends LogicNode>(node: N): N => ({ ...node, scopes: undefined });
/** "in the first paragraph" */
const scopeLead = (node: LogicNode): string => lowerFirst(scopesPhrase(node.scopes ?? []));

function isLeaf(node: LogicNode): node is LeafNode {
  return node.kind === "hard" || node.kind === "soft";
}

function leafText(leaf: LeafNode): string {
  return (leaf.kind === "soft" ? leaf.text : hardLeafText(leaf)).trim();
}

/** Lower-cases the first letter unless the first word looks like a name or acronym ("JSON", "I"). */
function lowerFirst(text: string): string {
  const firstWord = /^\S+/.exec(text)?.[0] ?? "";
  const letters = firstWord.replace(/[^A-Za-z]/g, "");
  if (letters.length < 2 || letters.slice(1) !== letters.slice(1).toLowerCase()) return text;
  return text[0].toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * Ends in an abbreviation whose last period is its own ("P.S.", "e.g.", "U.S."): single letters each followed
 * by a period. A number ("version 3.5.") or a file name ("notes.txt.") ends a sentence like any word.
 */
const ABBREVIATION_END = /(?:^|[\s("'])(?:\p{L}\.){2,}$/u;

/** Drops a sentence's final period unless it belongs to an abbreviation. */
function withoutFinalPeriod(text: string): string {
  return ABBREVIATION_END.test(text) ? text : text.replace(/\.$/, "");
}

/** A constraint as a clause to join with others: no final period (unless an abbreviation's), first letter lowered, its scope in front. */
function clause(leaf: LeafNode): string {
  const text = lowerFirst(withoutFinalPeriod(leafText(leaf)));
  return scoped(leaf) ? `${scopeLead(leaf)}, ${text}` : text;
}

/** Ends a sentence: a clause that kept an abbreviation's period (or ends in ? or !) gets no second mark. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);

function bullets(nodes: LogicNode[]): string[] {
  return nodes.flatMap((node) => {
    const [first, ...rest] = lines(node);
    return [`- ${first}`, ...indent(rest)];
  });
}

function lines(original: LogicNode): string[] {
  const node = simplify(original);
  if (scoped(node) && !isLeaf(node)) return slot(upperFirst(scopeLead(node)), unscoped(node));
  switch (node.kind) {
    case "hard":
    case "soft":
      return [scoped(node) ? `${upperFirst(clause(node))}.` : leafText(node)];
    case "parallel":
      return node.children.length === 0 ? [] : ["Do all of the following:", ...indent(bullets(node.children))];
    case "sequential": {
      const keywords = node.steps.map((_, i) => (i === 0 ? "First" : i === node.steps.length - 1 && node.steps.length >= 3 ? "Finally" : "Then"));
      const steps = node.steps.map(simplify);
      if (steps.every(isLeaf)) {
        return [sentence(steps.map((s, i) => `${i === 0 ? keywords[i] : keywords[i].toLowerCase()}, ${clause(s)}`).join("; "))];
      }
      return steps.flatMap((step, i) => slot(keywords[i], step));
    }
    case "conditional":
      return conditionalLines(node, "If");
  }
}

/** A node after a lead-in such as "First" or "If the response ...": "Lead, clause." or "Lead, do all of the following:" + list. */
function slot(lead: string, original: LogicNode): string[] {
  const node = simplify(original);
  if (scoped(node) && !isLeaf(node)) return slot(`${lead}, ${scopeLead(node)}`, unscoped(node));
  switch (node.kind) {
    case "hard":
    case "soft":
      return [sentence(`${lead}, ${clause(node)}`)];
    case "parallel":
      return [`${lead}, do all of the following:`, ...indent(bullets(node.children))];
    case "sequential":
      return [`${lead}, do these steps in order:`, ...indent(lines(node))];
    case "conditional": {
      const inline = inlineConditional(node);
      return inline !== undefined ? [sentence(`${lead}, ${inline}`)] : [`${lead}:`, ...indent(lines(node))];
    }
  }
}

/** "if c, a; otherwise, b" when every branch along an else-if chain is one constraint. */
function inlineConditional(node: ConditionalNode): string | undefined {
  const then = simplify(node.then);
  if (!isLeaf(then)) return undefined;
  let text = `if ${conditionPhrase(node.condition)}, ${clause(then)}`;
  if (node.else === undefined) return text;
  const otherwise = simplify(node.else);
  if (isLeaf(otherwise)) return `${text}; otherwise, ${clause(otherwise)}`;
  if (otherwise.kind !== "conditional") return undefined;
  const rest = inlineConditional(otherwise);
  if (rest === undefined) return undefined;
  text += `; otherwise, ${rest}`;
  return text;
}

/** `lead` is "If", or "Otherwise, if" along an else-if chain. */
function conditionalLines(node: ConditionalNode, lead: "If" | "Otherwise, if"): string[] {
  const inline = inlineConditional(node);
  if (inline !== undefined) return [sentence(lead === "If" ? upperFirst(inline) : `Otherwise, ${inline}`)];
  const out = slot(`${lead} ${conditionPhrase(node.condition)}`, node.then);
  if (node.else === undefined) return out;
  const otherwise = simplify(node.else);
  return [...out, ...(otherwise.kind === "conditional" ? conditionalLines(otherwise, "Otherwise, if") : slot("Otherwise", otherwise))];
}

/** A node read as a condition on the response. */
export function conditionPhrase(original: LogicNode): string {
  const node = simplify(original);
  if (scoped(node)) return `${scopeLead(node)}, ${conditionPhrase(unscoped(node))}`;
  switch (node.kind) {
    case "hard":
      return hardConditionPhrase(node.id, node.args) ?? `the response satisfies "${leafText(node)}"`;
    case "soft":
      return softConditionPhrase(node.text);
    case "parallel":
      return joinPhrases(node.children.map(conditionPhrase), "and");
    case "sequential":
      return node.steps.map(conditionPhrase).join(", and then ");
    case "conditional": {
      const otherwise = node.else === undefined ? "" : `; otherwise, ${conditionPhrase(node.else)}`;
      return `(if ${conditionPhrase(node.condition)}, ${conditionPhrase(node.then)}${otherwise})`;
    }
  }
}

/** Soft conditions written as statements ("The user asks for code.") read directly; others are quoted. */
function softConditionPhrase(text: string): string {
  const trimmed = text.trim();
  if (/^(the|your|it|there|you|this|a|an|any)\b/i.test(trimmed)) return lowerFirst(withoutFinalPeriod(trimmed));
  return `the response satisfies "${trimmed}"`;
}

function joinPhrases(phrases: string[], conjunction: string): string {
  if (phrases.length <= 2) return phrases.join(` ${conjunction} `);
  return `${phrases.slice(0, -1).join(", ")}, ${conjunction} ${phrases[phrases.length - 1]}`;
}
