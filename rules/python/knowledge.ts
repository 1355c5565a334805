/**
 * What we know about Python libraries, as data: rules look things up here instead of growing `if` chains.
 * Names are fully qualified as imports resolve them (`time.sleep`, however `time` was imported).
 */

export interface BlockingSleep {
  /** The awaitable to use instead, as a qualified name. */
  readonly replacement: string;
}

export const blockingSleeps: ReadonlyMap<string, BlockingSleep> = new Map([["time.sleep", { replacement: "asyncio.sleep" }]]);

// ---------------------------------------------------------------------------------------------------------------
// Cancellation, event loops and queues (no-swallowed-cancellation, no-legacy-event-loop, require-task-done)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Module names a code fragment uses without importing them. When such a name is bound nowhere in the file (no
 * import, assignment or parameter, and no `from … import *`), `asyncio.x` can only mean the module.
 */
export const implicitlyImportedModules: ReadonlySet<string> = new Set(["asyncio"]);

/** `asyncio.CancelledError` under every name it is importable as (3.8+). `concurrent.futures.CancelledError` is another class. */
export const cancelledErrorNames: ReadonlySet<string> = new Set(["asyncio.CancelledError", "asyncio.exceptions.CancelledError"]);

/** Catching these also catches `asyncio.CancelledError` (a `BaseException` since 3.8). `Exception` does not. */
export const cancellationCatchingBases: ReadonlySet<string> = new Set(["BaseException", "builtins.BaseException"]);

/** Context managers that swallow the exceptions given as arguments. */
export const exceptionSuppressors: ReadonlySet<string> = new Set(["contextlib.suppress"]);

/** Calls that never return normally: a handler ending in one does not resume the task. */
export const noReturnCalls: ReadonlySet<string> = new Set(["sys.exit", "os._exit", "os.abort"]);

/** Runners whose argument coroutine is the program's root task (`asyncio.run(main())`). */
export const programRunners: ReadonlySet<string> = new Set(["asyncio.run", "uvloop.run"]);

/** `get_event_loop()`: inside a coroutine `get_running_loop()` is meant; since 3.12 it warns (3.14: raises) without a loop. */
export const legacyGetEventLoop: ReadonlySet<string> = new Set(["asyncio.get_event_loop", "asyncio.events.get_event_loop"]);

/** Setting the loop by hand: code that does so wants `get_event_loop()` to return that very loop. */
export const setEventLoop: ReadonlySet<string> = new Set(["asyncio.set_event_loop", "asyncio.events.set_event_loop"]);

/**
 * Awaitables that are not coroutines: `loop.run_until_complete()` accepts them, `asyncio.run()` raises
 * `ValueError: a coroutine was expected`, so replacing one with the other would break the program.
 */
export const nonCoroutineAwaitables: ReadonlySet<string> = new Set([
  "asyncio.gather",
  "asyncio.ensure_future",
  "asyncio.shield",
  "asyncio.create_task",
  "asyncio.wrap_future",
  "asyncio.run_coroutine_threadsafe",
  "asyncio.Future",
  "asyncio.Task",
  "websockets.serve",
  "websockets.unix_serve",
  "websockets.connect",
  "websockets.server.serve",
  "websockets.asyncio.server.serve",
  "websockets.legacy.server.serve",
]);

/** Wrappers that await their first argument: `await asyncio.wait_for(q.get(), timeout)` consumes like `await q.get()`. */
export const awaitingWrappers: ReadonlySet<string> = new Set(["asyncio.wait_for", "asyncio.shield"]);

// ---------------------------------------------------------------------------------------------------------------
// Coroutine functions and awaitable-returning APIs (no-unawaited-coroutine)
// ---------------------------------------------------------------------------------------------------------------

/**
 * What calling an API returns. "coroutine": a coroutine object (`asyncio.run()` accepts it). "awaitable": an object
 * that wraps a coroutine and must be awaited or entered with `async with` (`aiofiles.open`, aiohttp's
 * `session.get`): dropping it also means the work never happens, but `asyncio.run()` would reject it.
 */
export type AwaitableKind = "coroutine" | "awaitable";

/** Library functions that are coroutine functions (or return an awaitable that does nothing until awaited). */
export const knownCoroutineFunctions: ReadonlyMap<string, AwaitableKind> = new Map<string, AwaitableKind>([
  ...[
    "asyncio.sleep", "asyncio.wait_for", "asyncio.wait", "asyncio.open_connection", "asyncio.open_unix_connection",
    "asyncio.start_server", "asyncio.start_unix_server", "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell", "asyncio.to_thread", "asyncio.staggered.staggered_race",
    "asyncio.subprocess.create_subprocess_exec", "asyncio.subprocess.create_subprocess_shell",
    "asyncio.streams.open_connection", "asyncio.streams.start_server", "asyncio.tasks.sleep", "asyncio.tasks.wait_for",
    "asyncio.tasks.wait",
    // aiofiles.os: every function is an `async def` wrapper running the os call in a thread.
    ...["stat", "rename", "renames", "replace", "remove", "unlink", "mkdir", "makedirs", "rmdir", "removedirs",
      "link", "symlink", "readlink", "listdir", "scandir", "access", "sendfile", "statvfs", "getcwd"].map((name) => `aiofiles.os.${name}`),
    ...["exists", "isfile", "isdir", "islink", "ismount", "getsize", "getmtime", "getatime", "getctime", "samefile",
      "sameopenfile", "abspath"].map((name) => `aiofiles.os.path.${name}`),
    "asyncpg.connect",
  ].map((name) => [name, "coroutine"] as const),
  // Awaitable context managers wrapping a coroutine: `f = aiofiles.open(p)` alone opens nothing.
  ...["aiofiles.open", "aiofiles.tempfile.TemporaryFile", "aiofiles.tempfile.NamedTemporaryFile",
    "aiofiles.tempfile.SpooledTemporaryFile", "aiofiles.tempfile.TemporaryDirectory", "asyncpg.create_pool",
    "aiohttp.request"].map((name) => [name, "awaitable"] as const),
]);

