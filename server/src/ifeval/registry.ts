// Every hard constraint type (IFEval, IFBench, IF-RLVR), looked up by canonical id or alias.
// A type is declared once, in types/*.ts, ifbench/*.ts or ifrlvr/*.ts; everything else
// (contradiction rules, condition phrases, completion, hover, JSON import) derives from it.

import { z } from "zod";
import type { HardConstraintType, RegisteredHardType, SourceFamily } from "./hard-type.js";
import { capitalWordFrequency, englishCapital, englishLowercase } from "./types/case.js";
import { repeatPrompt, twoResponses } from "./types/combination.js";
import { numberPlaceholders, postscript } from "./types/content.js";
import { constrainedResponse, jsonFormat, multipleSections, numberBulletLists, numberHighlightedSections, title } from "./types/format.js";
import { existence, forbiddenWords, frequency, letterFrequency } from "./types/keywords.js";
import { responseLanguage } from "./types/language.js";
import { nthParagraphFirstWord, numberParagraphs, numberSentences, numberWords } from "./types/length.js";
import { noComma } from "./types/punctuation.js";
import { endChecker, quotation } from "./types/startend.js";
import { IFBENCH_TYPES } from "./ifbench/index.js";
import { IFRLVR_TYPES } from "./ifrlvr/index.js";

export type { HardConstraintType, RegisteredHardType, SourceFamily } from "./hard-type.js";

/** Tags each declared type with its family; the tuple keeps every id literal for `HardTypeId`. */
function family<const T extends readonly { id: string }[]>(name: SourceFamily, types: T): { [K in keyof T]: T[K] & { family: SourceFamily } } {
  return types.map((t) => ({ ...t, family: name })) as { [K in keyof T]: T[K] & { family: SourceFamily } };
}

const IFEVAL_TYPES = family("IFEval", [
  capitalWordFrequency, englishCapital, englishLowercase,
  repeatPrompt, twoResponses,
  numberPlaceholders, postscript,
  constrainedResponse, jsonFormat, multipleSections, numberBulletLists, numberHighlightedSections, title,
  existence, forbiddenWords, frequency, letterFrequency,
  responseLanguage,
  nthParagraphFirstWord, numberParagraphs, numberSentences, numberWords,
  noComma,
  endChecker, quotation,
]);

const IFBENCH = family("IFBench", IFBENCH_TYPES);

const IFRLVR = family("IF-RLVR", IFRLVR_TYPES);

const DECLARED = [...IFEVAL_TYPES, ...IFBENCH, ...IFRLVR] as const;

/** Every registered instruction id: a misspelt id in a HardLeaf does not compile. */
export type HardTypeId = (typeof DECLARED)[number]["id"];
// Fails to compile if the ids ever widen to `string`.
const idsAreLiteral: string extends HardTypeId ? never : true = true;
void idsAreLiteral;

// Each type is checked against its own args type where it is declared; the list
// erases them (method parameters are bivariant, so this is sound at the call sites
// that validate args with `schema` first).
export const HARD_TYPES: readonly RegisteredHardType<HardTypeId>[] = DECLARED as unknown as readonly RegisteredHardType<HardTypeId>[];

const BY_NAME = new Map<string, RegisteredHardType<HardTypeId>>();
for (const type of HARD_TYPES) {
  for (const name of [type.id, ...type.aliases]) BY_NAME.set(name.toLowerCase(), type);
}

/** The type with this canonical id or alias (case-insensitive), if any. */
export function findHardType(idOrAlias: string): RegisteredHardType<HardTypeId> | undefined {
  return BY_NAME.get(idOrAlias.toLowerCase());
}

/** The types of one family, in registry order. */
export function typesOfFamily(name: SourceFamily): readonly RegisteredHardType<HardTypeId>[] {
  return HARD_TYPES.filter((t) => t.family === name);
}

export interface ArgDescription {
  name: string;
  /** "integer", "string", "string[]", ... */
  type: string;
  required: boolean;
  description: string;
  /** The allowed values of an enum argument. */
  values?: string[];
}

interface JsonSchemaNode {
  type?: string;
  enum?: unknown[];
  description?: string;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
}

const argCache = new WeakMap<HardConstraintType, ArgDescription[]>();

/** The arguments of a type, derived from its zod schema (for completion and signature help). */
export function describeArgs(type: HardConstraintType): ArgDescription[] {
  const cached = argCache.get(type);
  if (cached) return cached;
  const schema = z.toJSONSchema(type.schema, { io: "output", unrepresentable: "any" }) as JsonSchemaNode;
  const required = new Set(schema.required ?? []);
  const args = Object.entries(schema.properties ?? {}).map(([name, node]): ArgDescription => {
    const arg: ArgDescription = { name, type: typeName(node), required: required.has(name), description: node.description ?? "" };
    if (node.enum) arg.values = node.enum.map(String);
    return arg;
  });
  argCache.set(type, args);
  return args;
}

function typeName(node: JsonSchemaNode): string {
  if (node.type === "array") return `${node.items ? typeName(node.items) : "unknown"}[]`;
  return node.type ?? "unknown";
}
export { looseVariants, verifyInstruction, type VerifyMode } from "./verify.js";
