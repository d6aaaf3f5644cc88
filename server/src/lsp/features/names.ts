// Go to definition, find references and rename for `define`d names.

import type { Range } from "../../../../grammars/src/index.js";
import type { Analysis } from "../../analysis/analyze.js";
import { touches } from "./syntax-path.js";

export interface NameAt {
  name: string;
  /** The occurrence under the cursor. */
  range: Range;
  definition: Range;
  references: Range[];
}

export function nameAt(analysis: Analysis, offset: number): NameAt | undefined {
  for (const [name, info] of analysis.names) {
    const definition = info.define.nameRange;
    if (!definition) continue;
    if (touches(definition, offset)) return { name, range: definition, definition, references: info.references };
    const ref = info.references.find((r) => touches(r, offset));
    if (ref) return { name, range: ref, definition, references: info.references };
  }
  return undefined;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["prompt", "gamma", "define", "first", "then", "finally", "if", "else", "and", "soft", "in", "each"]);

export type RenameResult = { edits: { range: Range; newText: string }[] } | { error: string };

export function renameName(analysis: Analysis, offset: number, newName: string): RenameResult | undefined {
  const at = nameAt(analysis, offset);
  if (!at) return undefined;
  if (!IDENT.test(newName) || KEYWORDS.has(newName.toLowerCase())) return { error: `'${newName}' is not a valid name (letters, digits and _, not a keyword).` };
  if (newName !== at.name && analysis.names.has(newName)) return { error: `'${newName}' is already defined.` };
  return { edits: [at.definition, ...at.references].map((range) => ({ range, newText: newName })) };
}
