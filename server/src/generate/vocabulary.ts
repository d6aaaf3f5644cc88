// What the sampling proposer draws from: plain English keywords (IFEval's own generators draw from a word list;
// ours is shorter and our own), phrases, and soft constraints per category written for this project.

/** Common, topic-neutral words: safe as keywords, forbidden words and first words of a paragraph. */
export const KEYWORDS = [
  "balance", "bridge", "careful", "change", "clear", "common", "detail", "early", "effort", "energy",
  "example", "future", "growth", "history", "honest", "idea", "impact", "journey", "kind", "lesson",
  "light", "market", "method", "moment", "nature", "network", "option", "pattern", "plan", "practice",
  "problem", "process", "quality", "question", "reason", "record", "result", "risk", "simple", "source",
  "space", "story", "system", "team", "time", "tool", "trust", "value", "vision", "window",
] as const;

/** IFEval's own end phrases (startend:end_checker's generator). */
export const END_PHRASES = ["Any other questions?", "Is there anything else I can help with?"] as const;

/** Languages a seed prompt can reasonably be answered in (langdetect codes). */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "hi", "ja", "ko", "ru", "zh-cn"] as const;

/**
 * Soft constraints by category: what a judge can decide from the response alone. Each text is an instruction to the
 * model, so it renders as written.
 */
export const SOFT_POOL: Readonly<Record<string, readonly string[]>> = {
  tone: ["Keep the tone warm and encouraging.", "Use a calm, reassuring tone.", "Write in an upbeat, optimistic tone."],
  style: ["Write in a formal, technical style.", "Use plain language a beginner can follow.", "Write in the style of a short news report."],
  audience: ["Address the answer to high-school students.", "Write for busy executives who skim.", "Explain it for someone with no technical background."],
  role: ["Answer as an experienced teacher would.", "Respond as a travel guide speaking to visitors.", "Take the role of a friendly customer-support agent."],
  emotion: ["Convey enthusiasm about the topic.", "Express empathy for the reader's situation."],
  perspective: ["Write in the first person.", "Present both sides before concluding."],
  formality: ["Avoid slang and contractions.", "Keep it conversational and informal."],
  clarity: ["Define every technical term you use.", "Make each point understandable on its own."],
  conciseness: ["Keep every sentence short and direct.", "Avoid repeating any point."],
  detail: ["Include one concrete, real-world example.", "Give specific numbers or figures where possible."],
  structure: ["Start with a one-sentence summary of the answer.", "End with a short recommendation."],
  humor: ["Include one light-hearted remark."],
  creativity: ["Use a vivid metaphor to explain the main idea."],
  content: ["Mention at least one common mistake to avoid.", "Explain why the advice matters, not only what to do."],
};
