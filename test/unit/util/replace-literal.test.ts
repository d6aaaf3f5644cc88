// replaceLiteral must give exactly what String.prototype.replaceAll gives (the checkers'
// verdicts depend on it), on the chunked path too: `nativeLimit` 0 forces it on short texts.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { replaceLiteral } from "../../../server/src/util/replace-all.js";

// Few distinct characters, so searches of several characters match often and overlap ("aa" in "aaa").
const text = fc.string({ unit: fc.constantFrom("a", "b", ".", "\n", '"', "”", "*", "é", "\u{1F600}"), maxLength: 300 });
const search = fc.string({ unit: fc.constantFrom("a", "b", ".", "\n", '"', "”", "*"), minLength: 1, maxLength: 3 });
const replacement = fc.constantFrom("", " ", "<stop>", "$&", "$1", '"""', "”.");

test("replaceLiteral equals a literal split/join on both paths, and the native replaceAll without $", () => {
  fc.assert(fc.property(text, search, replacement, (t, s, r) => {
    const literal = t.split(s).join(r);
    assert.equal(replaceLiteral(t, s, r, 0), literal);
    assert.equal(replaceLiteral(t, s, r), literal);
    if (!r.includes("$")) assert.equal(replaceLiteral(t, s, r, 0), t.replaceAll(s, r));
  }), { numRuns: 3000 });
});

test("replaceLiteral joins pieces past 64 Ki matches and keeps every one", () => {
  const t = "\n".repeat(200_000) + "x" + ".\n".repeat(70_000);
  assert.equal(replaceLiteral(t, "\n", " "), t.replaceAll("\n", " "));
  assert.equal(replaceLiteral(t, ".\n", "<stop>"), t.replaceAll(".\n", "<stop>"));
  assert.equal(replaceLiteral(t, "none", "y"), t);
});

test("the replacement is literal on both paths: $& stays $& (a native string replacement would give a.b)", () => {
  assert.equal(replaceLiteral("a.b", ".", "$&", 0), "a$&b");
  assert.equal(replaceLiteral("a.b", ".", "$&"), "a$&b");
  assert.equal(replaceLiteral("a.b", ".", "$$"), "a$$b");
});
