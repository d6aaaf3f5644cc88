// language:response_language — the whole response is in one language (langdetect).

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { quote } from "../wording.js";
import { detectedLanguage } from "../text-cache.js";

/** The codes Python langdetect can return (its 55 profiles). */
export const LANGDETECT_CODES = [
  "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "gu", "he",
  "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ne", "nl", "no", "pa", "pl",
  "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh-cn", "zh-tw",
] as const;

/** Names for the codes IFEval uses in its prompts (instructions_util.LANGUAGE_CODES); others render as the code. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: "English", es: "Spanish", pt: "Portuguese", ar: "Arabic", hi: "Hindi", fr: "French", ru: "Russian",
  de: "German", ja: "Japanese", it: "Italian", bn: "Bengali", uk: "Ukrainian", th: "Thai", ur: "Urdu",
  ta: "Tamil", te: "Telugu", bg: "Bulgarian", ko: "Korean", pl: "Polish", he: "Hebrew", fa: "Persian",
  vi: "Vietnamese", ne: "Nepali", sw: "Swahili", kn: "Kannada", mr: "Marathi", gu: "Gujarati", pa: "Punjabi",
  ml: "Malayalam", fi: "Finnish",
};

/** Names for conditions ("the response is written in Dutch"): a few more than the prompts use. */
const CONDITION_NAMES: Record<string, string> = { ...LANGUAGE_NAMES, zh: "Chinese", nl: "Dutch", tr: "Turkish" };

export const responseLanguage = defineHardType({
  id: "language:response_language",
  aliases: ["language", "response_language"],
  summary: "langdetect identifies the whole response as the given language (undetectable text passes).",
  condition: (a) => `the response is written in ${CONDITION_NAMES[a.language] ?? `the language with code ${quote(a.language)}`}`,
  relations: { exclusiveArg: { arg: "language", why: (x, y) => `the whole response cannot be in both '${x}' and '${y}'` } },
  schema: z.strictObject({
    language: z.enum(LANGDETECT_CODES).describe("ISO 639-1 code as langdetect reports it, e.g. en, de, hi, zh-cn."),
  }),
  check: (response, args) => {
    const detected = detectedLanguage(response);
    return detected === undefined || detected === args.language;
  },
  render: (args) => `Your ENTIRE response should be in ${LANGUAGE_NAMES[args.language] ?? args.language} language, no other language is allowed.`,
  example: {
    args: { language: "de" },
    pass: "Heute scheint die Sonne und wir gehen in den Park spazieren.",
    fail: "Today the sun is shining and we are going for a walk in the park.",
  },
});
