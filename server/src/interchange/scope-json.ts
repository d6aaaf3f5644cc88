// Scopes in the composite-constraint JSON: our extension, an optional "scope" field on a
// sub-constraint (atomic or composite) holding the logic tree's scopes, outermost first:
//   "scope": [{"quantifier": "in", "selector": {"kind": "paragraphs", "from": 1, "to": 1}}]
// Tools that do not know it ignore it; `lsrif export --paper` leaves it out.

import { z } from "zod";
import type { Scope } from "../analysis/logic.js";
import { compilePyRegex } from "../ifeval/python/py-regex.js";
import { yieldsItems } from "../scopes/resolve-scope.js";

/** 1-based positions, negative from the end; 0 is not a position. */
const position = z.number().int().refine((n) => n !== 0, "positions count from 1 (negative from the end); 0 is not a position");
const text = z.string().refine((s) => s.trim() !== "", "must not be empty");

const range = { from: position, to: position };

export const SelectorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.enum(["paragraphs", "lines"]), ...range }),
  z.strictObject({ kind: z.literal("items"), list: z.enum(["bullet", "numbered", "any"]), ...range }),
  z.strictObject({
    kind: z.literal("lines-matching"),
    pattern: z.string().refine((p) => compilePyRegex(p) !== undefined, "does not compile as a Python regular expression"),
  }),
  z.strictObject({ kind: z.literal("section"), name: text }),
  z.strictObject({ kind: z.enum(["before", "after"]), marker: text }),
  z.strictObject({ kind: z.literal("between"), start: text, end: text }),
  z.strictObject({ kind: z.literal("extract"), description: text }),
]);

export const ScopeSchema = z
  .strictObject({ quantifier: z.enum(["in", "each"]), selector: SelectorSchema })
  .refine((s) => s.quantifier === "in" || yieldsItems(s.selector), { message: "'each' needs a selector that yields items (paragraphs, lines, items, lines-matching)", path: ["quantifier"] })
  .refine((s) => !("from" in s.selector) || Math.sign(s.selector.from) !== Math.sign(s.selector.to) || s.selector.from <= s.selector.to, {
    message: "the range is empty: 'to' comes before 'from'",
    path: ["selector"],
  });

export const ScopesSchema = z.array(ScopeSchema).min(1);

/** The scopes as JSON values (no source ranges). */
export function exportScopes(scopes: readonly Scope[]): z.infer<typeof ScopesSchema> {
  return scopes.map((s) => ({ quantifier: s.quantifier, selector: { ...s.selector } }));
}
