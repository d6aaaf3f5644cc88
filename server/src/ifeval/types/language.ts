// language:response_language — the whole response is in one language (langdetect).

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { detectedLanguage } from "../text-cache.js";

/** The codes Python langdetect can return (its 55 profiles). */
export const LANGDETECT_CODES = [
  "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "gu", "he",
  "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ne", "nl", "no", "pa", "pl",
  "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh-cn", "zh-tw",
] as const;

const ENGLISH_NAMES = new Intl.DisplayNames("en", { type: "language" });

/**
 * English names where Intl (CLDR) differs from IFEval's instructions_util.LANGUAGE_CODES,
 * whose wording the rendered instruction keeps: CLDR says "Bangla", IFEval "Bengali".
 * For IFEval's other 29 codes the names are equal (test/unit/ifeval/language-names.test.ts).
 */
const IFEVAL_NAMES: Partial<Record<string, string>> = { bn: "Bengali" };

/** "German" for de; IFEval's word where it has its own; the code itself if Intl has no name. */
export function languageName(code: string): string {
  try {
    return IFEVAL_NAMES[code] ?? ENGLISH_NAMES.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: Intl throws a RangeError
  }
}

export const responseLanguage = defineHardType({
  id: "language:response_language",
  aliases: ["language", "response_language"],
  summary: "langdetect identifies the whole response as the given language (undetectable text passes).",
  condition: (a) => `the response is written in ${languageName(a.language)}`,
  relations: { exclusiveArg: { arg: "language", why: (x, y) => `the whole response cannot be in both '${x}' and '${y}'` } },
  schema: z.strictObject({
    language: z.enum(LANGDETECT_CODES).describe("ISO 639-1 code as langdetect reports it, e.g. en, de, hi, zh-cn."),
  }),
  check: (response, args) => {
    const detected = detectedLanguage(response);
    return detected === undefined || detected === args.language;
  },
  render: (args) => `Your ENTIRE response should be in ${languageName(args.language)} language, no other language is allowed.`,
  example: {
    args: { language: "de" },
    pass: "Heute scheint die Sonne und wir gehen in den Park spazieren.",
    fail: "Today the sun is shining and we are going for a walk in the park.",
  },
});
