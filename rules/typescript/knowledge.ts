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

// ---------------------------------------------------------------------------------------------------------------
// no-blocking-call: synchronous Node.js APIs that block the event loop, and their async counterparts

/**
 * How a blocking call's async counterpart is called with the *same arguments* and gives the *same result* once
 * awaited; the suggestion is offered only then.
 * - `promises-export`: an export of `node:fs/promises` (`readFileSync(p, "utf8")` → `await readFile(p, "utf8")`);
 *   a binding of `fs` reaches it as `fs.promises.readFile`.
 * - `promisify`: the callback API through `util.promisify` (`pbkdf2Sync(…)` → `await promisify(pbkdf2)(…)`).
 */
export type AsyncCounterpart =
  | { readonly kind: "promises-export"; readonly exportName: string }
  | { readonly kind: "promisify"; readonly exportName: string };

/** A synchronous API that blocks the thread until it is done. */
export interface BlockingNodeCall {
  /** The async counterpart the suggestion writes, when one keeps the semantics; else only the message advises. */
  readonly counterpart?: AsyncCounterpart;
  /**
   * The sync API also takes a file descriptor as its first argument where the counterpart does not (`fs/promises`
   * takes a `FileHandle`): no suggestion when the first argument may be a number.
   */
  readonly firstArgumentMayBeFd?: boolean;
  /**
   * Option keys the counterpart does not support (`statSync`'s `throwIfNoEntry`): the suggestion needs every
   * options argument to be an object literal without them.
   */
  readonly unsupportedOptions?: readonly string[];
  /** The counterpart resolves to a different value (`promisify(exec)` gives `{ stdout, stderr }`): suggest only for discarded results. */
  readonly differentResult?: boolean;
  /** Advice in the message when the module's does not fit this call. */
  readonly advice?: string;
  /**
   * A metadata call (`existsSync`, `statSync`, `mkdirSync`, `unlinkSync`, `renameSync`…): one quick system call that
   * moves no file contents, almost always a guard or set-up step (`if (!existsSync(p)) throw …`,
   * `mkdirSync(out, { recursive: true })`). Reported only with `checkMetadataCalls`, as the Python rule leaves
   * `os.path.exists()`/`Path.mkdir()`/`unlink()` alone: reporting them buries the findings that matter.
   */
  readonly metadata?: boolean;
}

/** Per-module advice in the message, naming the non-blocking way. */
export interface BlockingModule {
  /** The module specifier written into a new import (`node:fs/promises`, `node:zlib`). */
  readonly counterpartModule: string;
  readonly advice: string;
  readonly calls: ReadonlyMap<string, BlockingNodeCall>;
}

const fsPromise = (exportName: string, extra: Omit<BlockingNodeCall, "counterpart"> = {}): BlockingNodeCall => ({
  counterpart: { kind: "promises-export", exportName },
  ...extra,
});
const promisified = (exportName: string, extra: Omit<BlockingNodeCall, "counterpart"> = {}): BlockingNodeCall => ({
  counterpart: { kind: "promisify", exportName },
  ...extra,
});

/**
 * Every synchronous `fs` API. Each is at least one system call made on the main thread; on a slow or network disk
 * even `existsSync` stalls every request (metadata calls are reported only on request: see `metadataCalls`). Those working on numeric file descriptors (`readSync`, `fstatSync`…),
 * `openSync` (a number, where `fs/promises` gives a `FileHandle`), `existsSync` (no counterpart: `access` throws
 * instead of returning `false`) and `globSync` (an async iterator) get no suggestion.
 */
const onDescriptor: BlockingNodeCall = { advice: "use a 'FileHandle' from 'await open(…)' ('fs/promises') and await its methods" };

