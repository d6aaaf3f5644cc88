// Whether a logic tree uses response scopes (`in paragraph 1 { ... }`). Incremental
// re-analysis does not know about them, so it leaves such files to the full analysis.

import type { LogicNode } from "./logic.js";

const known = new WeakMap<LogicNode, boolean>();

export function hasResponseScopes(node: LogicNode | undefined): boolean {
  if (node === undefined) return false;
  const cached = known.get(node);
  if (cached !== undefined) return cached;
  // An explicit stack: trees can be deep.
  const stack: LogicNode[] = [node];
  let found = false;
  while (stack.length > 0 && !found) {
    const n = stack.pop()!;
    if (n.scopes && n.scopes.length > 0) found = true;
    else if (n.kind === "parallel") for (const c of n.children) stack.push(c);
    else if (n.kind === "sequential") for (const c of n.steps) stack.push(c);
    else if (n.kind === "conditional") {
      stack.push(n.condition, n.then);
      if (n.else) stack.push(n.else);
    }
  }
  known.set(node, found);
  return found;
}
