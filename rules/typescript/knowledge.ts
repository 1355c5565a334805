/**
 * What we know about Node.js and JavaScript APIs, as data: rules look things up here instead of growing `if` chains.
 * Module names are stored without the `node:` prefix (`child_process` matches `node:child_process` too); see
 * `normalizeModuleName` in `imports.ts`.
 */

/** The awaitable that replaces a blocking sleep: `setTimeout` from `node:timers/promises`. */
export interface AsyncSleep {
  /** The module to import from when no binding exists yet (the spelling written into new code). */
  readonly module: string;
  /** The module's name as `normalizeModuleName` returns it, for recognising existing imports. */
  readonly moduleKey: string;
  /** The export to call. */
  readonly exportName: string;
  /** Local names tried in order for a new binding; the first that is free (shadows and captures nothing) wins. */
  readonly localNames: readonly string[];
}

export const asyncSleep: AsyncSleep = {
  module: "node:timers/promises",
  moduleKey: "timers/promises",
  exportName: "setTimeout",
  localNames: ["setTimeout", "sleep", "delay", "sleepMs", "pause"],
};

/** A global call that blocks the calling thread until notified or timed out: `Atomics.wait(ta, i, v, ms)`. */
export interface BlockingGlobalWait {
  /** The global object, e.g. `Atomics`. */
  readonly object: string;
  readonly method: string;
  /** Zero-based index of the timeout argument (milliseconds; absent means "forever"). */
  readonly timeoutArgument: number;
  /** The non-blocking counterpart, named in the message. */
  readonly asyncAlternative: string;
}

export const blockingGlobalWaits: readonly BlockingGlobalWait[] = [
  { object: "Atomics", method: "wait", timeoutArgument: 3, asyncAlternative: "Atomics.waitAsync" },
];

/** Typed arrays `Atomics.wait` accepts; a private one (nothing else can `notify` it) makes the wait a plain sleep. */
export const waitableTypedArrays: ReadonlySet<string> = new Set(["Int32Array", "BigInt64Array"]);

/** How a synchronous process runner receives its command. */
export type CommandForm =
  /** `execSync("sleep 2")`: one shell command line. */
  | "shell-command"
  /** `spawnSync("sleep", ["2"])`, `execFileSync("sleep", ["2"])`: an executable and an argument array. */
  | "file-and-arguments";

/** Synchronous process runners by module, then export name: they block until the child exits. */
export const syncProcessRunners: ReadonlyMap<string, ReadonlyMap<string, CommandForm>> = new Map([
  [
    "child_process",
    new Map<string, CommandForm>([
      ["execSync", "shell-command"],
      ["spawnSync", "file-and-arguments"],
      ["execFileSync", "file-and-arguments"],
    ]),
  ],
]);

/** Spellings of the `sleep` executable we recognise as a command's first word. */
export const sleepExecutables: ReadonlySet<string> = new Set(["sleep", "/bin/sleep", "/usr/bin/sleep"]);

/** `sleep` operand suffixes (GNU coreutils) → milliseconds per unit; no suffix means seconds. */
export const sleepDurationUnits: ReadonlyMap<string, number> = new Map([
  ["", 1000],
  ["s", 1000],
  ["m", 60_000],
  ["h", 3_600_000],
  ["d", 86_400_000],
]);

/**
 * Expressions that read a millisecond wall or monotonic clock. A busy-wait loop compares one of them with a deadline.
 * - `static`: `<global>.<method>()`, e.g. `Date.now()`; when `module`/`exportName` are set the object may also be
 *   imported (`import { performance } from "node:perf_hooks"`).
 * - `instance`: `new <constructor>().<method>()`, e.g. `new Date().getTime()` (no constructor arguments).
 * - `coerced`: `+new <constructor>()`, e.g. `+new Date()`.
 */
export type ClockRead =
  | { readonly kind: "static"; readonly global: string; readonly method: string; readonly module?: string; readonly exportName?: string }
  | { readonly kind: "instance"; readonly constructor: string; readonly method: string }
  /** `+new <constructor>()`. */
  | { readonly kind: "coerced"; readonly constructor: string };

export const clockReads: readonly ClockRead[] = [
  { kind: "static", global: "Date", method: "now" },
  { kind: "static", global: "performance", method: "now", module: "perf_hooks", exportName: "performance" },
  { kind: "instance", constructor: "Date", method: "getTime" },
  { kind: "instance", constructor: "Date", method: "valueOf" },
  { kind: "coerced", constructor: "Date" },
];