const fsBlockingCalls: ReadonlyMap<string, BlockingNodeCall> = new Map<string, BlockingNodeCall>([
  ["accessSync", fsPromise("access")],
  ["appendFileSync", fsPromise("appendFile", { firstArgumentMayBeFd: true })],
  ["chmodSync", fsPromise("chmod")],
  ["chownSync", fsPromise("chown")],
  ["closeSync", onDescriptor],
  ["copyFileSync", fsPromise("copyFile")],
  ["cpSync", fsPromise("cp")],
  [
    "existsSync",
    { advice: "attempt the operation with 'fs/promises' and handle 'ENOENT', or check with 'await access(path)' in a try/catch" },
  ],
  ["fchmodSync", onDescriptor],
  ["fchownSync", onDescriptor],
  ["fdatasyncSync", onDescriptor],
  ["fstatSync", onDescriptor],
  ["fsyncSync", onDescriptor],
  ["ftruncateSync", onDescriptor],
  ["futimesSync", onDescriptor],
  ["globSync", { advice: "iterate 'glob()' from 'fs/promises' with 'for await'" }],
  ["lchmodSync", {}],
  ["lchownSync", fsPromise("lchown")],
  ["linkSync", fsPromise("link")],
  ["lstatSync", fsPromise("lstat", { unsupportedOptions: ["throwIfNoEntry"] })],
  ["lutimesSync", fsPromise("lutimes")],
  ["mkdirSync", fsPromise("mkdir")],
  ["mkdtempSync", fsPromise("mkdtemp")],
  ["openSync", onDescriptor],
  ["opendirSync", fsPromise("opendir")],
  ["readFileSync", fsPromise("readFile", { firstArgumentMayBeFd: true })],
  ["readSync", onDescriptor],
  ["readdirSync", fsPromise("readdir")],
  ["readlinkSync", fsPromise("readlink")],
  ["readvSync", onDescriptor],
  ["realpathSync", fsPromise("realpath")],
  ["realpathSync.native", {}],
  ["renameSync", fsPromise("rename")],
  ["rmSync", fsPromise("rm")],
  ["rmdirSync", fsPromise("rmdir")],
  ["statSync", fsPromise("stat", { unsupportedOptions: ["throwIfNoEntry"] })],
  ["statfsSync", fsPromise("statfs")],
  ["symlinkSync", fsPromise("symlink")],
  ["truncateSync", fsPromise("truncate", { firstArgumentMayBeFd: true })],
  ["unlinkSync", fsPromise("unlink")],
  ["utimesSync", fsPromise("utimes")],
  ["writeFileSync", fsPromise("writeFile", { firstArgumentMayBeFd: true })],
  ["writeSync", onDescriptor],
  ["writevSync", onDescriptor],
]);

/** The `fs` calls that only read or change metadata: no file contents move (see `BlockingNodeCall.metadata`). */
const metadataCalls: ReadonlySet<string> = new Set([
  "accessSync", "chmodSync", "chownSync", "closeSync", "existsSync", "fchmodSync", "fchownSync", "fstatSync", "futimesSync",
  "lchmodSync", "lchownSync", "linkSync", "lstatSync", "lutimesSync", "mkdirSync", "mkdtempSync", "readlinkSync",
  "realpathSync", "realpathSync.native", "renameSync", "rmdirSync", "statSync", "statfsSync", "symlinkSync", "unlinkSync",
  "utimesSync",
]);

const fsCalls: ReadonlyMap<string, BlockingNodeCall> = new Map(
  [...fsBlockingCalls].map(([name, call]) => [name, metadataCalls.has(name) ? { ...call, metadata: true } : call]),
);

/**
 * `child_process`'s sync runners wait for the child to exit. `execSync`/`execFileSync` have a promisified
 * counterpart resolving to `{ stdout, stderr }` (not the sync call's stdout), so it is suggested only where the result
 * is discarded, and not with `input`/`stdio` options (which `exec` does not take). `spawnSync` has none.
 * `sleep` commands are `no-blocking-sleep`'s findings and are skipped here.
 */
const childProcessBlockingCalls: ReadonlyMap<string, BlockingNodeCall> = new Map<string, BlockingNodeCall>([
  ["execSync", promisified("exec", { differentResult: true, unsupportedOptions: ["input", "stdio"] })],
  ["execFileSync", promisified("execFile", { differentResult: true, unsupportedOptions: ["input", "stdio"] })],
  ["spawnSync", { advice: "use 'spawn' and await its 'close' event ('once(child, \"close\")' from 'node:events')" }],
]);

