// memoizeByText (server/src/ifeval/text/text-cache.ts): a text over the key budget is computed
// after the other entries are dropped, and stays the one entry; smaller texts are kept beside it.

import assert from "node:assert/strict";
import { test } from "node:test";
import { memoizeByText } from "../../../server/src/ifeval/text/text-cache.js";

test("a huge text evicts the others before it is computed and is then the one cached entry", () => {
  const computed: number[] = [];
  const memo = memoizeByText((text) => {
    computed.push(text.length);
    return text.length;
  });
  const huge = "x".repeat(9 * 1024 * 1024);
  assert.equal(memo("ab"), 2);
  assert.equal(memo("ab"), 2);
  assert.equal(memo(huge), huge.length);
  assert.equal(memo(huge), huge.length);
  assert.equal(memo("ab"), 2); // evicted by the huge text: computed again
  assert.deepEqual(computed, [2, huge.length, 2]);
});
