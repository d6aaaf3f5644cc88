// ClassifierBatcher's partial batches: a lone verdict to an idle judge leaves at once;
// verdicts that arrive while batches are in flight leave batchSize at a time, and the
// remainder after PARTIAL_WAIT_MS, not one small request per free slot.

import assert from "node:assert/strict";
import { test } from "node:test";
import { ClassifierBatcher } from "../../../server/src/judge/classifier-batch.js";
import type { SoftJudgeRequest } from "../../../server/src/judge/types.js";

const request = (i: number): SoftJudgeRequest => ({ constraint: `c${i}`, response: "r" });

test("1 verdict alone, then 20 arriving while it is in flight: batches of 1, 8, 8 and the 4 left after the wait", async () => {
  const sent: number[] = [];
  const replies: (() => void)[] = [];
  // The judge answers only when the test says so: every batch stays in flight.
  const batcher = new ClassifierBatcher(8, () => 64, (requests) => {
    sent.push(requests.length);
    return new Promise((resolve) => replies.push(() => resolve(requests.map(() => 0.9))));
  });
  const signal = new AbortController().signal;
  const first = batcher.probability(request(0), signal);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(sent, [1], "an idle judge gets the lone verdict at once");
  const rest = Array.from({ length: 20 }, (_, i) => batcher.probability(request(i + 1), signal));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(sent, [1, 8, 8], "full batches leave at once; the 4 left wait, 63 slots free or not");
  // The remainder leaves after PARTIAL_WAIT_MS although no batch has come back.
  for (let wait = 0; wait < 400 && sent.length < 4; wait++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(sent, [1, 8, 8, 4]);
  for (const reply of replies) reply();
  assert.deepEqual(await Promise.all([first, ...rest]), Array.from({ length: 21 }, () => 0.9));
});