/**
 * Methods that Python calls itself and whose result it checks: `__init__` must return None, so an `async def __init__`
 * fails at the first instantiation. A call of one (`super().__init__()`, the commonest method call in a class) is never
 * an unawaited coroutine, and needs no lookup through the class's bases.
 */
export const neverCoroutineMethods: ReadonlySet<string> = new Set(["__init__"]);

/**
 * Library types whose methods return coroutines (or coroutine-wrapping awaitables), by type name. A call such as
 * `q.put(x)` is only judged when the receiver is provably of that type (see "Library objects" below):
 * `log.write(x)` on some other object is never a finding.
 */
export const coroutineMethodsByType: ReadonlyMap<string, ReadonlyMap<string, AwaitableKind>> = new Map(
  Object.entries({
    "asyncio.Queue": { put: "coroutine", get: "coroutine", join: "coroutine" },
    "asyncio.Lock": { acquire: "coroutine" },
    "asyncio.Semaphore": { acquire: "coroutine" },
    "asyncio.Event": { wait: "coroutine" },
    "asyncio.Condition": { acquire: "coroutine", wait: "coroutine", wait_for: "coroutine" },
    "asyncio.Barrier": { wait: "coroutine", reset: "coroutine", abort: "coroutine" },
    "asyncio.StreamReader": { read: "coroutine", readline: "coroutine", readexactly: "coroutine", readuntil: "coroutine" },
    "asyncio.StreamWriter": { drain: "coroutine", wait_closed: "coroutine", start_tls: "coroutine" },
    "asyncio.subprocess.Process": { wait: "coroutine", communicate: "coroutine" },
    "asyncio.AbstractEventLoop": Object.fromEntries(
      ["create_connection", "create_server", "create_datagram_endpoint", "create_unix_connection", "create_unix_server",
        "getaddrinfo", "getnameinfo", "sock_recv", "sock_recv_into", "sock_sendall", "sock_connect", "sock_accept",
        "sock_sendfile", "sendfile", "start_tls", "connect_read_pipe", "connect_write_pipe", "subprocess_exec",
        "subprocess_shell", "shutdown_asyncgens", "shutdown_default_executor"].map((name) => [name, "coroutine"]),
    ),
    "asyncpg.Connection": Object.fromEntries(
      ["execute", "executemany", "fetch", "fetchrow", "fetchval", "prepare", "close", "copy_from_table", "copy_from_query",
        "copy_to_table", "copy_records_to_table", "set_type_codec", "reset", "reload_schema_state", "add_listener",
        "remove_listener"].map((name) => [name, "coroutine"]),
    ),
    "asyncpg.Pool": Object.fromEntries(
      ["execute", "executemany", "fetch", "fetchrow", "fetchval", "close", "release", "expire_connections"].map((name) => [name, "coroutine"]),
    ),
    "aiohttp.ClientSession": {
      ...Object.fromEntries(["get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect"].map((name) => [name, "awaitable"])),
      close: "coroutine",
    },
    "aiofiles.File": Object.fromEntries(
      ["read", "read1", "readall", "readinto", "readline", "readlines", "write", "writelines", "flush", "close", "seek",
        "tell", "truncate"].map((name) => [name, "coroutine"]),
    ),
  } as Record<string, Record<string, AwaitableKind>>).map(([type, methods]) => [type, new Map(Object.entries(methods))]),
);

/**
 * Decorators known to keep an `async def` a coroutine function (calling the result still returns a coroutine).
 * Any other decorator may change what the function returns, so calls to it are not judged. Deliberately absent:
 * `functools.lru_cache`/`cache` (they return the same, possibly exhausted, coroutine object on a cache hit — a
 * different bug), `contextlib.asynccontextmanager`, `property`, framework registrations we cannot see into.
 * Bare `staticmethod`/`classmethod` are builtins, matched when the name is not rebound.
 */
export const coroutinePreservingDecorators: ReadonlySet<string> = new Set([
  "staticmethod", "classmethod", "builtins.staticmethod", "builtins.classmethod",
  "functools.wraps", "abc.abstractmethod",
  "typing.override", "typing_extensions.override", "typing.final", "typing_extensions.final", "typing.no_type_check",
  "warnings.deprecated", "typing_extensions.deprecated",
  "tenacity.retry", "backoff.on_exception", "backoff.on_predicate", "async_lru.alru_cache",
]);

