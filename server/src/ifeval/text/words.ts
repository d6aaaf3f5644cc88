// PROVISIONAL: simple tokenizer so dependants can compile; exact NLTK port follows.
export function wordTokenize(text: string): string[] {
  return text.match(/\w+|[^\w\s]/gu) ?? [];
}
