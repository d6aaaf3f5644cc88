// GET /metrics: Prometheus text from prom-client, one registry per server.

import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { JudgeStats } from "../judge/types.js";

export class ServeMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<"endpoint" | "status">;
  readonly latency: Histogram<"endpoint">;
  readonly items: Counter<"outcome">;
  readonly fallbacks: Counter;
  readonly verdicts: Counter;
  /** The app's count of requests in flight, read at scrape time (nothing to update per request). */
  private inFlightNow: () => number = () => 0;

  constructor(judgeStats: () => JudgeStats | undefined) {
    const registers = [this.registry];
    this.requests = new Counter({ name: "lsrif_http_requests_total", help: "HTTP requests by endpoint and status", labelNames: ["endpoint", "status"], registers });
    this.latency = new Histogram({
      name: "lsrif_http_request_duration_seconds", help: "Request latency by endpoint", labelNames: ["endpoint"], registers,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    });
    this.items = new Counter({ name: "lsrif_items_scored_total", help: "Items scored, by outcome (ok, error, no_think)", labelNames: ["outcome"], registers });
    this.fallbacks = new Counter({ name: "lsrif_fallbacks_total", help: "Items given the fallback score (error 1)", registers });
    this.verdicts = new Counter({ name: "lsrif_judge_verdicts_total", help: "Soft verdicts used in scores (cached or not)", registers });
    const inFlightNow = () => this.inFlightNow();
    new Gauge({
      name: "lsrif_requests_in_flight", help: "Requests being handled", registers,
      collect() {
        this.set(inFlightNow());
      },
    });
    // The judge keeps its own counters; these read them at scrape time.
    const fromJudge = (name: string, help: string, field: keyof JudgeStats) =>
      new Counter({
        name, help, registers,
        collect() {
          this.reset();
          this.inc(judgeStats()?.[field] ?? 0);
        },
      });
    fromJudge("lsrif_judge_requests_total", "HTTP requests sent to the judge (retries and probes included)", "requestsSent");
    fromJudge("lsrif_judge_cache_hits_total", "Verdicts served from the judge's on-disk cache", "cacheHits");
    fromJudge("lsrif_judge_errors_total", "Judge verdicts that failed (cancellations included)", "failures");
    fromJudge("lsrif_judge_deduplicated_total", "Judge calls that joined an identical request in flight", "deduplicated");
    fromJudge("lsrif_judge_retries_total", "Judge requests repeated after a transient error", "retries");
  }

  countInFlight(read: () => number): void {
    this.inFlightNow = read;
  }
}
