// Python behaviours the checkers depend on. Expected values are what CPython 3
// gives for the same call (worked out from the documented semantics: str.isspace
// set, Uppercase/Lowercase properties, re's Unicode \w/\b, json.loads constants).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pyIsLower, pyIsUpper, pySplitWhitespace, pyStrip, pyStripChars } from "../../../server/src/ifeval/python/py-text.js";
import { compilePyRegex, translatePyRegex } from "../../../server/src/ifeval/python/py-regex.js";
import { isPythonJson } from "../../../server/src/ifeval/python/py-json.js";
import { pyJsonDumps } from "../../../server/src/ifeval/python/py-json-dumps.js";

test("str.strip() uses Python's whitespace set, not JavaScript's", () => {
  assert.equal(pyStrip("\x1c\x85 hi \u3000"), "hi"); // \x1c-\x1f and \x85 are Python whitespace
  assert.equal(pyStrip("\ufeffhi\ufeff"), "\ufeffhi\ufeff"); // BOM is JS \s but not Python whitespace
  assert.equal(pyStripChars('""quoted"', '"'), "quoted");
  assert.deepEqual(pySplitWhitespace("  a\tb\x1fc  "), ["a", "b", "c"]);
  assert.deepEqual(pySplitWhitespace(" \n "), []);
});

test("str.isupper()/islower() follow the Unicode Uppercase/Lowercase properties", () => {
  assert.equal(pyIsUpper("HELLO, WORLD 123!"), true);
  assert.equal(pyIsUpper("123 !"), false); // no cased character
  assert.equal(pyIsUpper("ÀÉÎ"), true);
  assert.equal(pyIsUpper("\u24b6"), true); // Ⓐ is So but Other_Uppercase
  assert.equal(pyIsUpper("A\u01c5"), false); // ǅ is titlecase
  assert.equal(pyIsLower("\u00aa"), true); // ª is Lo but Other_Lowercase
  assert.equal(pyIsLower("straße"), true);
  assert.equal(pyIsLower("hello World"), false);
  assert.equal(pyIsLower("日本語"), false); // uncased only
});

function findAll(pattern: string, text: string, options = {}): string[] {
  const regex = compilePyRegex(pattern, options);
  assert.ok(regex, `pattern ${pattern} should compile`);
  return text.match(regex) ?? [];
}

test("re: \\w and \\b are Unicode-aware; combining marks are not word characters", () => {
  assert.deepEqual(findAll(String.raw`\w+`, "naïve café_1 日本"), ["naïve", "café_1", "日本"]);
  assert.deepEqual(findAll(String.raw`\w+`, "e\u0301"), ["e"]); // U+0301 is Mn: not alnum in Python
  assert.deepEqual(findAll(String.raw`\bcafé\b`, "un café, cafés", { ignoreCase: true }), ["café"]);
  assert.deepEqual(findAll(String.raw`\bé`, "aé é"), ["é"]); // only the one after a space
  assert.deepEqual(findAll(String.raw`\d+`, "x ٣٤ 12"), ["٣٤", "12"]); // Arabic-Indic digits are \d
});

test("re: '.' excludes only \\n and multiline ^/$ see only \\n as a line end", () => {
  assert.deepEqual(findAll(String.raw`a.b`, "a\rb a\u2028b a\nb"), ["a\rb", "a\u2028b"]);
  assert.deepEqual(findAll(String.raw`^x.*$`, "x1\rx2\nx3", { multiline: true }), ["x1\rx2", "x3"]);
  assert.deepEqual(findAll(String.raw`end$`, "end\n"), ["end"]); // non-multiline $ also before a final \n
});

test("re: Python's lenient literals translate to valid JS patterns", () => {
  assert.deepEqual(findAll("a{", "a{"), ["a{"]);
  assert.deepEqual(findAll("x{,2}", "xxx"), ["xx", "x", ""]); // findall keeps the empty match at the end
  assert.deepEqual(findAll(String.raw`\,\#\'`, ",#'"), [",#'"]);
  assert.deepEqual(findAll("[]a]+", "]a]"), ["]a]"]);
  assert.deepEqual(findAll("(?P<w>o)(?P=w)", "foo"), ["oo"]);
  assert.equal(compilePyRegex("c++"), undefined); // Python: "multiple repeat"
  assert.equal(compilePyRegex(String.raw`\q`), undefined); // Python rejects unknown escapes
  assert.equal(translatePyRegex("(?i)x", false), undefined); // inline flags are not translated
});

test("re: ignorecase folds like Python (Kelvin sign, long s)", () => {
  assert.deepEqual(findAll("k", "\u212a", { ignoreCase: true }), ["\u212a"]);
  assert.deepEqual(findAll("s", "\u017f", { ignoreCase: true }), ["\u017f"]);
});

test("json.loads: NaN/Infinity and any top-level value are accepted", () => {
  for (const ok of ["NaN", "-Infinity", '{"a": [1, NaN, Infinity]}', '"text"', "42", "true", "null", " [ ] ", "1e5", '"\\u00e9"'])
    assert.equal(isPythonJson(ok), true, ok);
  for (const bad of ["", "nan", "{'a': 1}", "[1,]", "01", "1.", '{"a" 1}', "[1] [2]", '"tab\there"', '"\\x"', "\ufeff1", "-NaN", "{1: 2}"])
    assert.equal(isPythonJson(bad), false, bad);
});

test("json.dumps: ensure_ascii escapes and Python separators", () => {
  assert.equal(pyJsonDumps({ a: [true, false], b: "é\n\"\u007f😀" }), '{"a": [true, false], "b": "\\u00e9\\n\\"\\u007f\\ud83d\\ude00"}');
});
