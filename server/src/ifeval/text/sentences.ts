// PROVISIONAL: simple splitter so dependants can compile; exact Punkt port follows.
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export function countSentences(text: string): number {
  return splitSentences(text).length;
}
