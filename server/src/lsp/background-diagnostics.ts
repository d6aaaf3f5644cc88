// Diagnostics of large documents computed on a worker thread that a newer version drops.
//
// Why a worker rather than phases with a yield between them: on a 4 MB document most of an
// analysis is one synchronous chevrotain parse, which cannot yield; phases would leave the
// server deaf for that whole parse, and an edit typed meanwhile would wait behind it. A worker
// can be terminated mid-parse the moment a newer version arrives, and the main thread stays
// free to read edits and answer requests. Only LSP diagnostics (plain JSON) come back, so the
// analysis stays a value of the thread that made it. Requests (hover, symbols...) still
// analyse on the main thread, through `DocumentStore.get`, which is incremental after edits.
// Small documents skip the worker: their analysis takes well under a millisecond, less than
// a message round trip.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { ANALYSIS_WORKER_DATA, type WorkerReply, type WorkerRequest } from "./analysis-worker.js";

/**
 * The worker's script: `analysis-worker.js` beside this file in out/; in the bundle
 * (dist/server/server.js, where that file does not exist) the bundle itself, which
 * serves analyses instead of starting a server when given ANALYSIS_WORKER_DATA.
 */
const BESIDE = join(__dirname, "analysis-worker.js");
const WORKER_SCRIPT = existsSync(BESIDE) ? BESIDE : __filename;

/** A version's diagnostics, or why there are none: a newer job dropped it, or the worker failed. */
export type Outcome = LspDiagnostic[] | "dropped" | "failed";

interface Job {
  id: number;
  settle: (outcome: Outcome) => void;
}

/** One worker per large open document; a job per version, the older one dropped. */
class DocumentWorker {
  private readonly worker = new Worker(WORKER_SCRIPT, { workerData: ANALYSIS_WORKER_DATA });
  private job: Job | undefined;

  constructor(private readonly onFailure: (message: string) => void) {
    this.worker.on("message", (reply: WorkerReply) => {
      const job = this.job;
      if (!job || job.id !== reply.id) return;
      this.job = undefined;
      if ("failure" in reply) {
        this.onFailure(reply.failure);
        job.settle("failed");
      } else {
        job.settle(reply.diagnostics);
      }
    });
    this.worker.on("error", (error) => {
      this.onFailure(error.message);
      this.settle("failed");
    });
    // An exit nobody asked for (out of memory, say) fails the job: the store then analyses on its own thread.
    this.worker.on("exit", () => this.settle("failed"));
    // The server may exit with idle workers around.
    this.worker.unref();
  }

  get busy(): boolean {
    return this.job !== undefined;
  }

  run(request: WorkerRequest, settle: Job["settle"]): void {
    this.settle("dropped");
    this.job = { id: request.id, settle };
    this.worker.postMessage(request);
  }

  terminate(): void {
    this.settle("dropped");
    void this.worker.terminate();
  }

  private settle(value: Outcome): void {
    const job = this.job;
    this.job = undefined;
    job?.settle(value);
  }
}

export class BackgroundDiagnostics {
  private readonly workers = new Map<string, DocumentWorker>();
  private nextId = 1;

  constructor(
    /** Documents of at least this many characters are analysed here. */
    readonly minLength: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Whether `text` goes to a worker. */
  handles(text: string): boolean {
    return text.length >= this.minLength;
  }

  /** The diagnostics of one version; a job still running for the same document is dropped with its worker. */
  diagnose(uri: string, text: string, maxDepth: number): Promise<Outcome> {
    this.supersede(uri);
    let worker = this.workers.get(uri);
    if (!worker) {
      worker = new DocumentWorker((message) => this.log(`lsrif: background analysis of ${uri} failed: ${message}`));
      this.workers.set(uri, worker);
    }
    const request: WorkerRequest = { id: this.nextId++, uri, text, maxDepth };
    return new Promise((resolve) => worker.run(request, resolve));
  }

  /** A newer version exists: a job running for an older one is stopped now, mid-parse if need be. */
  supersede(uri: string): void {
    const worker = this.workers.get(uri);
    if (worker?.busy) {
      worker.terminate();
      this.workers.delete(uri);
    }
  }

  close(uri: string): void {
    this.workers.get(uri)?.terminate();
    this.workers.delete(uri);
  }
}