/** `@overload` signatures are replaced at run time by the implementation that follows them. */
export const overloadDecorators: ReadonlySet<string> = new Set(["typing.overload", "typing_extensions.overload"]);

/** Bases that make a class a Protocol: its methods are stubs, never judged. */
export const protocolBases: ReadonlySet<string> = new Set(["typing.Protocol", "typing_extensions.Protocol"]);

/** Bases that define no methods of their own (method lookup skips them instead of giving up). */
export const methodlessBases: ReadonlySet<string> = new Set([
  "object", "builtins.object", "typing.Generic", "typing_extensions.Generic", "abc.ABC",
]);

// ---------------------------------------------------------------------------------------------------------------
// Library objects: what a value provably is (library-objects.ts; used by every rule that judges a method call)
// ---------------------------------------------------------------------------------------------------------------

/** The type every event loop is known as, however it was obtained or annotated. */
export const EVENT_LOOP = "asyncio.AbstractEventLoop";
/** The type of `asyncio.TaskGroup()`. */
export const TASK_GROUP = "asyncio.TaskGroup";
/** The type of a task this code scheduled: `asyncio.create_task(c())`, `loop.create_task(c())`, `tg.create_task(c())`. */
export const TASK = "asyncio.Task";

/** How a value is obtained from a factory: `x = f()`, `x = await f()`, `async with f() as x`, `with f() as x`. */
export type FactoryUse = "call" | "await" | "async-with" | "with";

export interface ObjectFactory {
  /** Which uses give a value of `type` (entering a self-entering type's object needs no use of its own). */
  readonly uses: readonly FactoryUse[];
  /** The type produced: one, or one per element when the result is a tuple (`reader, writer = await …`). */
  readonly type: string | readonly string[];
}

const factories = (names: readonly string[], type: string | readonly string[], uses: readonly FactoryUse[] = ["call"]) =>
  names.map((name) => [name, { uses, type }] as const);

/**
 * Calls that create library objects, by qualified name. A method call on a receiver is judged only when the
 * receiver is provably such an object (`s.get(url)` is `requests.Session.get` only when `s = requests.Session()`
 * is in sight): an unknown object that happens to have a `get` is never a finding.
 */
export const objectFactories: ReadonlyMap<string, ObjectFactory> = new Map<string, ObjectFactory>([
  // asyncio synchronisation primitives and queues
  ...factories(["asyncio.Queue", "asyncio.PriorityQueue", "asyncio.LifoQueue", "asyncio.queues.Queue"], "asyncio.Queue"),
  ...factories(["asyncio.Lock", "asyncio.locks.Lock"], "asyncio.Lock"),
  ...factories(["asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.locks.Semaphore", "asyncio.locks.BoundedSemaphore"], "asyncio.Semaphore"),
  ...factories(["asyncio.Event"], "asyncio.Event"),
  ...factories(["asyncio.Condition"], "asyncio.Condition"),
  ...factories(["asyncio.Barrier"], "asyncio.Barrier"),
  // event loops and task groups
  ...factories(
    ["asyncio.get_running_loop", "asyncio.get_event_loop", "asyncio.new_event_loop", "asyncio.events.get_running_loop",
      "asyncio.events.get_event_loop", "asyncio.events.new_event_loop", "uvloop.new_event_loop"],
    EVENT_LOOP,
  ),
  ...factories(["asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup"], TASK_GROUP),
  ...factories(["asyncio.create_task", "asyncio.tasks.create_task"], TASK),
  // streams, subprocesses, database connections, files
  ...factories(["asyncio.open_connection", "asyncio.open_unix_connection", "asyncio.streams.open_connection"], ["asyncio.StreamReader", "asyncio.StreamWriter"], ["await"]),
  ...factories(["asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell"], "asyncio.subprocess.Process", ["await"]),
  ...factories(["asyncpg.connect"], "asyncpg.Connection", ["await"]),
  ...factories(["asyncpg.create_pool"], "asyncpg.Pool", ["await", "async-with"]),
  ...factories(["aiofiles.open"], "aiofiles.File", ["async-with", "await"]),
  // rate and concurrency limiters of other libraries
  ...["aiolimiter.AsyncLimiter", "asyncio_throttle.Throttler", "anyio.Semaphore", "anyio.CapacityLimiter", "anyio.Lock", "trio.Semaphore",
    "trio.CapacityLimiter", "trio.Lock"].flatMap((name) => factories([name], name)),
  // HTTP clients, sockets, processes, paths
  ...factories(["aiohttp.ClientSession", "aiohttp.client.ClientSession"], "aiohttp.ClientSession"),
  ...factories(["requests.Session", "requests.session", "requests.sessions.Session"], "requests.Session"),
  ...factories(["httpx.Client"], "httpx.Client"),
  ...factories(["httpx.AsyncClient"], "httpx.AsyncClient"),
  ...factories(["urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.poolmanager.PoolManager"], "urllib3.PoolManager"),
  ...factories(["http.client.HTTPConnection", "http.client.HTTPSConnection"], "http.client.HTTPConnection"),
  ...factories(["socket.socket", "socket.create_connection", "socket.create_server", "socket.fromfd"], "socket.socket"),
  ...factories(["subprocess.Popen"], "subprocess.Popen"),
  ...factories(["pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.Path.home", "pathlib.Path.cwd"], "pathlib.Path"),
]);

