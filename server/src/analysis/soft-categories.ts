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

/** One line per category, for completion. */
export const SOFT_CATEGORY_DESCRIPTIONS: Record<SoftCategoryName, string> = {
  tone: "the attitude the text conveys (friendly, formal, urgent)",
  style: "how it is written: register, technicality, voice",
  audience: "who it is written for",
  role: "a persona the writer takes on",
  emotion: "the feeling it expresses or evokes",
  perspective: "point of view: first person, third person, a stance",
  formality: "how formal or casual the wording is",
  politeness: "courtesy and respect toward the reader",
  humor: "whether and how it is funny",
  creativity: "originality and imagination",
  clarity: "how easy it is to understand",
  conciseness: "saying it without extra words",
  detail: "how much depth or specificity it gives",
  coherence: "how well the parts connect",
  structure: "the order and organisation of the parts",
  format: "layout: lists, headings, bold, tables",
  language: "which language or dialect it uses",
  topic: "what it is about",
  content: "what it must contain or cover",
  theme: "an underlying idea that runs through it",
  example: "including examples or illustrations",
  citation: "references and sources",
  factuality: "being accurate and true",
  safety: "avoiding harmful or unsafe content",
  keyword: "a word or phrase judged by meaning, not matched exactly",
};
