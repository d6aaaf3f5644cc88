// A concurrency limiter that halves its limit on 429 and grows back by one per
// window of successes (additive increase, multiplicative decrease).

import { JudgeCancelledError } from "./http.js";

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal?: AbortSignal;
  onAbort: () => void;
}

export class AdaptiveLimiter {
  private current: number;
  private active = 0;
  private successesSinceChange = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly max: number) {
    this.current = max;
  }

  get limit(): number {
    return this.current;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active--;
      this.pump();
    }
  }

  onRateLimited(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successesSinceChange = 0;
  }

  onSuccess(): void {
    if (this.current >= this.max) return;
    this.successesSinceChange++;
    if (this.successesSinceChange >= this.current) {
      this.current++;
      this.successesSinceChange = 0;
      this.pump();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new JudgeCancelledError());
    if (this.active < this.current && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new JudgeCancelledError());
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private pump(): void {
    while (this.active < this.current && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      next.signal?.removeEventListener("abort", next.onAbort);
      this.active++;
      next.resolve();
    }
  }
}
