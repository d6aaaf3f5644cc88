// Small phrasing helpers for the types' condition wording ("the response has at least 5 words").

/** 'text' in single quotes. */
export const quote = (s: string): string => `'${s}'`;

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'" */
export function quotedList(items: readonly string[], conjunction: string): string {
  const quoted = items.map(quote);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** "1 word", "2 words". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** IFEval relations: "at least 3 words" (>=), "fewer than 3 words" (<). */
export function compared(relation: "at least" | "less than", n: number, noun: string): string {
  return `${relation === "at least" ? "at least" : "fewer than"} ${plural(n, noun)}`;
}