/**
 * The CPU-heavy `crypto` functions: key derivation, key-pair and prime generation take from milliseconds to
 * seconds. Cheap sync calls (`randomBytes`, `randomFillSync`, `createHash().digest()`, `hkdfSync`) are not listed.
 */
const cryptoBlockingCalls: ReadonlyMap<string, BlockingNodeCall> = new Map<string, BlockingNodeCall>([
  ["pbkdf2Sync", promisified("pbkdf2")],
  ["scryptSync", promisified("scrypt")],
  ["generateKeyPairSync", promisified("generateKeyPair")],
  ["generatePrimeSync", promisified("generatePrime")],
  ["checkPrimeSync", promisified("checkPrime")],
]);

/** `zlib`'s one-shot sync (de)compressors; each has a callback twin taking the same arguments. */
const zlibBlockingCalls: ReadonlyMap<string, BlockingNodeCall> = new Map<string, BlockingNodeCall>(
  [
    "deflate",
    "deflateRaw",
    "gzip",
    "gunzip",
    "inflate",
    "inflateRaw",
    "unzip",
    "brotliCompress",
    "brotliDecompress",
    "zstdCompress",
    "zstdDecompress",
  ].map((name) => [`${name}Sync`, promisified(name)]),
);

/** Blocking APIs by module (normalised name, no `node:`), then export path joined with `.`. */
export const blockingNodeModules: ReadonlyMap<string, BlockingModule> = new Map<string, BlockingModule>([
  ["fs", { counterpartModule: "node:fs/promises", advice: "use the 'fs/promises' API and await it", calls: fsCalls }],
  [
    "child_process",
    {
      counterpartModule: "node:child_process",
      advice: "use 'exec'/'execFile' through 'util.promisify', or 'spawn', and await the result",
      calls: childProcessBlockingCalls,
    },
  ],
  ["crypto", { counterpartModule: "node:crypto", advice: "use the callback API through 'util.promisify' and await it", calls: cryptoBlockingCalls }],
  ["zlib", { counterpartModule: "node:zlib", advice: "use the callback API through 'util.promisify', or a stream, and await it", calls: zlibBlockingCalls }],
]);

/** `util.promisify`, for counterparts of kind `promisify`. */
export const promisifyExport = { module: "node:util", moduleKey: "util", exportName: "promisify", localNames: ["promisify"] } as const;

/** `fs.promises` is `fs/promises`: a binding of either reaches the counterparts. */
export const fsPromisesAliases: readonly { readonly module: string; readonly path: readonly string[] }[] = [
  { module: "fs", path: ["promises"] },
];

// ---------------------------------------------------------------------------------------------------------------
// Promise detection (promise-detection.ts, no-floating-promise): APIs known to return promises, and calls that are
// safe to leave floating

/** The `fs/promises` functions: every one returns a promise (`watch` and `glob` are async iterators, not listed). */
const fsPromiseFunctions = [
  "access", "appendFile", "chmod", "chown", "copyFile", "cp", "lchmod", "lchown", "link", "lstat", "lutimes", "mkdir",
  "mkdtemp", "mkdtempDisposable", "open", "opendir", "readdir", "readFile", "readlink", "realpath", "rename", "rm",
  "rmdir", "stat", "statfs", "symlink", "truncate", "unlink", "utimes", "writeFile",
];

/** The `dns/promises` functions (the `Resolver` class is not a call that returns a promise). */
const dnsPromiseFunctions = [
  "lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname", "resolveMx",
  "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTlsa", "resolveTxt", "reverse",
];

const withPrefix = (prefix: string, names: readonly string[]): string[] => names.map((name) => `${prefix}${name}`);

/**
 * Module exports that return a promise when called, by module (normalised: no `node:`), as export paths joined with
 * `.`; `""` is the module object itself (`import fetch from "node-fetch"`, `axios(config)`). Async iterators
 * (`timers/promises`' `setInterval`, `events.on`, `fs/promises`' `watch`) are not promises and are not listed.
 */
