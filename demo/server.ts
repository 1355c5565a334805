// A small Node service with the pitfalls async-pitfalls finds.
import { execSync } from "node:child_process";

export async function waitForLock(view: Int32Array): Promise<void> {
  Atomics.wait(view, 0, 0, 100); // freezes the event loop for up to 100 ms
}

export async function throttle(): Promise<void> {
  execSync("sleep 1");
}

export function startup(): void {
  execSync("sleep 1"); // fine: synchronous start-up code
}
