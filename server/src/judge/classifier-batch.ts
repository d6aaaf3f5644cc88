// Batched classifier calls: vLLM's /classify and TEI's /predict take lists, so
// verdicts waiting for the judge go out up to `batchSize` per HTTP request.
// A batch is formed when a request slot is free (at most `slots()` batches in
// flight). A full batch leaves at once; a partial one at once only to an idle judge,
// else when a batch comes back or after PARTIAL_WAIT_MS: verdicts that arrive spread
// out (a server starts a batch's items in slices so judge requests go out during the
// hard checks; one-item requests arrive one by one) still go out `batchSize` at a
// time instead of filling every free slot with a few each. A lone verdict to an idle
// judge leaves on the next turn of the event loop.

import { JudgeCancelledError } from "./http.js";
import type { SoftJudgeRequest } from "./types.js";

interface Pending {
  request: SoftJudgeRequest;
  signal: AbortSignal;
  resolve: (probability: number | undefined) => void;
  reject: (error: unknown) => void;
  onAbort: () => void;
}

/** Sends one batch; resolves with one P(YES) per request (undefined: the reply did not validate). */
export type SendBatch = (requests: SoftJudgeRequest[], signal: AbortSignal) => Promise<(number | undefined)[]>;

/** The longest a partial batch waits for more verdicts while other batches are in flight. */
export const PARTIAL_WAIT_MS = 20;

export class ClassifierBatcher {
  private readonly queue: Pending[] = [];
  private active = 0;
  private scheduled = false;
  private partialTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly batchSize: number,
    private readonly slots: () => number,
    private readonly send: SendBatch,
  ) {}

  /** P(YES) for one request, or undefined when the reply did not validate; rejects like the transport. */
  probability(request: SoftJudgeRequest, signal: AbortSignal): Promise<number | undefined> {
    if (signal.aborted) return Promise.reject(new JudgeCancelledError());
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        request, signal, resolve, reject,
        onAbort: () => {
          const index = this.queue.indexOf(pending);
          if (index >= 0) this.queue.splice(index, 1);
          reject(new JudgeCancelledError());
        },
      };
      signal.addEventListener("abort", pending.onAbort, { once: true });
      this.queue.push(pending);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(sendPartial = false): void {
    while (this.queue.length > 0 && this.active < Math.max(1, this.slots())) {
      if (this.queue.length < this.batchSize && this.active > 0 && !sendPartial) {
        this.partialTimer ??= setTimeout(() => {
          this.partialTimer = undefined;
          this.pump(true);
        }, PARTIAL_WAIT_MS);
        return;
      }
      const batch = this.queue.splice(0, this.batchSize);
      for (const pending of batch) pending.signal.removeEventListener("abort", pending.onAbort);
      this.active++;
      void this.run(batch).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    // The request is aborted only when every verdict in it was cancelled.
    const controller = new AbortController();
    let left = batch.length;
    const leave = (pending: Pending) => () => {
      pending.reject(new JudgeCancelledError());
      if (--left === 0) controller.abort();
    };
    const listeners = batch.map((pending) => {
      const listener = leave(pending);
      if (pending.signal.aborted) listener();
      else pending.signal.addEventListener("abort", listener, { once: true });
      return listener;
    });
    try {
      const probabilities = await this.send(batch.map((pending) => pending.request), controller.signal);
      batch.forEach((pending, i) => pending.resolve(probabilities[i]));
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
    } finally {
      batch.forEach((pending, i) => pending.signal.removeEventListener("abort", listeners[i]));
    }
  }
}