export const promiseReturningExports: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["fs/promises", new Set(fsPromiseFunctions)],
  ["fs", new Set(withPrefix("promises.", fsPromiseFunctions))],
  ["timers/promises", new Set(["setTimeout", "setImmediate", "scheduler.wait", "scheduler.yield"])],
  ["stream/promises", new Set(["pipeline", "finished"])],
  ["stream", new Set(["promises.pipeline", "promises.finished"])],
  ["dns/promises", new Set(dnsPromiseFunctions)],
  ["dns", new Set(withPrefix("promises.", dnsPromiseFunctions))],
  ["events", new Set(["once", "EventEmitter.once"])],
  ["node-fetch", new Set(["", "default"])],
  ["undici", new Set(["fetch", "request"])],
  [
    "axios",
    new Set(["", "request", "get", "delete", "head", "options", "post", "put", "patch", "postForm", "putForm", "patchForm"]),
  ],
]);

/**
 * Exports that turn a callback API into a promise-returning function: `promisify(fn)(…)` and
 * `const run = promisify(fn); run(…)` are promises.
 */
export const promisifiers: ReadonlyMap<string, ReadonlySet<string>> = new Map([["util", new Set(["promisify"])]]);

/**
 * Globals whose calls return promises, by global name, then the member path joined with `.` (`""`: the global itself
 * is called, as `fetch(url)`). A local binding of the same name (a parameter called `fetch`) is not the global.
 */
export const promiseReturningGlobals: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["fetch", new Set([""])],
  ["Promise", new Set(["resolve", "reject", "all", "allSettled", "any", "race", "try"])],
  [
    "crypto",
    new Set(
      withPrefix("subtle.", [
        "decrypt", "deriveBits", "deriveKey", "digest", "encrypt", "exportKey", "generateKey", "importKey", "sign",
        "unwrapKey", "verify", "wrapKey",
      ]),
    ),
  ],
  ["WebAssembly", new Set(["compile", "compileStreaming", "instantiate", "instantiateStreaming"])],
]);

/** Global constructors whose instances are promises: `new Promise(executor)`. */
export const promiseConstructors: ReadonlySet<string> = new Set(["Promise"]);

/** Calls that produce a `Response`; once awaited, its body readers return promises. */
export const responseProducers = {
  globals: new Set(["fetch"]),
  exports: new Map<string, ReadonlySet<string>>([
    ["node-fetch", new Set(["", "default"])],
    ["undici", new Set(["fetch"])],
  ]) as ReadonlyMap<string, ReadonlySet<string>>,
} as const;

/** `Response` (and `Body`) methods that return promises: `(await fetch(url)).json()`. */
export const responseBodyReaders: ReadonlySet<string> = new Set(["json", "text", "arrayBuffer", "blob", "formData", "bytes"]);

/**
 * WHATWG streams (`ReadableStream`, `WritableStream`, `TransformStream`): the handles their factory methods return,
 * and the handle methods that return promises: `const reader = res.body.getReader(); reader.cancel()`. The stream must
 * show itself: a `new ReadableStream(…)`-like constructor, or a name ending like one (`res.body`,
 * `api.responseReadable`, `writable` from `new TransformStream()`); a `getReader()` of anything else may be a sync
 * binary reader.
 */
export const webStreams = {
  constructors: new Set(["ReadableStream", "WritableStream", "TransformStream"]),
  names: /(?:body|readable|writable|stream)$/i,
  handleMethods: new Map<string, ReadonlySet<string>>([
    ["getReader", new Set(["read", "cancel"])],
    ["getWriter", new Set(["write", "close", "abort"])],
  ]),
  /** Methods of the stream itself that return promises (`readable.pipeTo(writable)`). */
  streamMethods: new Set(["pipeTo"]),
} as const satisfies {
  constructors: ReadonlySet<string>;
  names: RegExp;
  handleMethods: ReadonlyMap<string, ReadonlySet<string>>;
  streamMethods: ReadonlySet<string>;
};

/**
 * Test assertions on a promise: `expect(p).resolves.toBe(1)`, `expect(p).rejects.not.toThrow()` return promises (jest,
 * vitest, bun). Unawaited, the test ends before the assertion runs, and a failure surfaces, if ever, in another test.
 * `expect` as a global (the runner's `globals`) or imported from one of `modules`.
 */
