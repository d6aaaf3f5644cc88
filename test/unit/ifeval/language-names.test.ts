// language:response_language names languages with Intl.DisplayNames; the rendered
// instruction must keep IFEval's exact wording. The table below is IFEval's
// instructions_util.LANGUAGE_CODES (google-research/instruction_following_eval), copied as
// the oracle: the code keeps one override (bn) where Intl's English name differs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { responseLanguage, languageName } from "../../../server/src/ifeval/types/language.js";
import { hardConditionPhrase } from "../../../server/src/render/condition-phrases.js";

const IFEVAL_LANGUAGE_CODES: Record<string, string> = {
  en: "English", es: "Spanish", pt: "Portuguese", ar: "Arabic", hi: "Hindi", fr: "French", ru: "Russian",
  de: "German", ja: "Japanese", it: "Italian", bn: "Bengali", uk: "Ukrainian", th: "Thai", ur: "Urdu",
  ta: "Tamil", te: "Telugu", bg: "Bulgarian", ko: "Korean", pl: "Polish", he: "Hebrew", fa: "Persian",
  vi: "Vietnamese", ne: "Nepali", sw: "Swahili", kn: "Kannada", mr: "Marathi", gu: "Gujarati", pa: "Punjabi",
  ml: "Malayalam", fi: "Finnish",
};

test("the instruction for each of IFEval's 30 codes is IFEval's sentence with IFEval's name", () => {
  for (const [code, name] of Object.entries(IFEVAL_LANGUAGE_CODES)) {
    assert.equal(responseLanguage.render({ language: code as "en" }), `Your ENTIRE response should be in ${name} language, no other language is allowed.`, code);
  }
});

test("langdetect codes outside IFEval's table are named by Intl; a malformed tag stays a code", () => {
  assert.equal(languageName("af"), "Afrikaans");
  assert.equal(languageName("zh-tw"), "Chinese (Taiwan)");
  assert.equal(languageName("not a tag"), "not a tag");
  assert.equal(hardConditionPhrase("language:response_language", { language: "nl" }), "the response is written in Dutch");
});
