// The registry: IFEval, IFBench and IF-RLVR types, unique aliases, schemas, derived argument descriptions, examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HARD_TYPES, describeArgs, findHardType, typesOfFamily } from "../../../server/src/ifeval/registry.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IFEVAL_FIXTURES, ifevalFixture } from "./fixtures.js";

test("the 25 IFEval ids used by input_data.jsonl are exactly the registry's IFEval ids", () => {
  const used = new Set<string>();
  for (const line of ifevalFixture("input_data.jsonl").trim().split("\n")) {
    for (const id of (JSON.parse(line) as { instruction_id_list: string[] }).instruction_id_list) used.add(id);
  }
  assert.equal(typesOfFamily("IFEval").length, 25);
  assert.deepEqual([...used].sort(), typesOfFamily("IFEval").map((t) => t.id).sort());
});

test("the IFBench family has the 58 ids of IFBench's registry: the 57 of its test file and custom:character_reverse", () => {
  const used = new Set<string>();
  for (const line of readFileSync(join(IFEVAL_FIXTURES, "../ifbench/IFBench_test.jsonl"), "utf8").trim().split("\n")) {
    for (const id of (JSON.parse(line) as { instruction_id_list: string[] }).instruction_id_list) used.add(id);
  }
  assert.equal(used.size, 57);
  assert.deepEqual([...used, "custom:character_reverse"].sort(), typesOfFamily("IFBench").map((t) => t.id).sort());
});

test("ids are unique across families, and only the three types needing external data are approximate", () => {
  assert.equal(new Set(HARD_TYPES.map((t) => t.id)).size, HARD_TYPES.length);
  assert.deepEqual(HARD_TYPES.filter((t) => t.approximate).map((t) => t.id).sort(), ["format:emoji", "words:odd_even_syllables", "words:start_verb"]);
});

test("every declared exclusion names a registered type, and every type words itself as a condition", () => {
  for (const type of HARD_TYPES) {
    for (const { id } of type.relations?.excludes ?? []) assert.equal(findHardType(id)?.id, id, `${type.id} excludes ${id}`);
    const phrase = type.condition(type.schema.parse(type.example.args));
    assert.ok(phrase.length > 0 && !phrase.includes("undefined"), `${type.id}: ${phrase}`);
  }
});

test("aliases are unique across types, colon-free, and resolve to their type", () => {
  const seen = new Map<string, string>();
  for (const type of HARD_TYPES) {
    assert.equal(findHardType(type.id), type);
    assert.ok(type.aliases.length > 0, type.id);
    for (const alias of type.aliases) {
      assert.ok(!alias.includes(":"), alias);
      assert.ok(!seen.has(alias), `${alias} used by ${seen.get(alias)} and ${type.id}`);
      seen.set(alias, type.id);
      assert.equal(findHardType(alias), type);
    }
  }
  assert.equal(findHardType("WORDS")?.id, "length_constraints:number_words");
  assert.equal(findHardType("no_such_type"), undefined);
});

test("every example passes its own check and its fail text fails", () => {
  for (const type of HARD_TYPES) {
    const args = type.schema.parse(type.example.args);
    assert.equal(type.check(type.example.pass, args), true, `${type.id} pass`);
    assert.equal(type.check(type.example.fail, args), false, `${type.id} fail`);
    assert.ok(type.render(args).length > 0);
  }
});

test("relations accept the underscore spellings and normalise them", () => {
  const words = findHardType("words")!;
  assert.deepEqual(words.schema.parse({ num_words: 5, relation: "less_than" }), { num_words: 5, relation: "less than" });
  assert.deepEqual(words.schema.parse({ num_words: 5, relation: "at_least" }), { num_words: 5, relation: "at least" });
  assert.equal(words.schema.safeParse({ num_words: 5, relation: "at most" }).success, false);
  assert.equal(words.render(words.schema.parse({ num_words: 50, relation: "less_than" })), "Answer with less than 50 words.");
});

test("schemas reject out-of-range, unknown and malformed arguments", () => {
  const bad: [string, Record<string, unknown>][] = [
    ["words", { num_words: 0, relation: "at least" }],
    ["words", { num_words: 2.5, relation: "at least" }],
    ["words", { num_words: 5 }],
    ["words", { num_words: 5, relation: "at least", extra: 1 }],
    ["language", { language: "english" }],
    ["contains", { keywords: [] }],
    ["contains", { keywords: [""] }],
    ["contains", { keywords: ["c++"] }],
    ["letter_frequency", { letter: "ab", let_frequency: 1, let_relation: "at least" }],
    ["letter_frequency", { letter: " ", let_frequency: 1, let_relation: "at least" }],
    ["paragraph_first_word", { num_paragraphs: 2, nth_paragraph: 3, first_word: "x" }],
    ["end_with", { end_phrase: "   " }],
    ["repeat_prompt", { prompt_to_repeat: "" }],
    ["sections", { section_spliter: "", num_sections: 2 }],
  ];
  for (const [name, args] of bad) assert.equal(findHardType(name)!.schema.safeParse(args).success, false, `${name} ${JSON.stringify(args)}`);
  assert.equal(findHardType("bullets")!.schema.safeParse({ num_bullets: 0 }).success, true); // "exactly 0" is meaningful
  assert.equal(findHardType("language")!.schema.safeParse({ language: "zh-cn" }).success, true);
});

test("describeArgs is derived from the schema", () => {
  assert.deepEqual(describeArgs(findHardType("words")!).map(({ name, type, required, values }) => ({ name, type, required, values })), [
    { name: "num_words", type: "integer", required: true, values: undefined },
    { name: "relation", type: "string", required: true, values: ["less than", "at least"] },
  ]);
  const keywords = describeArgs(findHardType("contains")!);
  assert.equal(keywords[0].type, "string[]");
  assert.ok(keywords[0].description.length > 0);
  assert.deepEqual(describeArgs(findHardType("no_comma")!), []);
  for (const type of HARD_TYPES) for (const arg of describeArgs(type)) assert.ok(arg.description, `${type.id}.${arg.name} has a description`);
});