export const asyncAssertions = {
  globals: new Set(["expect"]),
  modules: new Map<string, ReadonlySet<string>>([
    ["vitest", new Set(["expect"])],
    ["@jest/globals", new Set(["expect"])],
    ["bun:test", new Set(["expect"])],
  ]),
  /** The members that turn the assertion into a promise. */
  modifiers: new Set(["resolves", "rejects"]),
  /** Members that may sit between the modifier and the matcher. */
  passThrough: new Set(["not"]),
} as const satisfies {
  globals: ReadonlySet<string>;
  modules: ReadonlyMap<string, ReadonlySet<string>>;
  modifiers: ReadonlySet<string>;
  passThrough: ReadonlySet<string>;
};

/** Promise methods that return a new promise settling with (or after) the receiver. */
export const promiseChainMethods: ReadonlySet<string> = new Set(["then", "catch", "finally"]);

/**
 * Calls whose promise is safe to leave floating, by module: their runner tracks the promise itself. `node:test`'s
 * `test`/`it`/`describe`/`suite` return promises that the test runner awaits (a top-level test need not be awaited),
 * as do `tap`'s top-level `test`. Paths are export paths joined with `.`; `""` is the module itself (the default
 * export of `node:test` is `test`). `t.test()` subtests are not listed: they must be awaited.
 */
export const knownSafeFloatingCalls: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  [
    "test",
    new Set(
      ["", "test", "it", "describe", "suite"].flatMap((name) =>
        ["", ".skip", ".only", ".todo"].map((variant) => (name === "" ? variant.slice(1) : `${name}${variant}`)),
      ),
    ),
  ],
  ["tap", new Set(["test", "only", "skip", "todo", "default.test"])],
]);

/**
 * Methods that take items out of a container and return them (or an array of them): a promise they return was made
 * and stored by someone else, so dropping it here does not make it float (`pendingStack.pop()`).
 */
export const containerRemovalMethods: ReadonlySet<string> = new Set(["pop", "shift", "splice"]);

/** Statics that return their first argument (`Object.assign(promise, extra)`): the value is the caller's own object. */
export const sameObjectReturningStatics: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["Object", new Set(["assign", "defineProperty", "defineProperties", "setPrototypeOf", "freeze", "seal", "preventExtensions"])],
]);

// ---------------------------------------------------------------------------------------------------------------
// require-timeout: HTTP clients, where their options go, and which options bound a request

/** Where a request call takes its options: argument `index`, or argument 0 when that is an object literal (`configFirst`). */
export interface OptionsPosition {
  readonly index: number;
  /** `axios({ url })`/`got({ url })`: a config object may come first instead of the URL. */
  readonly configFirst?: boolean;
}

/** How the suggestion bounds a request. */
export type TimeoutOption =
  /** `signal: AbortSignal.timeout(ms)`: aborts the whole request (fetch, undici, `http.request`). */
  | "signal"
  /** `timeout: ms` (axios). */
  | "timeout-number"
  /** `timeout: { request: ms }` (got 11 and later). */
  | "timeout-request";

/** A promise-based HTTP client library reached through its module. */
export interface HttpClient {
  /** Name in messages. */
  readonly label: string;
  /** Modules (normalised) whose default export / module object is the client. */
  readonly modules: readonly string[];
  /** Keys of a request's options that bound it, or hand it to something that may (`dispatcher`, `agent`). */
  readonly boundingKeys: ReadonlySet<string>;
  /** The client object is callable: `axios(url, config)`, `got(url, options)`. */
  readonly callable?: OptionsPosition;
  /** Request methods and where their options go. */
  readonly methods: ReadonlyMap<string, OptionsPosition>;
  /** Factories of instances that share a config: `axios.create(config)`, `got.extend(options)`. */
  readonly instanceFactories: ReadonlySet<string>;
  /** Property paths that, assigned anywhere in the file, give the default instance (or an instance) a timeout. */
  readonly defaultsTimeoutPath?: readonly string[];
  /** Members whose use means requests may be configured where we cannot see (`interceptors`). */
  readonly configuringMembers?: ReadonlySet<string>;
  readonly suggestion: TimeoutOption;
}

const urlThenOptions: OptionsPosition = { index: 1 };
const urlDataThenOptions: OptionsPosition = { index: 2 };
const configOnly: OptionsPosition = { index: 0 };

