// A hard constraint read as a condition on the response ("the response contains the
// keyword 'error'"), for `if` conditions. Each type declares its own wording
// (`condition` in the registry); render() words it as an instruction instead, which
// does not read after "If".

import { findHardType } from "../ifeval/registry.js";

/** The condition phrase for a hard constraint, or undefined when its type is unknown or its arguments invalid. */
export function hardConditionPhrase(id: string, args: Record<string, unknown>): string | undefined {
  const type = findHardType(id);
  if (type === undefined || type.id !== id) return undefined;
  const parsed = type.schema.safeParse(args);
  if (!parsed.success) return undefined;
  try {
    return type.condition(parsed.data);
  } catch {
    return undefined;
  }
}
