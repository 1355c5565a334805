/**
 * Per-document debounce: each change restarts the document's timer, so only the newest version is linted once
 * typing pauses. Documents whose timer has fired wait in a queue and are linted one per turn of the event loop
 * (`setImmediate` runs after pending I/O), so requests such as code actions or shutdown are answered between two
 * lints even when many documents become due at once.
 */
export class LintScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Documents due for a lint, in the order they became due. */
  readonly #due = new Set<string>();
  #pumping = false;
  readonly #run: (uri: string) => void;
  readonly #onError: (uri: string, error: unknown) => void;

  constructor(run: (uri: string) => void, onError: (uri: string, error: unknown) => void) {
    this.#run = run;
    this.#onError = onError;
  }

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.#timers.delete(uri);
      this.#due.add(uri);
      this.#pump();
    }, Math.max(0, delayMs));
    this.#timers.set(uri, timer);
  }

  /** Whether a lint of the document is waiting (for its debounce or its turn). */
  pending(uri: string): boolean {
    return this.#timers.has(uri) || this.#due.has(uri);
  }

  cancel(uri: string): void {
    const timer = this.#timers.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.#timers.delete(uri);
    }
    this.#due.delete(uri);
  }

  cancelAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#due.clear();
  }

  #pump(): void {
    if (this.#pumping || this.#due.size === 0) return;
    this.#pumping = true;
    setImmediate(() => {
      this.#pumping = false;
      const uri = this.#due.values().next().value;
      if (uri !== undefined) {
        this.#due.delete(uri);
        try {
          this.#run(uri);
        } catch (error) {
          this.#onError(uri, error);
        }
      }
      this.#pump();
    });
  }
}
