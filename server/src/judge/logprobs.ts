// P(YES) from OpenAI-style logprobs: find the token that carries the verdict value
// and normalise the YES mass against the NO mass among its top alternatives.

import { z } from "zod";

const TopLogprob = z.object({ token: z.string(), logprob: z.number() });
const TokenLogprob = z.object({ token: z.string(), logprob: z.number(), top_logprobs: z.array(TopLogprob).optional() });
export const ChoiceLogprobs = z.object({ content: z.array(TokenLogprob).nullable().optional() }).nullable().optional();

function side(token: string): "YES" | "NO" | undefined {
  const letters = token.replace(/[^A-Za-z]/g, "").toUpperCase();
  if (letters.length === 0) return undefined;
  if ("YES".startsWith(letters) || letters === "YES") return "YES";
  if ("NO".startsWith(letters) || letters === "NO") return "NO";
  return undefined;
}

/** Undefined when the logprobs are missing or carry no YES/NO mass at the verdict. */
export function probabilityOfYes(content: string, logprobs: unknown): number | undefined {
  const parsed = ChoiceLogprobs.safeParse(logprobs);
  const tokens = parsed.success ? parsed.data?.content : undefined;
  if (!tokens || tokens.length === 0) return undefined;
  const matches = [...content.matchAll(/"verdict"\s*:\s*"/g)];
  const lastMatch = matches.at(-1);
  if (lastMatch === undefined) return undefined;
  const valueOffset = lastMatch.index + lastMatch[0].length;
  let start = 0;
  for (const token of tokens) {
    const end = start + token.token.length;
    if (valueOffset >= start && valueOffset < end) {
      const alternatives = token.top_logprobs && token.top_logprobs.length > 0 ? token.top_logprobs : [token];
      let yes = 0;
      let no = 0;
      for (const alternative of alternatives) {
        const which = side(alternative.token);
        if (which === "YES") yes += Math.exp(alternative.logprob);
        if (which === "NO") no += Math.exp(alternative.logprob);
      }
      return yes + no > 0 ? yes / (yes + no) : undefined;
    }
    start = end;
  }
  return undefined;
}