/**
 * Type annotations naming the types above (`session: aiohttp.ClientSession`, `loop: asyncio.AbstractEventLoop`),
 * by qualified name. Only where an annotation is the usual way to receive such an object: paths, sockets and
 * sessions of blocking libraries are judged on values we see created.
 */
export const objectAnnotations: ReadonlyMap<string, string> = new Map([
  ...["asyncio.Queue", "asyncio.PriorityQueue", "asyncio.LifoQueue", "asyncio.queues.Queue"].map((name) => [name, "asyncio.Queue"] as const),
  ...["asyncio.Lock", "asyncio.locks.Lock"].map((name) => [name, "asyncio.Lock"] as const),
  ...["asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.locks.Semaphore", "asyncio.locks.BoundedSemaphore"].map((name) => [name, "asyncio.Semaphore"] as const),
  ["asyncio.Event", "asyncio.Event"],
  ["asyncio.Condition", "asyncio.Condition"],
  ["asyncio.Barrier", "asyncio.Barrier"],
  ["asyncio.StreamReader", "asyncio.StreamReader"],
  ["asyncio.StreamWriter", "asyncio.StreamWriter"],
  ...["asyncio.AbstractEventLoop", "asyncio.BaseEventLoop", "asyncio.events.AbstractEventLoop", "asyncio.base_events.BaseEventLoop", "uvloop.Loop"].map(
    (name) => [name, EVENT_LOOP] as const,
  ),
  ...["asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup"].map((name) => [name, TASK_GROUP] as const),
  ["asyncio.subprocess.Process", "asyncio.subprocess.Process"],
  ["asyncpg.Connection", "asyncpg.Connection"],
  ["asyncpg.connection.Connection", "asyncpg.Connection"],
  ["asyncpg.Pool", "asyncpg.Pool"],
  ["asyncpg.pool.Pool", "asyncpg.Pool"],
  ["aiohttp.ClientSession", "aiohttp.ClientSession"],
  ["aiohttp.client.ClientSession", "aiohttp.ClientSession"],
  ...["aiolimiter.AsyncLimiter", "asyncio_throttle.Throttler", "anyio.Semaphore", "anyio.CapacityLimiter", "anyio.Lock", "trio.Semaphore",
    "trio.CapacityLimiter", "trio.Lock"].map((name) => [name, name] as const),
]);

/** Types whose `__enter__`/`__aenter__` returns the object itself: `with requests.Session() as s` binds the session. */
export const selfEnteringTypes: ReadonlySet<string> = new Set([
  "requests.Session", "httpx.Client", "httpx.AsyncClient", "urllib3.PoolManager", "socket.socket", "subprocess.Popen",
  "aiohttp.ClientSession", TASK_GROUP,
]);

/** What values derived from an instance are: `p / "x"`, `p.parent`, `p.with_suffix(".txt")`, `for q in p.glob("*")`, `c, a = s.accept()`. */
export interface DerivedValues {
  /** `instance / anything` (or `str / instance`) is again of the class. */
  readonly joinOperator?: string;
  /** Attributes of the same class. */
  readonly attributes?: ReadonlySet<string>;
  /** Methods returning an instance of the same class. */
  readonly methods?: ReadonlySet<string>;
  /** Methods returning an iterable of instances of the same class. */
  readonly iterators?: ReadonlySet<string>;
  /** Methods returning a tuple whose element at `index` is of the same class (`sock.accept()` → `(conn, address)`). */
  readonly tupleMethods?: ReadonlyMap<string, number>;
  /** Methods returning an object of another known type (`loop.create_task(c())` → a task). */
  readonly returns?: ReadonlyMap<string, string>;
}

export const derivedValues: ReadonlyMap<string, DerivedValues> = new Map<string, DerivedValues>([
  [
    "pathlib.Path",
    {
      joinOperator: "/",
      attributes: new Set(["parent"]),
      methods: new Set(["with_suffix", "with_name", "with_stem", "joinpath", "resolve", "absolute", "expanduser", "relative_to"]),
      iterators: new Set(["glob", "rglob", "iterdir"]),
    },
  ],
  ["socket.socket", { methods: new Set(["dup"]), tupleMethods: new Map([["accept", 0]]) }],
  [EVENT_LOOP, { returns: new Map([["create_task", TASK]]) }],
  [TASK_GROUP, { returns: new Map([["create_task", TASK]]) }],
]);

/**
 * Types that bound how many holders run at once when shared (`async with sem:`, `await sem.acquire()`). A lock is a
 * semaphore of one.
 */
export const limiterTypes: ReadonlySet<string> = new Set([
  "asyncio.Semaphore", "asyncio.Lock", "asyncio.Condition", "aiolimiter.AsyncLimiter", "asyncio_throttle.Throttler",
  "anyio.Semaphore", "anyio.CapacityLimiter", "anyio.Lock", "trio.Semaphore", "trio.CapacityLimiter", "trio.Lock",
  // a connection pool: each call waits for one of its `max_size` connections
  "asyncpg.Pool",
]);

