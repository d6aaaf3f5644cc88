// IFBench checkers on the quirks of the official code at c94da02 (each expected value
// traced by hand through the Python source), and the Python csv reader they rely on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check-helper.js";
import { pyCsvRows, PyCsvError } from "../../../server/src/ifeval/python/py-csv.js";
import { splitIntoSentences as regexSentences } from "../../../server/src/ifeval/ifbench/sentences.js";

test("IFEval's regex sentence splitter, as IFBench used it", () => {
  assert.deepEqual(regexSentences("Dr. Smith arrived. He sat... Then? Yes!"), ["Dr. Smith arrived.", "He sat...", "Then?", "Yes!"]);
  assert.deepEqual(regexSentences("Pi is 3.14 and e.g. this. Done"), ["Pi is 3.14 and e.g. this.", "Done"]);
  assert.deepEqual(regexSentences(""), []);
});

test("Python csv: blank lines are rows, quotes keep text after them, unterminated quotes run to the end", () => {
  assert.deepEqual(pyCsvRows("a,b\n\nc,d\n"), [["a", "b"], [], ["c", "d"]]);
  assert.deepEqual(pyCsvRows('"x"y,"a ""q"" b"'), [["xy", 'a "q" b']]);
  assert.deepEqual(pyCsvRows('a,"open\nstill'), [["a", "open\nstill"]]);
  assert.deepEqual(pyCsvRows("a\tb", "\t"), [["a", "b"]]);
  assert.deepEqual(pyCsvRows("a,b\r\nc"), [["a", "b"], ["c"]]);
  assert.throws(() => pyCsvRows("a\rb"), PyCsvError);
});

const CASES: [id: string, args: Record<string, unknown>, response: string, expected: boolean, why: string][] = [
  ["format:line_indent", {}, "a\n\n\n b\n  c", false, "removing while iterating skips the second blank line: ['a', '', ' b', '  c'], and '' (indent 0) is not deeper than 'a'"],
  ["format:line_indent", {}, "a\n\n b\n  c", true, "one blank line removed: 'a', ' b', '  c' indent 0, 1, 2"],
  ["custom:csv_city", {}, "ID,Country,City,Year,Count\n" + "1,a,b,2000,1\n".repeat(7), true, "8 rows; the final newline adds no row"],
  ["custom:csv_city", {}, "ID,Country,City,Year,Count\n\n" + "1,a,b,2000,1\n".repeat(6), false, "the blank line is a row [] of length 0"],
  ["custom:mcq_count_length", {}, "x", false, "find('Question') is -1, value[-1:] is 'x' == value, so it goes on and finds no 4 questions"],
  ["format:options", { options: "a), b), c), d)" }, "b)", true, "a/b/c options are strict: the response must equal one option exactly"],
  ["format:options", { options: "a), b), c), d)" }, "b) ", false, "strict membership: 'b) ' is not an option"],
  ["format:options", { options: "I know or I don't know" }, "i don't know!", true, "split on 'or'; punctuation and spaces stripped, lower-cased"],
  ["count:conjunctions", { small_n: 2 }, "and and, AND", true, "distinct raw words 'and', 'and,', 'AND' are 3 even though all are one conjunction"],
  ["count:person_names", { N: 2 }, "Leonard met Ella", true, "'Leo' is a substring of 'Leonard' and 'Ella' matches: 2"],
  ["ratio:overlap", { reference_text: "abcd", percentage: 50 }, "abcx", true, "character trigrams {abc, bcx}, 1 of 2 in the reference: 50%"],
  ["words:alphabet", {}, "...", false, "no words after deleting punctuation: IndexError upstream, not followed here"],
  ["format:quote_unquote", {}, `"a" b "c"`, false, "whitespace removed: '\"a\"b\"c\"' ends with a quote"],
  ["format:no_bullets_bullets", {}, "One. Two.\n* a\n* b\n", false, "the empty line after the bullets is neither a bullet nor allowed prose"],
  ["format:no_bullets_bullets", {}, "One. Two.\n* a\n* b", true, "two sentences, then two bullets, nothing after"],
  ["custom:date_format_list", {}, "1805-12-02, 1800-02-30", false, "February with day 30 > 29"],
  ["repeat:repeat_span", { prompt_to_repeat: "one two three four", n_start: 0, n_end: 2 }, "ONE two", true, "words [0:2] lower-cased"],
];

for (const [id, args, response, expected, why] of CASES) {
  test(`${id} ${JSON.stringify(response).slice(0, 30)} → ${expected} (${why})`, () => {
    assert.equal(check(id, args, response), expected);
  });
}
