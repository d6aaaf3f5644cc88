// Issue 9 (memory): startend:end_checker and combination:repeat_prompt lower-case only the end
// of the response that holds the phrase (server/src/ifeval/text/case-affixes.ts). The answer
// equals lower-casing the whole text, on random text made of what lower-casing reacts to:
// final sigma (whose form depends on its neighbours), case-ignorable marks, "İ" (which
// lengthens), and whitespace of every kind.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { lowerEndsWith, lowerStartsWith } from "../../../server/src/ifeval/text/case-affixes.js";

const PIECES = ["Σ", "σ", "ς", "Α", "α", "'", "\u0301", "\u00ad", " ", "\n", "\u00a0", "\x1c", "İ", "i", "I", "̇", "a", "B", ".", "😀", "ΑΣ", "Σ'"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(""));

test("lowerStartsWith and lowerEndsWith equal the whole text lower-cased", () => {
  fc.assert(fc.property(text, text, (t, affix) => {
    const lower = affix.toLowerCase();
    assert.equal(lowerStartsWith(t, lower), t.toLowerCase().startsWith(lower), JSON.stringify([t, lower]));
    assert.equal(lowerEndsWith(t, lower), t.toLowerCase().endsWith(lower), JSON.stringify([t, lower]));
    // The affix taken from the text itself, so that the answer is often true.
    const whole = t.toLowerCase();
    for (const n of [1, 3, 6]) {
      assert.equal(lowerStartsWith(t, whole.slice(0, n)), true);
      assert.equal(lowerEndsWith(t, whole.slice(-n)), whole.length >= n ? true : whole.endsWith(whole.slice(-n)));
    }
  }), { numRuns: 5000, seed: 9 });
});

test("a phrase at the end of a long response is found, and one that is not there is not", () => {
  const long = `${"Σ word ".repeat(50_000)}Any other questions?`;
  assert.equal(lowerEndsWith(long, "any other questions?"), true);
  assert.equal(lowerEndsWith(long, "other questions."), false);
  assert.equal(lowerStartsWith(long, "σ word ς"), false);
  assert.equal(lowerStartsWith(long, "σ word σ"), true);
});