// ---------------------------------------------------------------------------------------------------------------
// Tasks and concurrency limits (no-dangling-task, no-unbounded-fan-out)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Functions that schedule a coroutine as a task and return it. `requiresCallArgument`: only a call argument (a
 * fresh coroutine) surely makes a new task; `ensure_future(fut)` returns a future that someone else may hold.
 */
export const taskSpawningFunctions: ReadonlyMap<string, { readonly requiresCallArgument: boolean }> = new Map([
  ["asyncio.create_task", { requiresCallArgument: false }],
  ["asyncio.tasks.create_task", { requiresCallArgument: false }],
  ["asyncio.ensure_future", { requiresCallArgument: true }],
  ["asyncio.tasks.ensure_future", { requiresCallArgument: true }],
]);

/** Event-loop methods that schedule a coroutine as a task (`loop.create_task(c())`). */
export const loopTaskMethods: ReadonlySet<string> = new Set(["create_task"]);

/** Task-group methods that schedule a coroutine as a task (`tg.create_task(c())`). */
export const taskGroupSpawnMethods: ReadonlySet<string> = new Set(["create_task"]);

/**
 * Calls that run many awaitables at once, and where those come from: `gather(*aws)` ("splat") or
 * `wait(aws)` ("first"). `acceptsCoroutines`: `asyncio.wait` rejects bare coroutines since 3.11.
 */
export const concurrentJoiners: ReadonlyMap<string, { readonly awaitables: "splat" | "first"; readonly acceptsCoroutines: boolean }> = new Map([
  ["asyncio.gather", { awaitables: "splat", acceptsCoroutines: true }],
  ["asyncio.tasks.gather", { awaitables: "splat", acceptsCoroutines: true }],
  ["asyncio.wait", { awaitables: "first", acceptsCoroutines: false }],
  ["asyncio.tasks.wait", { awaitables: "first", acceptsCoroutines: false }],
  ["asyncio.as_completed", { awaitables: "first", acceptsCoroutines: true }],
  ["asyncio.tasks.as_completed", { awaitables: "first", acceptsCoroutines: true }],
] as const);

/**
 * Variable or attribute names taken at their word as a limiter when passed to a callee: `sem`, `self._semaphore`,
 * `rate_limiter`, and pools (`pool`, `db_pool`, `self._pool`: a connection or worker pool caps the work in flight).
 */
export const limiterNamePattern = /(?:^|_)(?:sem|semaphore|limiter|ratelimiter|throttler?|pool)(?:$|_|\d)/iu;

/**
 * HTTP clients whose connection pool is capped by an explicit argument (requests beyond the cap wait for a free
 * connection): `ClientSession(connector=TCPConnector(limit=50))`, `AsyncClient(limits=Limits(max_connections=50))`.
 * Only an explicit, non-zero cap counts as a deliberate limit: the implicit defaults (100) do not.
 */
export const poolLimitedClients: ReadonlyMap<
  string,
  { readonly poolKeyword: string; readonly poolFactories: ReadonlySet<string>; readonly limitKeyword: string }
> = new Map([
  ["aiohttp.ClientSession", { poolKeyword: "connector", poolFactories: new Set(["aiohttp.TCPConnector", "aiohttp.connector.TCPConnector"]), limitKeyword: "limit" }],
  ["aiohttp.client.ClientSession", { poolKeyword: "connector", poolFactories: new Set(["aiohttp.TCPConnector", "aiohttp.connector.TCPConnector"]), limitKeyword: "limit" }],
  ["httpx.AsyncClient", { poolKeyword: "limits", poolFactories: new Set(["httpx.Limits"]), limitKeyword: "max_connections" }],
]);

/**
 * Decorators that leave a coroutine function's body as the code that runs: a fan-out to a function decorated
 * otherwise is not judged, since the decorator may add (or be) a limiter.
 */
export const limitTransparentDecorators: ReadonlySet<string> = new Set([
  "staticmethod", "classmethod", "abc.abstractmethod", "typing.override", "typing_extensions.override", "typing.final",
  "typing_extensions.final", "functools.wraps",
]);

/**
 * Standard-library container constructors, by the argument holding initial data (`defaultdict(list, data)`):
 * without it the container starts empty and is as large as what the code puts in.
 */
export const containerConstructors: ReadonlyMap<string, { readonly dataArgument: number }> = new Map([
  ["collections.defaultdict", { dataArgument: 1 }],
  ["collections.OrderedDict", { dataArgument: 0 }],
  ["collections.Counter", { dataArgument: 0 }],
  ["collections.deque", { dataArgument: 0 }],
]);

/** Work handed to a thread or process pool, which bounds how much of it runs at once. */
export const executorOffloads: ReadonlySet<string> = new Set(["asyncio.to_thread", "asyncio.threads.to_thread"]);
export const executorOffloadMethods: ReadonlySet<string> = new Set(["run_in_executor"]);

