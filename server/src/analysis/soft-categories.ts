// The soft constraint categories: our 25 names for the kinds of soft constraint the
// LsrIF paper has a model judge (tone, style, audience, role, ...). A category is
// optional; it documents intent and is passed to the judge.

export const SOFT_CATEGORIES = [
  "tone", "style", "audience", "role", "emotion",
  "perspective", "formality", "politeness", "humor", "creativity",
  "clarity", "conciseness", "detail", "coherence", "structure",
  "format", "language", "topic", "content", "theme",
  "example", "citation", "factuality", "safety", "keyword",
] as const;

export type SoftCategoryName = (typeof SOFT_CATEGORIES)[number];

const SET: ReadonlySet<string> = new Set(SOFT_CATEGORIES);
export function isSoftCategory(name: string): name is SoftCategoryName {
  return SET.has(name.toLowerCase());
}
