// Scoring with scopes on a 1 MB and a 10 MB response: every selector kind, `each`
// over every line and list item, nested scopes. Linear time means a ratio near 10.

import { analyze } from "../../server/src/analysis/analyze.js";
import { scoringSizeRatio } from "./core-bench.js";

const SCOPED = `in paragraph 2 no_comma
in last 3 lines no_comma
each line no_comma
each bullet no_comma
in bullets each line no_comma
in lines matching "^- item" each bullet no_comma
each paragraph in first 2 lines no_comma
in section "Notes" no_comma
in between "Steps:" and "Notes:" each numbered item no_comma
`;

const UNIT = "Steps:\n1. open the log\n2. run it again\n\n- item one here\n- item two here\n\n## Notes\nplain words here\n\n";

export async function benchScopes(): Promise<{ oneMbMs: number; tenMbMs: number; ratio: number }> {
  const { instruction, hasErrors } = analyze(SCOPED);
  if (hasErrors) throw new Error("the scope benchmark's instruction has errors");
  return scoringSizeRatio(instruction, UNIT);
}