// ---------------------------------------------------------------------------------------------------------------
// Blocking calls and network timeouts (no-blocking-call, require-timeout)
// ---------------------------------------------------------------------------------------------------------------

/** Calls that run their (uncalled) callable argument in a worker thread or process. `*.run_in_executor` matches any receiver. */
export const offloadingCalls: ReadonlySet<string> = new Set([
  "asyncio.to_thread", "asyncio.threads.to_thread", "anyio.to_thread.run_sync", "trio.to_thread.run_sync", "starlette.concurrency.run_in_threadpool",
  "fastapi.concurrency.run_in_threadpool", "asgiref.sync.sync_to_async",
]);
export const offloadingMethods: ReadonlySet<string> = new Set(["run_in_executor"]);

/** What a blocking call is, for the message: each kind names its async replacement. */
export type BlockingKind = "http" | "subprocess" | "process-wait" | "file" | "path-io" | "file-tree" | "socket" | "dns" | "input";

/** The advice each kind of blocking call gets in the message (after "blocks the event loop inside 'async def'; "). */
export const blockingAdvice: Readonly<Record<BlockingKind, string>> = {
  http: "use an async HTTP client (aiohttp, or httpx.AsyncClient)",
  subprocess: "use 'asyncio.create_subprocess_exec()' (or 'create_subprocess_shell()') and await it",
  "process-wait": "start the process with 'asyncio.create_subprocess_exec()' and 'await proc.wait()' / 'proc.communicate()'",
  file: "use 'aiofiles.open()', or move the file work into a function run with 'await asyncio.to_thread(...)'",
  "path-io": "use 'await asyncio.to_thread(...)' (or aiofiles)",
  "file-tree": "run it in a worker thread with 'await asyncio.to_thread(...)'",
  socket: "use asyncio streams ('asyncio.open_connection()') or the loop's 'sock_*' coroutines",
  dns: "use 'await loop.getaddrinfo()' / 'loop.getnameinfo()'",
  input: "read it in a worker thread: 'await asyncio.to_thread(input, ...)' or 'loop.run_in_executor()'",
};

export interface BlockingCall {
  readonly kind: BlockingKind;
  /**
   * Whether `await asyncio.to_thread(f, ...)` around this call alone removes the blocking. False when the result is
   * a file, pipe, response or connection whose later use blocks as well (`open()`, `urlopen()`, `os.popen()`).
   */
  readonly offloadable: boolean;
  /** The ruff / flake8-async code for the same finding, for the docs. */
  readonly code?: string;
  /** Calls that do not block when an argument spells this flag (`os.waitpid(pid, os.WNOHANG)`). */
  readonly nonBlockingFlag?: string;
}

const blocking = (kind: BlockingKind, offloadable: boolean, code?: string, nonBlockingFlag?: string): BlockingCall => ({
  kind,
  offloadable,
  ...(code ? { code } : {}),
  ...(nonBlockingFlag ? { nonBlockingFlag } : {}),
});

const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "request"];

/**
 * Module-level functions (and builtins, by their bare name when nothing rebinds them) that block the calling thread.
 * Deliberately absent: `os.path.*`/`Path.exists()`/`mkdir()`… (metadata calls, quick and noisy to report),
 * `subprocess.Popen(...)` itself (starting a process returns at once; waiting on it is what blocks), `time.sleep`
 * (no-blocking-sleep).
 */
export const blockingFunctions: ReadonlyMap<string, BlockingCall> = new Map<string, BlockingCall>([
  ...HTTP_VERBS.flatMap((verb) => [
    [`requests.${verb}`, blocking("http", true, "ASYNC210")] as const,
    [`requests.api.${verb}`, blocking("http", true, "ASYNC210")] as const,
    [`httpx.${verb}`, blocking("http", true, "ASYNC210")] as const,
  ]),
  ["httpx.stream", blocking("http", false, "ASYNC210")],
  ["urllib3.request", blocking("http", true, "ASYNC210")],
  ["urllib.request.urlopen", blocking("http", false, "ASYNC210")],
  ["urllib.request.urlretrieve", blocking("http", true, "ASYNC210")],
  ...["run", "call", "check_call", "check_output", "getoutput", "getstatusoutput"].map(
    (name) => [`subprocess.${name}`, blocking("subprocess", true, "ASYNC221")] as const,
  ),
  ["os.system", blocking("subprocess", true, "ASYNC221")],
  ["os.popen", blocking("subprocess", false, "ASYNC220")],
  ["os.wait", blocking("process-wait", true, "ASYNC222")],
  ...["wait3", "wait4", "waitpid", "waitid"].map((name) => [`os.${name}`, blocking("process-wait", true, "ASYNC222", "WNOHANG")] as const),
  ["open", blocking("file", false, "ASYNC230")],
  ["builtins.open", blocking("file", false, "ASYNC230")],
  ["io.open", blocking("file", false, "ASYNC230")],
  ["io.open_code", blocking("file", false, "ASYNC230")],
  ["codecs.open", blocking("file", false, "ASYNC230")],
  ["gzip.open", blocking("file", false, "ASYNC230")],
  ["bz2.open", blocking("file", false, "ASYNC230")],
  ["lzma.open", blocking("file", false, "ASYNC230")],
  ...["copyfile", "copy", "copy2", "copytree", "rmtree", "move", "make_archive", "unpack_archive"].map(
    (name) => [`shutil.${name}`, blocking("file-tree", true)] as const,
  ),
  ["socket.create_connection", blocking("socket", false)],
  ...["getaddrinfo", "getnameinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn"].map(
    (name) => [`socket.${name}`, blocking("dns", true)] as const,
  ),
  ["input", blocking("input", true, "ASYNC250")],
  ["builtins.input", blocking("input", true, "ASYNC250")],
]);

