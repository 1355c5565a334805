/**
 * Fixture for no-blocking-sleep (TypeScript): a small job runner with retry back-off.
 * Each line that blocks the event loop inside an async function carries an `expect` comment; the rest is correct.
 */
import { execSync, spawnSync } from "node:child_process";
import * as childProcess from "child_process";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export interface Job {
  readonly id: string;
  run(): Promise<void>;
}

const WAIT_ARRAY = new Int32Array(new SharedArrayBuffer(4));

/** Wrong: a synchronous sleep helper called from async code. It is sync, so the call sites are not flagged here. */
export function sleepSync(ms: number): void {
  Atomics.wait(WAIT_ARRAY, 0, 0, ms);
}

export async function retryWithBackoff(job: Job, attempts = 3): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await job.run();
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      execSync(`sleep ${attempt}`); // expect: no-blocking-sleep
    }
  }
}

export async function drainQueue(jobs: readonly Job[]): Promise<void> {
  for (const job of jobs) {
    await job.run();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // expect: no-blocking-sleep
  }
}

export async function waitForLock(lock: Int32Array): Promise<void> {
  Atomics.wait(lock, 0, 1, 5_000); // expect: no-blocking-sleep
}

export async function throttle(job: Job, minimumMs: number): Promise<void> {
  const start = Date.now();
  await job.run();
  while (Date.now() - start < minimumMs) {} // expect: no-blocking-sleep
}

export class Poller {
  #deadline = 0;

  constructor(private readonly intervalMs: number) {}

  async tick(job: Job): Promise<void> {
    await job.run();
    this.#deadline = performance.now() + this.intervalMs;
    do {} while (performance.now() < this.#deadline); // expect: no-blocking-sleep
  }

  async settle(): Promise<void> {
    childProcess.spawnSync("sleep", ["1"]); // expect: no-blocking-sleep
  }

  async coolDown(): Promise<void> {
    spawnSync("/bin/sleep", ["0.5"], { stdio: "ignore" }); // expect: no-blocking-sleep
  }
}

export const warmUp = async (ms: number): Promise<void> => {
  const end = Date.now() + ms;
  let spins = 0;
  while (new Date().getTime() < end) { // expect: no-blocking-sleep
    spins++;
  }
  console.log(`warmed up after ${spins} spins`);
};

// ---------------------------------------------------------------- correct code: nothing to report below

export async function retryPolitely(job: Job, attempts = 3): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await job.run();
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      await sleep(attempt * 1000);
    }
  }
}

export async function waitForLockAsync(lock: Int32Array): Promise<void> {
  const result = Atomics.waitAsync(lock, 0, 1, 5_000);
  if (result.async) await result.value;
}

export async function pollUntil(deadline: number, ready: () => Promise<boolean>): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await sleep(100);
  }
  return false;
}

export async function timeBoxed(jobs: Job[], budgetMs: number): Promise<number> {
  const end = Date.now() + budgetMs;
  let done = 0;
  while (Date.now() < end && done < jobs.length) {
    await jobs[done]!.run();
    done++;
  }
  return done;
}

/** Runs in a worker thread, where blocking is fine: a sync function nested in async code is not flagged. */
export async function offload(post: (task: () => void) => Promise<void>): Promise<void> {
  function blockInWorker(): void {
    execSync("sleep 1");
  }
  await post(blockInWorker);
  await post(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10));
}

// Module top level: a CLI script may block before anything else runs.
if (process.env["STARTUP_DELAY"] === "1") {
  execSync("sleep 1");
}
