/**
 * Typed linting for the editor (`asyncPitfalls.typescript.typed`), in a worker thread (typed-worker.ts).
 *
 * The server publishes untyped diagnostics first; then it asks for a typed lint of the same version here, and
 * replaces them when the answer comes (if the document has not moved on). One lint runs at a time; while it runs,
 * only the newest request per document waits, so a burst of typing costs one typed lint after the current one.
 * The worker starts on the first request and is restarted (up to a limit) if it dies.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Linter } from "eslint";
import type { TypedRequest, TypedResponse } from "./typed-worker.js";

/** `workerData.role` that makes the bundled server (one file) run as the typed worker; see main.ts. */
export const TYPED_WORKER_ROLE = "async-pitfalls/typed-lint";

export interface TypedJob {
  readonly uri: string;
  readonly version: number;
  readonly root: string;
  readonly filePath: string;
  readonly text: string;
}

export type TypedOutcome = { readonly messages: Linter.LintMessage[] } | { readonly skipped: string } | { readonly error: string };

const MAX_RESTARTS = 3;

export class TypedLinting {
  readonly #onResult: (job: TypedJob, outcome: TypedOutcome) => void;
  readonly #log: (message: string) => void;
  #worker: Worker | undefined;
  #restarts = 0;
  #nextId = 1;
  /** The job the worker is on. */
  #running: (TypedJob & { readonly id: number }) | undefined;
  /** The newest job per document, waiting for the worker. */
  readonly #waiting = new Map<string, TypedJob>();
  #disposed = false;

  constructor(onResult: (job: TypedJob, outcome: TypedOutcome) => void, log: (message: string) => void) {
    this.#onResult = onResult;
    this.#log = log;
  }

  request(job: TypedJob): void {
    if (this.#disposed) return;
    this.#waiting.delete(job.uri);
    this.#waiting.set(job.uri, job);
    this.#next();
  }

  /** Drops the waiting job of a document (closed, or no longer typed); a running one's answer is ignored by the caller. */
  cancel(uri: string): void {
    this.#waiting.delete(uri);
  }

  /** Whether a typed lint of this document is running or waiting. */
  pending(uri: string): boolean {
    return this.#waiting.has(uri) || this.#running?.uri === uri;
  }

  dispose(): void {
    this.#disposed = true;
    this.#waiting.clear();
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #next(): void {
    if (this.#running || this.#disposed) return;
    const first = this.#waiting.entries().next();
    if (first.done) return;
    const [uri, job] = first.value;
    this.#waiting.delete(uri);
    const worker = this.#ensureWorker();
    if (!worker) {
      this.#onResult(job, { skipped: "the typed linter is not available" });
      return;
    }
    const id = this.#nextId++;
    this.#running = { ...job, id };
    const request: TypedRequest = { id, root: job.root, filePath: job.filePath, text: job.text };
    worker.postMessage(request);
  }

  #ensureWorker(): Worker | undefined {
    if (this.#worker) return this.#worker;
    if (this.#restarts > MAX_RESTARTS) return undefined;
    const { url, workerData } = workerEntry();
    const worker = new Worker(url, { workerData, stdout: true, stderr: true });
    worker.unref();
    // The worker's console output must never reach the server's stdout (the LSP channel over --stdio).
    worker.stdout.setEncoding("utf8").on("data", (chunk: string) => this.#log(`async-pitfalls (typed linter): ${chunk.trimEnd()}`));
    worker.stderr.setEncoding("utf8").on("data", (chunk: string) => this.#log(`async-pitfalls (typed linter): ${chunk.trimEnd()}`));
    worker.on("message", (response: TypedResponse) => {
      const running = this.#running;
      if (!running || running.id !== response.id) return;
      this.#running = undefined;
      const outcome: TypedOutcome = "messages" in response ? { messages: response.messages } : "skipped" in response ? { skipped: response.skipped } : { error: response.error };
      try {
        this.#onResult(running, outcome);
      } finally {
        this.#next();
      }
    });
    const lost = (why: string): void => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#restarts += 1;
      const running = this.#running;
      this.#running = undefined;
      if (!this.#disposed) this.#log(`async-pitfalls: the typed linter stopped (${why})${this.#restarts > MAX_RESTARTS ? "; typed linting is off until the server restarts" : "; restarting it"}.`);
      if (running) this.#onResult(running, { error: why });
      this.#next();
    };
    worker.on("error", (error) => lost(error instanceof Error ? error.message : String(error)));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    this.#worker = worker;
    return worker;
  }
}

/**
 * The worker's entry: `typed-worker.js` next to this module when running from the compiled files, or the bundled
 * server itself (one file, which dispatches on `workerData.role`).
 */
function workerEntry(): { url: URL; workerData: unknown } {
  const separate = new URL("./typed-worker.js", import.meta.url);
  if (separate.protocol === "file:" && existsSync(fileURLToPath(separate))) return { url: separate, workerData: { role: TYPED_WORKER_ROLE } };
  return { url: new URL(import.meta.url), workerData: { role: TYPED_WORKER_ROLE } };
}