/** Blocking methods of library objects (see `objectFactories`), judged only on receivers provably of that type. */
export const blockingMethods: ReadonlyMap<string, ReadonlyMap<string, BlockingCall>> = new Map<string, ReadonlyMap<string, BlockingCall>>([
  ["requests.Session", new Map([...HTTP_VERBS, "send"].map((name) => [name, blocking("http", true, "ASYNC210")]))],
  [
    "httpx.Client",
    new Map([
      ...[...HTTP_VERBS, "send"].map((name) => [name, blocking("http", true, "ASYNC212")] as const),
      ["stream", blocking("http", false, "ASYNC212")],
    ]),
  ],
  ["urllib3.PoolManager", new Map(["request", "urlopen", "request_encode_url", "request_encode_body"].map((name) => [name, blocking("http", true, "ASYNC210")]))],
  [
    "http.client.HTTPConnection",
    new Map([
      ["request", blocking("http", true, "ASYNC210")],
      ["getresponse", blocking("http", false, "ASYNC210")],
      ["connect", blocking("http", true, "ASYNC210")],
    ]),
  ],
  [
    "socket.socket",
    new Map(
      ["recv", "recv_into", "recvfrom", "recvfrom_into", "send", "sendall", "sendto", "sendfile", "accept", "connect"].map((name) => [
        name,
        blocking("socket", true),
      ]),
    ),
  ],
  ["subprocess.Popen", new Map(["wait", "communicate"].map((name) => [name, blocking("process-wait", true, "ASYNC222")]))],
  [
    "pathlib.Path",
    new Map([
      ...["read_text", "read_bytes", "write_text", "write_bytes"].map((name) => [name, blocking("path-io", true, "ASYNC240")] as const),
      ["open", blocking("file", false, "ASYNC230")],
    ]),
  ],
]);

/**
 * Socket methods that make a socket non-blocking (or bounded): a socket they are called on anywhere in the scope
 * is not judged (`sock.setblocking(False)` is what `loop.sock_recv()` requires).
 */
export const socketModeMethods: ReadonlySet<string> = new Set(["setblocking", "settimeout"]);

/** A timeout object's constructor: which fields bound a stalled peer, and how its positional arguments map to fields. */
export interface TimeoutClass {
  /** Positional parameters, in order. */
  readonly positional: readonly string[];
  /**
   * Fields that stop a request from waiting forever on a silent peer (aiohttp: `total` or `sock_read`; httpx: `read`).
   * A field given no value falls back to `fallback` (httpx: the first argument) or, when there is none, is unset.
   */
  readonly hangBounds: readonly string[];
  readonly fallback?: string;
}

export const timeoutClasses: ReadonlyMap<string, TimeoutClass> = new Map<string, TimeoutClass>([
  // aiohttp 3.x: every field defaults to None, so `ClientTimeout()` or `ClientTimeout(connect=5)` sets no overall limit.
  // (aiohttp 4.0 makes `total` default to 300 s; both versions treat `total=None` as "no limit".)
  ["aiohttp.ClientTimeout", { positional: ["total", "connect", "sock_read", "sock_connect"], hangBounds: ["total", "sock_read"] }],
  ["aiohttp.client.ClientTimeout", { positional: ["total", "connect", "sock_read", "sock_connect"], hangBounds: ["total", "sock_read"] }],
  // httpx.Timeout(timeout, *, connect, read, write, pool): unset fields take the first argument.
  ["httpx.Timeout", { positional: ["timeout"], hangBounds: ["read"], fallback: "timeout" }],
]);

/** What an HTTP client does about timeouts: where the timeout goes and what happens without one. */
export interface NetworkClient {
  readonly library: "aiohttp" | "httpx";
  /** Methods that send a request (and take their own `timeout=`). */
  readonly requestMethods: ReadonlySet<string>;
  /** The keyword taking the timeout, on the constructor and on each request. */
  readonly timeoutKeyword: string;
  /** The timeout class the keyword expects (see `timeoutClasses`). */
  readonly timeoutClass: string;
  /** What the client does with no `timeout=`. */
  readonly defaultTimeout: string;
  /** Whether that default is a long, implicit bound worth reporting (aiohttp: 5 minutes) or a sane one (httpx: 5 s). */
  readonly reportDefault: boolean;
  /** What `timeout=None` means on the constructor: aiohttp falls back to its default, httpx disables every limit. */
  readonly constructorNone: "default" | "disabled";
  /** What `timeout=None` means on a request: aiohttp 3.x and httpx both disable the limit for that request. */
  readonly requestNone: "default" | "disabled";
}