/**
 * axios: no timeout by default (`timeout: 0`). A request is bounded by `timeout`, `signal` or `cancelToken` in its
 * config, by `defaults.timeout` on its instance, or by the config its instance was created with.
 */
export const axiosClient: HttpClient = {
  label: "axios",
  modules: ["axios"],
  boundingKeys: new Set(["timeout", "signal", "cancelToken"]),
  callable: { index: 1, configFirst: true },
  methods: new Map<string, OptionsPosition>([
    ["request", configOnly],
    ["get", urlThenOptions],
    ["delete", urlThenOptions],
    ["head", urlThenOptions],
    ["options", urlThenOptions],
    ["post", urlDataThenOptions],
    ["put", urlDataThenOptions],
    ["patch", urlDataThenOptions],
    ["postForm", urlDataThenOptions],
    ["putForm", urlDataThenOptions],
    ["patchForm", urlDataThenOptions],
  ]),
  instanceFactories: new Set(["create"]),
  defaultsTimeoutPath: ["defaults", "timeout"],
  configuringMembers: new Set(["interceptors"]),
  suggestion: "timeout-number",
};

/** got: no timeout by default. Bounded by `timeout` (an object since got 12) or `signal` (got 12+). */
export const gotClient: HttpClient = {
  label: "got",
  modules: ["got"],
  boundingKeys: new Set(["timeout", "signal"]),
  callable: { index: 1, configFirst: true },
  methods: new Map<string, OptionsPosition>(
    ["get", "post", "put", "patch", "delete", "head", "stream", "paginate"].map((name) => [name, { index: 1, configFirst: true }]),
  ),
  instanceFactories: new Set(["extend"]),
  suggestion: "timeout-request",
};

export const httpClients: readonly HttpClient[] = [axiosClient, gotClient];

/**
 * `fetch`-style functions: `fetch(input, init)`. The global `fetch` (also `globalThis.fetch`, `window.fetch`,
 * `self.fetch`) has no timeout of its own in browsers, Deno or Bun; `node-fetch`/`cross-fetch` neither (node-fetch 2
 * also takes `timeout`). undici's `fetch` is listed under `undiciCalls`.
 */
export const fetchGlobalObjects: ReadonlySet<string> = new Set(["globalThis", "window", "self"]);
export const fetchModules: ReadonlyMap<string, { readonly exports: ReadonlySet<string>; readonly boundingKeys: ReadonlySet<string> }> = new Map([
  ["node-fetch", { exports: new Set(["", "default"]), boundingKeys: new Set(["signal", "timeout"]) }],
  ["cross-fetch", { exports: new Set(["", "default", "fetch"]), boundingKeys: new Set(["signal"]) }],
  ["isomorphic-fetch", { exports: new Set([""]), boundingKeys: new Set(["signal"]) }],
]);
export const fetchBoundingKeys: ReadonlySet<string> = new Set(["signal"]);

/**
 * undici's request functions take options second. undici *has* defaults — 300 s for the response headers and 300 s
 * between body chunks (`headersTimeout`, `bodyTimeout`) — so these are reported as relying on a library default
 * (the `allowLibraryDefaults` option silences them), unless the options bound the request or pick a `dispatcher`
 * (an `Agent` configured elsewhere).
 */
export const undiciCalls: ReadonlySet<string> = new Set(["request", "fetch", "stream", "pipeline"]);
export const undiciBoundingKeys: ReadonlySet<string> = new Set(["signal", "headersTimeout", "bodyTimeout", "dispatcher"]);
/** undici's defaults, for the message. */
export const undiciDefaultTimeout = "300-second";
/** Calls that change undici's (and Node's global fetch's) dispatcher for the whole process: a file making one is trusted. */
export const globalDispatcherSetters: ReadonlyMap<string, ReadonlySet<string>> = new Map([["undici", new Set(["setGlobalDispatcher"])]]);

/**
 * Node's `http`/`https` clients have no timeout at all. A request is bounded by `timeout`/`signal` in its options,
 * an `agent` (configured elsewhere) or `createConnection`, or by `req.setTimeout(…)` on the returned request.
 */
