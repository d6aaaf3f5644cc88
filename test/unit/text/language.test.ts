import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage, languageProbabilities } from "../../../server/src/ifeval/text/language.js";
import { PythonRandom } from "../../../server/src/ifeval/text/python-random.js";

test("Python random.Random(0) streams (values printed by CPython 3.11)", () => {
  const random = new PythonRandom(0);
  assert.equal(random.random(), 0.8444218515250481);
  assert.equal(random.random(), 0.7579544029403025);
  assert.equal(random.gauss(0, 1), -0.6797144480784211);
  assert.equal(random.gauss(0, 1), 0.3705035674606598);
  assert.equal(random.choice(Array.from({ length: 1000 }, (_, i) => i)), 523);
});

test("clear texts in several scripts", () => {
  assert.equal(detectLanguage("The quick brown fox jumps over the lazy dog while the farmer watches."), "en");
  assert.equal(detectLanguage("Bonjour tout le monde, comment allez-vous aujourd'hui ?"), "fr");
  assert.equal(detectLanguage("これは日本語の文章です。"), "ja");
  assert.equal(detectLanguage("안녕하세요 만나서 반갑습니다"), "ko");
});

test("no features (digits, punctuation, empty) is undefined, like LangDetectException", () => {
  assert.equal(detectLanguage(""), undefined);
  assert.equal(detectLanguage("123 456 !!!"), undefined);
});

test("probabilities equal Python langdetect 1.0.9 with DetectorFactory.seed = 0", () => {
  // Values printed by `detect_langs(text)` in CPython 3.11 with the Debian python3-langdetect.
  // Only the first capital of an all-caps word is a feature, so this is "en" from H, W, T, I, L.
  assert.equal(languageProbabilities("HELLO WORLD THIS IS LOUD")?.get("en"), 0.9999927670794305);
  assert.equal(languageProbabilities("Ciao, come stai? Io sto bene, grazie mille.")?.get("it"), 0.9999958102155775);
});

test("deterministic: the same probabilities on every call", () => {
  const text = "Ciao, come stai? Io sto bene, grazie mille.";
  assert.deepEqual(languageProbabilities(text), languageProbabilities(text));
  const probabilities = languageProbabilities(text);
  const total = [...(probabilities?.values() ?? [])].reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
});