export const networkClients: ReadonlyMap<string, NetworkClient> = new Map<string, NetworkClient>([
  [
    "aiohttp.ClientSession",
    {
      library: "aiohttp",
      // Not `ws_connect`: its `timeout=` is a `ClientWSTimeout` for receive/close; the handshake uses the session's.
      requestMethods: new Set(HTTP_VERBS),
      timeoutKeyword: "timeout",
      timeoutClass: "aiohttp.ClientTimeout",
      defaultTimeout: "ClientTimeout(total=300, sock_connect=30)",
      reportDefault: true,
      constructorNone: "default",
      requestNone: "disabled",
    },
  ],
  [
    "httpx.AsyncClient",
    {
      library: "httpx",
      requestMethods: new Set([...HTTP_VERBS, "stream", "send"]),
      timeoutKeyword: "timeout",
      timeoutClass: "httpx.Timeout",
      defaultTimeout: "Timeout(5.0)",
      reportDefault: false,
      constructorNone: "disabled",
      requestNone: "disabled",
    },
  ],
]);

export interface NetworkFunction {
  /** `keyword`: the call takes `timeout=` itself (with the constructor semantics of `client`). `none`: no timeout at all. */
  readonly timeout: "keyword" | "none";
  readonly client?: string;
  readonly defaultTimeout: string;
  /** Where the peer is named: a URL (`aiohttp.request(method, url)`) or a host (`open_connection(host, port)`). */
  readonly peer?: { readonly kind: "url" | "host"; readonly position: number; readonly keyword: string };
  /** A keyword handing over a socket that is already connected (`open_connection(sock=s)`): then nothing connects. */
  readonly connectedSocketKeyword?: string;
}

/**
 * Network coroutine functions, with how their timeout is given. `keyword` calls are judged like requests;
 * `none` calls take no timeout at all — only `asyncio.timeout()` / `asyncio.wait_for()` around them bound them.
 */
export const networkFunctions: ReadonlyMap<string, NetworkFunction> = new Map<string, NetworkFunction>([
  ["aiohttp.request", { timeout: "keyword", client: "aiohttp.ClientSession", defaultTimeout: "ClientTimeout(total=300, sock_connect=30)", peer: { kind: "url", position: 1, keyword: "url" } }],
  ["aiohttp.client.request", { timeout: "keyword", client: "aiohttp.ClientSession", defaultTimeout: "ClientTimeout(total=300, sock_connect=30)", peer: { kind: "url", position: 1, keyword: "url" } }],
  ["asyncio.open_connection", { timeout: "none", defaultTimeout: "none: waits as long as the OS does (minutes for a SYN to a dead host)", peer: { kind: "host", position: 0, keyword: "host" }, connectedSocketKeyword: "sock" }],
  ["asyncio.open_unix_connection", { timeout: "none", defaultTimeout: "none", connectedSocketKeyword: "sock" }],
  ["asyncio.streams.open_connection", { timeout: "none", defaultTimeout: "none", peer: { kind: "host", position: 0, keyword: "host" }, connectedSocketKeyword: "sock" }],
]);

/** Where a client request names its URL: the first argument, except `request(method, url)` and `stream(method, url)`. */
export const requestUrlPositions: ReadonlyMap<string, number> = new Map([["request", 1], ["stream", 1]]);

/**
 * Host names and URL hosts of this machine. A peer there is the program's own server or a local sidecar, not a
 * network that can go silent: calls to it are not required to carry a timeout. (`open_connection(port=p)` with no
 * host connects to the local host too.)
 */
export const loopbackHost = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/u;

/** `asyncio.StreamReader` methods that wait for the peer with no limit of their own. */
export const streamReaderWaits: ReadonlySet<string> = new Set(["read", "readline", "readexactly", "readuntil"]);

/** Context managers that bound everything in their body; `delay` says which argument is the limit (None = no limit). */
export const timeoutScopes: ReadonlyMap<string, { readonly position: number; readonly keyword: string }> = new Map([
  ["asyncio.timeout", { position: 0, keyword: "delay" }],
  ["asyncio.timeout_at", { position: 0, keyword: "when" }],
  ["asyncio.timeouts.timeout", { position: 0, keyword: "delay" }],
  ["async_timeout.timeout", { position: 0, keyword: "delay" }],
  ["async_timeout.timeout_at", { position: 0, keyword: "deadline" }],
  ["anyio.fail_after", { position: 0, keyword: "delay" }],
  ["anyio.move_on_after", { position: 0, keyword: "delay" }],
  ["trio.fail_after", { position: 0, keyword: "seconds" }],
  ["trio.move_on_after", { position: 0, keyword: "seconds" }],
]);

/** Calls that bound their first argument: `asyncio.wait_for(aw, timeout)`. */
export const timeoutWrappers: ReadonlyMap<string, { readonly awaitable: readonly [number, string]; readonly timeout: readonly [number, string] }> = new Map([
  ["asyncio.wait_for", { awaitable: [0, "fut"], timeout: [1, "timeout"] }],
  ["asyncio.tasks.wait_for", { awaitable: [0, "fut"], timeout: [1, "timeout"] }],
] as const);