export const nodeHttpModules: ReadonlySet<string> = new Set(["http", "https"]);
export const nodeHttpRequestFunctions: ReadonlySet<string> = new Set(["request", "get"]);
export const nodeHttpBoundingKeys: ReadonlySet<string> = new Set(["timeout", "signal", "agent", "createConnection"]);
/**
 * `ClientRequest` methods that neither set a timeout nor hand the request elsewhere; any other use of the request
 * (`setTimeout`, `destroy` in a timer, passing it on) is trusted to bound it.
 */
export const clientRequestPassiveMethods: ReadonlySet<string> = new Set([
  "on", "once", "addListener", "prependListener", "prependOnceListener", "off", "removeListener",
  "end", "write", "setHeader", "removeHeader", "getHeader", "flushHeaders", "setNoDelay", "setSocketKeepAlive",
]);
/** Events whose listener may well bound the request (`socket.setTimeout(…)`, a handler for `timeout`). */
export const clientRequestBoundingEvents: ReadonlySet<string> = new Set(["socket", "timeout"]);

/** Calls that bound the promise passed to them: `Promise.race([fetch(url), timeout])`, `pTimeout(fetch(url), …)`. */
export const racingPromiseStatics: ReadonlySet<string> = new Set(["race"]);
/** Names of wrapper functions read as "with a timeout" (`pTimeout`, `withTimeout`, `promiseTimeout`, `timeout`). */
export const timeoutWrapperName = /timeout/i;

// ---------------------------------------------------------------------------------------------------------------
// no-unbounded-fan-out: joining many promises at once, and the limiters that bound it

/** `Promise` statics that start nothing themselves but wait on every promise of the array at once. */
export const promiseJoiners: ReadonlySet<string> = new Set(["all", "allSettled", "any", "race"]);
/** Joiners whose result per chunk composes into the same result (`any`/`race` would change meaning when chunked). */
export const chunkableJoiners: ReadonlySet<string> = new Set(["all", "allSettled"]);

/**
 * Concurrency limiters by module: export paths (`""` = the module itself / its default export) that create a limiter,
 * whose instances bound the work passed to them: `const limit = pLimit(5)` then `limit(() => f(x))`,
 * `new PQueue({ concurrency })` then `queue.add(…)`, `new Bottleneck(…)` then `limiter.schedule(…)`,
 * `new Sema(n)`/`new Semaphore(n)` then `acquire()`.
 */
export const limiterFactories: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["p-limit", new Set(["", "default", "limitFunction"])],
  ["p-queue", new Set(["", "default"])],
  ["bottleneck", new Set(["", "default"])],
  ["p-throttle", new Set(["", "default"])],
  ["async-sema", new Set(["Sema", "RateLimit"])],
  ["async-mutex", new Set(["Semaphore", "Mutex", "withTimeout"])],
  ["@supercharge/promise-pool", new Set(["PromisePool"])],
]);

/**
 * Words (of a camelCase or snake_case name) read as a limiter when the binding cannot be followed (a parameter, a
 * field, an import from another module): `limit(…)`, `pLimit`, `limiter.schedule(…)`, `queue.add(…)`,
 * `sem.acquire()`, `mutex.runExclusive(…)`, `pool.query(…)` (a connection pool queues beyond its size).
 * Precision first: a false "limited" only costs a missed finding.
 */
export const limiterNameWords: ReadonlySet<string> = new Set([
  "limit", "limiter", "limited", "ratelimit", "ratelimiter", "throttle", "throttled", "throttler", "queue", "sem", "sema",
  "semaphore", "mutex", "lock", "pool", "bottleneck", "scheduler", "concurrency",
]);

/** The module whose limiter the suggestion may reuse or create (`const limit = pLimit(n)`). */
export const pLimitModule = "p-limit";

/**
 * Names of an array that the author has already cut to size: `for (const batch of batches)`, `chunk.map(…)`,
 * `group.map(…)`; and of functions that do the cutting (`chunk(xs, 10)`, `_.chunk`, `toBatches`).
 */
