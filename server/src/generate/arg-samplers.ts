// Arguments for the hard constraints the sampling proposer draws, with the ranges of IFEval's own generators
// (`build_description` when an argument is None: e.g. num_words = randint(100, 500), num_sentences =
// randint(1, 20), num_bullets = randint(1, 5)). Every draw is validated by the type's schema before use.

import type { Draw } from "./random.js";
import { END_PHRASES, KEYWORDS, LANGUAGES } from "./vocabulary.js";

type Args = Record<string, unknown>;
export type ArgSampler = (draw: Draw, seedPrompt: string) => Args;

const relation = (draw: Draw) => draw.pick(["less than", "at least"] as const);

export const ARG_SAMPLERS: Readonly<Record<string, ArgSampler>> = {
  "change_case:capital_word_frequency": (d) => ({ capital_frequency: d.int(1, 20), capital_relation: relation(d) }),
  "change_case:english_capital": () => ({}),
  "change_case:english_lowercase": () => ({}),
  "combination:repeat_prompt": (_d, prompt) => ({ prompt_to_repeat: prompt }),
  "combination:two_responses": () => ({}),
  "detectable_content:number_placeholders": (d) => ({ num_placeholders: d.int(1, 4) }),
  "detectable_content:postscript": (d) => ({ postscript_marker: d.pick(["P.S.", "P.P.S"]) }),
  "detectable_format:constrained_response": () => ({}),
  "detectable_format:json_format": () => ({}),
  "detectable_format:multiple_sections": (d) => ({ section_spliter: d.pick(["Section", "SECTION"]), num_sections: d.int(1, 5) }),
  "detectable_format:number_bullet_lists": (d) => ({ num_bullets: d.int(1, 5) }),
  "detectable_format:number_highlighted_sections": (d) => ({ num_highlights: d.int(1, 4) }),
  "detectable_format:title": () => ({}),
  "keywords:existence": (d) => ({ keywords: d.sample(KEYWORDS, 2) }),
  "keywords:forbidden_words": (d) => ({ forbidden_words: d.sample(KEYWORDS, 2) }),
  "keywords:frequency": (d) => ({ keyword: d.pick(KEYWORDS), frequency: d.int(1, 3), relation: relation(d) }),
  "keywords:letter_frequency": (d) => ({ letter: d.pick([..."abcdefghijklmnopqrstuvwxyz"]), let_frequency: d.int(1, 10), let_relation: relation(d) }),
  "language:response_language": (d) => ({ language: d.pick(LANGUAGES) }),
  "length_constraints:nth_paragraph_first_word": (d) => {
    const num = d.int(1, 5);
    return { num_paragraphs: num, nth_paragraph: d.int(1, num), first_word: d.pick(KEYWORDS) };
  },
  "length_constraints:number_paragraphs": (d) => ({ num_paragraphs: d.int(1, 5) }),
  "length_constraints:number_sentences": (d) => ({ num_sentences: d.int(1, 20), relation: relation(d) }),
  "length_constraints:number_words": (d) => ({ num_words: d.int(100, 500), relation: relation(d) }),
  "punctuation:no_comma": () => ({}),
  "startend:end_checker": (d) => ({ end_phrase: d.pick(END_PHRASES) }),
  "startend:quotation": () => ({}),
};

/**
 * Conditions that a response may or may not meet, so an If/Else has two live branches: a keyword, a title,
 * commas, lowercase, quotation marks or a length threshold. (An exact count such as "exactly 3 bullets" would
 * rarely hold; analysis also rejects conditions decided in advance, LSR042/LSR043.)
 */
export const CONDITION_SAMPLERS: Readonly<Record<string, ArgSampler>> = {
  "keywords:existence": (d) => ({ keywords: [d.pick(KEYWORDS)] }),
  "detectable_format:title": () => ({}),
  "punctuation:no_comma": () => ({}),
  "change_case:english_lowercase": () => ({}),
  "startend:quotation": () => ({}),
  "length_constraints:number_words": (d) => ({ num_words: 10 * d.int(10, 30), relation: "at least" }),
  "length_constraints:number_sentences": (d) => ({ num_sentences: d.int(3, 8), relation: "at least" }),
};

export const SAMPLED_HARD_IDS: readonly string[] = Object.keys(ARG_SAMPLERS);
