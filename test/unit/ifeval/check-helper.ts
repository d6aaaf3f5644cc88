// Runs one checker the way the evaluator does: args validated by the type's schema first.
import assert from "node:assert/strict";
import { findHardType } from "../../../server/src/ifeval/registry.js";

export function check(idOrAlias: string, args: Record<string, unknown>, response: string): boolean {
  const type = findHardType(idOrAlias);
  assert.ok(type, `unknown type ${idOrAlias}`);
  const parsed = type.schema.safeParse(args);
  assert.ok(parsed.success, `invalid args for ${idOrAlias}: ${JSON.stringify(args)}`);
  return type.check(response, parsed.data);
}
