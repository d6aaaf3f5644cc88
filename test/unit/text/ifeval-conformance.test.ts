// Our text utilities reproduce the official IFEval verdicts on the 541 GPT-4 responses
// (test/fixtures/ifeval, see its SOURCE.md) for every instruction they decide alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countSentences } from "../../../server/src/ifeval/text/sentences.js";
import { wordTokenize } from "../../../server/src/ifeval/text/words.js";
import { detectLanguage } from "../../../server/src/ifeval/text/language.js";
import { pyIsLower, pyIsUpper, pyStrip } from "../../../server/src/ifeval/python/py-text.js";

interface Prompt {
  key: number;
  instruction_id_list: string[];
  kwargs: Record<string, string | number>[];
}
interface Verdicts {
  follow_instruction_list: boolean[];
}

const fixtures = join(__dirname, "../../../../test/fixtures/ifeval");
const readJsonl = <T>(name: string): T[] =>
  readFileSync(join(fixtures, name), "utf8").trim().split("\n").map((line) => JSON.parse(line) as T);

const prompts = readJsonl<Prompt>("input_data.jsonl");
// Responses are joined by line position (line 340's prompt text differs upstream, see SOURCE.md).
const responses = readJsonl<{ response: string }>("input_response_data_gpt4_20231107_145030.jsonl");
const strict = readJsonl<Verdicts>("eval_results_strict.jsonl");
const loose = readJsonl<Verdicts>("eval_results_loose.jsonl");

/** The eight loose-mode variants of evaluation_lib.test_instruction_following_loose. */
function looseVariants(response: string): string[] {
  const lines = response.split("\n");
  const dropFirst = pyStrip(lines.slice(1).join("\n"));
  const dropLast = pyStrip(lines.slice(0, -1).join("\n"));
  const dropBoth = pyStrip(lines.slice(1, -1).join("\n"));
  const variants = [response, response.replaceAll("*", ""), dropFirst, dropLast, dropBoth];
  return [...variants, dropFirst.replaceAll("*", ""), dropLast.replaceAll("*", ""), dropBoth.replaceAll("*", "")];
}

type Checker = (response: string, kwargs: Record<string, string | number>) => boolean;

const compare = (relation: string | number, count: number, limit: number): boolean =>
  relation === "less than" ? count < limit : count >= limit;

/** `check` must agree with the official verdicts; returns how many instructions were compared. */
function agreeWithOfficial(instructionId: string, check: Checker, withLoose: boolean): number {
  let compared = 0;
  prompts.forEach((prompt, row) => {
    prompt.instruction_id_list.forEach((id, j) => {
      if (id !== instructionId) return;
      const response = responses[row].response;
      const kwargs = prompt.kwargs[j];
      const strictVerdict = pyStrip(response) !== "" && check(response, kwargs);
      assert.equal(strictVerdict, strict[row].follow_instruction_list[j], `strict ${id} key ${prompt.key}`);
      if (withLoose) {
        const looseVerdict = looseVariants(response).some((v) => pyStrip(v) !== "" && check(v, kwargs));
        assert.equal(looseVerdict, loose[row].follow_instruction_list[j], `loose ${id} key ${prompt.key}`);
      }
      compared++;
    });
  });
  return compared;
}

test("length_constraints:number_sentences (strict, 52 instructions)", () => {
  const check: Checker = (r, kw) => compare(kw.relation, countSentences(r), Number(kw.num_sentences));
  assert.equal(agreeWithOfficial("length_constraints:number_sentences", check, false), 52);
});

test("change_case:capital_word_frequency (strict and loose, 25 instructions)", () => {
  const check: Checker = (r, kw) =>
    compare(kw.capital_relation, wordTokenize(r).filter(pyIsUpper).length, Number(kw.capital_frequency));
  assert.equal(agreeWithOfficial("change_case:capital_word_frequency", check, true), 25);
});

test("language:response_language (strict and loose, 31 instructions)", () => {
  const check: Checker = (r, kw) => {
    const language = detectLanguage(r);
    return language === undefined || language === kw.language;
  };
  assert.equal(agreeWithOfficial("language:response_language", check, true), 31);
});

test("change_case:english_capital and english_lowercase (strict and loose, 25 + 39)", () => {
  const english = (r: string): boolean => {
    const language = detectLanguage(r);
    return language === undefined || language === "en";
  };
  assert.equal(agreeWithOfficial("change_case:english_capital", (r) => pyIsUpper(r) && english(r), true), 25);
  assert.equal(agreeWithOfficial("change_case:english_lowercase", (r) => pyIsLower(r) && english(r), true), 39);
});
