// The two instructions and six responses the CLI judge tests share, with the
// loopback judge's verdicts. Expected scores are worked out by hand in the tests.

import type { LoopbackScript } from "../../helpers/loopback-judge.js";

/** Sequential: formal (soft, judged NO) -> no comma (hard) -> keeper (soft, judged YES). */
export const SEQUENCE_LSR = `prompt "Describe a lighthouse."
gamma 0.5
first soft style "Use a formal tone."
then no_comma
then soft content "Mention the keeper."
`;

/** Conditional: "storm" present -> urgent (soft, YES); else no comma (hard) and formal (soft, NO). */
export const CONDITIONAL_LSR = `if contains(keywords: ["storm"]) {
  soft tone "Sound urgent."
} else {
  no_comma
  soft style "Use a formal tone."
}
`;

/** The same two instructions as LsrInstruct JSON lines (ids a and b). */
export const INSTRUCTIONS_JSONL = [
  {
    id: "a", prompt: "Describe a lighthouse.", gamma: 0.5,
    composite_constraints: [{ composite_constraint: { type: "Chain", sub_constraints: {
      c1: { constraint: "Use a formal tone.", category: "style" },
      c2: { constraint: "No commas.", instruction_id: "punctuation:no_comma", kwargs: {} },
      c3: { constraint: "Mention the keeper.", category: "content" },
    } } }],
  },
  {
    id: "b",
    composite_constraints: [{ composite_constraint: { type: "Selection", sub_constraints: {
      c1: { constraint: "Mention a storm.", instruction_id: "keywords:existence", kwargs: { keywords: ["storm"] } },
      c2: { constraint: "Sound urgent.", category: "tone" },
      c3: { type: "And", sub_constraints: {
        c1: { constraint: "No commas.", instruction_id: "punctuation:no_comma", kwargs: {} },
        c2: { constraint: "Use a formal tone.", category: "style" },
      } },
    } } }],
  },
].map((line) => JSON.stringify(line)).join("\n") + "\n";

export const JUDGE_SCRIPT: LoopbackScript = {
  verdicts: { "Use a formal tone.": "NO", "Mention the keeper.": "YES", "Sound urgent.": "YES" },
};

/** Two instructions x three responses (a GRPO group each). */
export const RESPONSES = [
  { id: "a1", instruction: "a", response: "The lighthouse keeper works at night." },
  { id: "a2", instruction: "a", response: "Night falls, the keeper lights the lamp." },
  { id: "a3", instruction: "a", response: "Calm seas tonight." },
  { id: "b1", instruction: "b", response: "A storm is coming" },
  { id: "b2", instruction: "b", response: "Calm seas, no wind." },
  { id: "b3", instruction: "b", response: "Calm seas and no wind." },
];

export const RESPONSES_JSONL = RESPONSES.map((r) => JSON.stringify(r)).join("\n") + "\n";
