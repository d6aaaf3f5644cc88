// ByteStack (server/src/util/byte-stack.ts): pushRun is that many pushes, across growth.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ByteStack } from "../../../server/src/util/byte-stack.js";

test("pushes, runs and pops give what an array stack gives", () => {
  const op = fc.oneof(fc.tuple(fc.constant("push"), fc.integer({ min: 0, max: 255 }), fc.constant(1)), fc.tuple(fc.constant("run"), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 300 })), fc.tuple(fc.constant("pop"), fc.constant(0), fc.constant(0)));
  fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
    const stack = new ByteStack();
    const model: number[] = [];
    for (const [kind, value, count] of ops) {
      if (kind === "push") {
        stack.push(value);
        model.push(value);
      } else if (kind === "run") {
        stack.pushRun(value, count);
        for (let i = 0; i < count; i++) model.push(value);
      } else {
        assert.equal(stack.pop(), model.pop());
      }
      assert.equal(stack.length, model.length);
      assert.equal(stack.top(), model.at(-1));
    }
  }), { numRuns: 2000, seed: 9 });
});