export const chunkNamePattern = /(chunk|batch|group)$/i;
/** Names of a count that cuts an array to size: `xs.splice(0, batchSize)`, `xs.slice(i, i + concurrency)`. */
export const chunkSizeNamePattern = /batch|chunk|size|limit|concurrency|max/i;
export const chunkingFunctionPattern = /chunk|batch|partition/i;

/**
 * Last words of collection names whose size the program's code or schema fixes, not its data: one operation per
 * plugin, hook, column (or column alias of a row) or pipeline stage is a handful (`this.plugins`, `node.columns`,
 * `stage.pipeline`, `runClosures`, `decodeCtx.aliases`).
 * Precision first: a collection so named is taken as small; a miss costs less than a false alarm.
 */
export const configSizedNameWords: ReadonlySet<string> = new Set([
  "plugins", "hooks", "handlers", "listeners", "callbacks", "middlewares", "middleware", "subscribers", "extensions",
  "adapters", "providers", "strategies", "columns", "aliases", "fields", "stages", "pipeline", "pipelines", "steps", "phases",
  "workers", "closures", "exprs", "expressions", "locales", "interceptors", "validators", "transformers", "loaders",
]);

/** Array methods whose result has at most as many items as their receiver. */
export const sizePreservingArrayMethods: ReadonlySet<string> = new Set([
  "map", "filter", "fill", "keys", "values", "entries", "reverse", "sort", "toSorted", "toReversed", "with",
]);

/** Array methods that add items to an array in place: a "known size" array that is grown is no longer known. */
export const arrayGrowingMethods: ReadonlySet<string> = new Set(["push", "unshift", "splice"]);

// ---------------------------------------------------------------------------------------------------------------
// no-dangling-task: APIs that call a callback and drop what it returns

/**
 * Schedulers that call their first argument later and ignore its result: an `async` callback's rejection becomes an
 * unhandled rejection (which ends a Node.js process by default), and `setInterval` does not wait for one run to
 * finish before starting the next. Globals (not shadowed), `process.nextTick`, and the callback forms in `node:timers`
 * (`node:timers/promises` returns promises and takes no callback).
 */
export const callbackSchedulers = {
  globals: new Set(["setTimeout", "setInterval", "setImmediate", "queueMicrotask"]),
  globalMembers: new Map([["process", new Set(["nextTick"])]]),
  modules: new Map([["timers", new Set(["setTimeout", "setInterval", "setImmediate"])]]),
} as const satisfies {
  globals: ReadonlySet<string>;
  globalMembers: ReadonlyMap<string, ReadonlySet<string>>;
  modules: ReadonlyMap<string, ReadonlySet<string>>;
};

/** Array-like methods that call a callback per item and drop its result. */
export const resultDroppingIterators: ReadonlySet<string> = new Set(["forEach"]);

// ---------------------------------------------------------------------------------------------------------------
// File roles (file-role.ts): what marks a module as part of a command-line program

/**
 * Command-line argument parsers, by module: importing one marks the file as part of a one-shot program, where a
 * blocking call holds up nothing else. An empty set means the whole module; otherwise only the listed exports count
 * (`parseArgs` from `node:util`, not `util.promisify`).
 */
export const commandLineModules: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["commander", new Set()],
  ["@commander-js/extra-typings", new Set()],
  ["yargs", new Set()],
  ["clipanion", new Set()],
  ["cac", new Set()],
  ["citty", new Set()],
  ["meow", new Set()],
  ["sade", new Set()],
  ["minimist", new Set()],
  ["mri", new Set()],
  ["arg", new Set()],
  ["@oclif/core", new Set()],
  ["util", new Set(["parseArgs"])],
]);

/**
 * Bundlers and build tools, by module: a file that imports one (its config type included: `import type { UserConfig }
 * from "tsdown"`) runs at build time, as a one-shot program.
 */
export const buildToolModules: ReadonlySet<string> = new Set([
  "tsdown",
  "tsup",
  "rollup",
  "rolldown",
  "esbuild",
  "vite",
  "webpack",
  "unbuild",
  "@rspack/core",
]);

/** Directories of command-line entry points: a module importing from one (`../bin/index.js`) serves that program. */
export const commandLineDirectories: ReadonlySet<string> = new Set(["bin"]);
