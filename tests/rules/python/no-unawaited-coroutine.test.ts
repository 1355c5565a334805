import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import rule from "../../../rules/python/no-unawaited-coroutine.js";
import { pythonPlugin } from "../../../rules/python/plugin.js";
import { setOverlay } from "../../../rules/python/project-index.js";
import { outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

// A small project on disk for the cross-module cases (created before the tester runs its cases).
const project = mkdtempSync(path.join(tmpdir(), "unawaited-"));
const files: Record<string, string> = {
  "pyproject.toml": "[project]\nname = 'shop'\n",
  "shop/__init__.py": "from .repository import save_user\n",
  "shop/repository.py": [
    "import functools",
    "from .base import Repository",
    "async def save_user(user): ...",
    "def load_user(user_id): ...",
    "async def stream_users():",
    "    yield 1",
    "def logged(func):",
    "    @functools.wraps(func)",
    "    async def wrapper(*args, **kwargs):",
    "        return await func(*args, **kwargs)",
    "    return wrapper",
    "@logged",
    "async def audited(user): ...",
    "@some_framework.route('/x')",
    "async def endpoint(): ...",
    "class UserRepository(Repository):",
    "    async def get(self, user_id): ...",
    "    def get_cached(self, user_id): ...",
    "",
  ].join("\n"),
  "shop/base.py": "class Repository:\n    async def commit(self): ...\n    def rollback(self): ...\n",
  "shop/service.py": "",
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
  writeFileSync(path.join(project, name), text);
}
const service = path.join(project, "shop/service.py");

const valid = [
  // unknown receivers: nothing proves what `log` / `writer` are
  "async def f(log):\n    log.write(1)\n",
  "class Log:\n    async def write(self, x): ...\nasync def f(log):\n    log.write(1)\n",
  "async def f(conn):\n    conn.execute('select 1')\n",
  "async def f(q):\n    q.put(1)\n",
  // the coroutine is consumed
  "import asyncio\nasync def c(): ...\nasyncio.run(c())\n",
  "import asyncio\nasync def c(): ...\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(c())\n",
  "import asyncio\nasync def c(): ...\nasync def f():\n    await asyncio.gather(c(), c())\n",
  "async def c(): ...\nasync def f():\n    return c()\n",
  "async def c(): ...\ndef f():\n    return c()\n",
  "async def c(): ...\ndef f():\n    yield c()\n",
  "async def c(): ...\nasync def f():\n    await c()\n",
  "async def c(): ...\nasync def f():\n    print(c())\n",
  "async def c(): ...\nasync def f(tasks):\n    tasks.append(c())\n",
  "async def c(): ...\nclass A:\n    def start(self):\n        self.pending = c()\n",
  "async def c(): ...\nasync def f(d):\n    d['k'] = c()\n",
  "async def c(): ...\nasync def f():\n    xs = [c()]\n    await xs[0]\n",
  "async def c(): ...\nasync def f():\n    lambda: c()\n",
  // bound, then used
  "async def c(): ...\nasync def f():\n    x = c()\n    await x\n",
  "import asyncio\nasync def c(): ...\nasync def f():\n    x = c()\n    return await asyncio.wait_for(x, 1)\n",
  "async def c(): ...\nasync def f():\n    x = c()\n    return x\n",
  "async def c(): ...\nasync def f(run):\n    x = c()\n    run(x)\n",
  "async def c(): ...\nasync def f():\n    x = None\n    for _ in range(3):\n        if x:\n            await x\n        x = c()\n",
  "async def c(): ...\nasync def f():\n    x = c()\n    async def g():\n        await x\n    return g\n",
  "async def c(): ...\ndef f():\n    global pending\n    pending = c()\n",
  "async def c(): ...\npending = c()\n",
  "async def c(): ...\nclass A:\n    pending = c()\n",
  // async generators: calling one without await is how they are used
  "async def stream():\n    yield 1\nasync def f():\n    agen = stream()\n    async for x in agen:\n        print(x)\n",
  "async def stream():\n    yield 1\nasync def f():\n    stream()\n",
  "class A:\n    async def rows(self):\n        for r in range(3):\n            yield r\n    async def f(self):\n        self.rows()\n",
  // decorators that may change what the function returns
  "@app.get('/')\nasync def c(): ...\nasync def f():\n    c()\n",
  "import functools\n@functools.lru_cache\nasync def c(): ...\nasync def f():\n    c()\n",
  "from contextlib import asynccontextmanager\n@asynccontextmanager\nasync def c():\n    yield\nasync def f():\n    c()\n",
  "class A:\n    @property\n    async def c(self): ...\n    async def f(self):\n        self.c()\n",
  "def to_sync(func):\n    def wrapper(*a):\n        return asyncio.run(func(*a))\n    return wrapper\n@to_sync\nasync def c(): ...\nasync def f():\n    c()\n",
  // overload signatures and Protocol stubs
  "from typing import overload\n@overload\nasync def c(x: int) -> int: ...\n@overload\nasync def c(x: str) -> str: ...\nasync def f():\n    c(1)\n",
  "from typing import Protocol\nclass P(Protocol):\n    async def m(self): ...\nclass Impl(P):\n    async def f(self):\n        self.m()\n        super().m()\n",
  // sync functions and classes are not coroutines
  "def c(): ...\nasync def f():\n    c()\n",
  "class C: ...\nasync def f():\n    C()\n",
  // names bound more than once, or to something else
  "async def c(): ...\nc = wrap(c)\nasync def f():\n    c()\n",
  "try:\n    from fast import c\nexcept ImportError:\n    async def c(): ...\nasync def f():\n    c()\n",
  "async def c(): ...\nasync def f(c):\n    c()\n",
  "async def c(): ...\nasync def f():\n    [c for c in range(3)]\n    print(c)\n",
  // self.m shadowed by an instance attribute, static method's first parameter, unknown base
  "class A:\n    def __init__(self, m):\n        self.m = m\n    async def m(self): ...\n    async def f(self):\n        self.m()\n",
  "class A:\n    async def m(self): ...\n    @staticmethod\n    async def f(self):\n        self.m()\n",
  "from lib import Base\nclass A(Base):\n    async def f(self):\n        self.m()\n        super().m()\n",
  "class A:\n    async def m(self): ...\nclass B(A):\n    async def f(self):\n        super(B, self).g()\n",
  // `__init__` must return None: an `async def __init__` is broken at the first instantiation, not at this call
  "class A:\n    async def __init__(self): ...\nclass B(A):\n    async def __init__(self):\n        super().__init__()\n        self.__init__()\n",
  "class A:\n    async def m(self): ...\nclass B(A):\n    def m(self): ...\nclass C(B):\n    async def f(self):\n        super(B, self).m()\n        super(C, self).m()\n",
  // library calls not known to return a coroutine; unknown library calls
  "import asyncio\nasync def c(): ...\nasync def f():\n    asyncio.create_task(c())\n    asyncio.ensure_future(c())\n    asyncio.gather(c())\n",
  "from aiohttp import web\nasync def f(app):\n    web.run_app(app)\n",
  "import asyncio\ndef f():\n    q = asyncio.Queue()\n    q.put_nowait(1)\n",
  // `asyncio` bound to something else, and a project module shadowing nothing
  "import trio as asyncio\nasync def f():\n    asyncio.sleep(1)\n",
  // module-level names the project index cannot resolve (no file on disk for the buffer)
  "from .repository import save_user\nasync def f(u):\n    save_user(u)\n",
  // cross-module: sync functions, async generators, unknown decorators in another module
  { code: "from shop.repository import load_user\nasync def f(u):\n    load_user(u)\n", filename: service },
  { code: "from shop.repository import stream_users\nasync def f():\n    stream_users()\n", filename: service },
  { code: "from shop.repository import endpoint\nasync def f():\n    endpoint()\n", filename: service },
  { code: "from shop.repository import UserRepository\nasync def f(repo: UserRepository):\n    repo.get_cached(1)\n    repo.rollback()\n", filename: service },
  { code: "from shop.missing import save_user\nasync def f(u):\n    save_user(u)\n", filename: service },
];

const addAwait = (output: string) => [{ messageId: "addAwait", output }];
const runIt = (output: string) => [{ messageId: "runWithAsyncioRun", output }];

/** The "Add 'await'" suggestion for the call starting at `line`:`column` (1-based) of `code`. */
function awaitAt(code: string, line: number, column: number) {
  const lines = code.split("\n");
  const text = lines[line - 1]!;
  lines[line - 1] = `${text.slice(0, column - 1)}await ${text.slice(column - 1)}`;
  return addAwait(lines.join("\n"));
}

/** Errors at `[line, column]` positions, each with its "Add 'await'" suggestion. */
function droppedAt(code: string, positions: readonly (readonly [number, number])[]) {
  return positions.map(([line, column]) => ({ messageId: "dropped", line, column, suggestions: awaitAt(code, line, column) }));
}

const selfMethods = [
  "class Base:",
  "    async def commit(self): ...",
  "class Repo(Base):",
  "    async def save(self): ...",
  "    @staticmethod",
  "    async def ping(): ...",
  "    @classmethod",
  "    async def create(cls):",
  "        cls.ping()",
  "    async def run(self):",
  "        self.save()",
  "        self.commit()",
  "        Repo.ping()",
  "",
].join("\n");

const decorated = [
  "import abc, functools",
  "REGISTRY = []",
  "def logged(func):",
  "    @functools.wraps(func)",
  "    async def wrapper(*args):",
  "        return await func(*args)",
  "    return wrapper",
  "def retry(times):",
  "    def decorator(func):",
  "        @functools.wraps(func)",
  "        def wrapper(*args):",
  "            return func(*args)",
  "        return wrapper",
  "    return decorator",
  "def register(func):",
  "    REGISTRY.append(func)",
  "    return func",
  "@logged",
  "async def a(): ...",
  "@retry(3)",
  "async def b(): ...",
  "@register",
  "async def c(): ...",
  "class K(abc.ABC):",
  "    @abc.abstractmethod",
  "    async def d(self): ...",
  "    async def run(self):",
  "        a(); b(); c()",
  "        self.d()",
  "",
].join("\n");

const overloaded =
  "from typing import overload\n@overload\nasync def c(x: int) -> int: ...\n@overload\nasync def c(x: str) -> str: ...\nasync def c(x): return x\nasync def f():\n    c(1)\n";

const library =
  "import asyncio as aio\nfrom asyncio import sleep, wait_for\nasync def f(c):\n    aio.sleep(1)\n    sleep(1)\n    wait_for(c, 1)\n    aio.open_connection('h', 1)\n";

const receivers = [
  "import asyncio, aiohttp, aiofiles, asyncpg",
  "class Worker:",
  "    def __init__(self):",
  "        self.queue = asyncio.Queue()",
  "    async def feed(self, item):",
  "        self.queue.put(item)",
  "async def f(session: aiohttp.ClientSession, url):",
  "    q = asyncio.Queue()",
  "    q.put(1)",
  "    session.close()",
  "    async with aiohttp.ClientSession() as s:",
  "        s.get(url)",
  "    async with aiofiles.open('x', 'w') as out:",
  "        out.write('x')",
  "    conn = await asyncpg.connect()",
  "    conn.execute('select 1')",
  "    reader, writer = await asyncio.open_connection('h', 1)",
  "    writer.drain()",
  "    lock = asyncio.Lock()",
  "    lock.acquire()",
  "",
].join("\n");

const crossModule = [
  "import shop.repository as repo",
  "from . import repository",
  "from shop import save_user",
  "from .repository import audited, UserRepository",
  "async def create(u, users: UserRepository):",
  "    repo.save_user(u)",
  "    repository.save_user(u)",
  "    save_user(u)",
  "    audited(u)",
  "    users.get(1)",
  "    users.commit()",
  "",
].join("\n");

const invalid = [
  {
    name: "same-file async def, result dropped",
    code: "async def save(): ...\n\nasync def main():\n    save()\n",
    errors: [
      {
        message: "'save()' returns a coroutine that is never awaited, so it never runs.",
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 11,
        suggestions: addAwait("async def save(): ...\n\nasync def main():\n    await save()\n"),
      },
    ],
  },
  {
    name: "parenthesised, with arguments over several lines",
    code: "async def save(x): ...\nasync def main():\n    (save(\n        1))\n",
    errors: [
      {
        messageId: "dropped",
        line: 3,
        column: 6,
        endLine: 4,
        endColumn: 11,
        suggestions: addAwait("async def save(x): ...\nasync def main():\n    (await save(\n        1))\n"),
      },
    ],
  },
  {
    name: "bound to a local never used again",
    code: "async def save(): ...\nasync def main():\n    result = save()\n    print('done')\n",
    errors: [
      {
        message: "'save()' returns a coroutine that is bound to 'result' but never awaited, so it never runs.",
        line: 3,
        column: 14,
        endColumn: 20,
        suggestions: addAwait("async def save(): ...\nasync def main():\n    result = await save()\n    print('done')\n"),
      },
    ],
  },
  {
    name: "annotated binding, read only before",
    code: "async def save(): ...\nasync def main(x):\n    print(x)\n    x: object = save()\n",
    errors: [{ messageId: "unusedBinding", line: 4, column: 17, suggestions: addAwait("async def save(): ...\nasync def main(x):\n    print(x)\n    x: object = await save()\n") }],
  },
  {
    name: "a local async def",
    code: "async def main():\n    async def step(): ...\n    step()\n",
    errors: [{ messageId: "dropped", line: 3, column: 5, suggestions: addAwait("async def main():\n    async def step(): ...\n    await step()\n") }],
  },
  {
    name: "self.m(), cls.m(), a static method through the class, a method of a same-file base",
    code: selfMethods,
    errors: droppedAt(selfMethods, [[9, 9], [11, 9], [12, 9], [13, 9]]),
  },
  {
    name: "super().m() on a same-file base",
    code: "class A:\n    async def close(self): ...\nclass B(A):\n    async def close(self):\n        super().close()\n",
    errors: [{ messageId: "dropped", line: 5, column: 9, suggestions: addAwait("class A:\n    async def close(self): ...\nclass B(A):\n    async def close(self):\n        await super().close()\n") }],
  },
  {
    name: "super(ThisClass, self).m()",
    code: "class A:\n    async def close(self): ...\nclass B(A):\n    async def close(self):\n        super(B, self).close()\n",
    errors: [{ messageId: "dropped", line: 5, column: 9, suggestions: addAwait("class A:\n    async def close(self): ...\nclass B(A):\n    async def close(self):\n        await super(B, self).close()\n") }],
  },
  {
    name: "an instance of a same-file class, by construction and by annotation",
    code: "class Repo:\n    async def save(self): ...\nasync def main(other: Repo):\n    repo = Repo()\n    repo.save()\n    other.save()\n    Repo().save()\n",
    errors: [
      { messageId: "dropped", line: 5, suggestions: addAwait("class Repo:\n    async def save(self): ...\nasync def main(other: Repo):\n    repo = Repo()\n    await repo.save()\n    other.save()\n    Repo().save()\n") },
      { messageId: "dropped", line: 6, suggestions: addAwait("class Repo:\n    async def save(self): ...\nasync def main(other: Repo):\n    repo = Repo()\n    repo.save()\n    await other.save()\n    Repo().save()\n") },
      { messageId: "dropped", line: 7, suggestions: addAwait("class Repo:\n    async def save(self): ...\nasync def main(other: Repo):\n    repo = Repo()\n    repo.save()\n    other.save()\n    await Repo().save()\n") },
    ],
  },
  {
    name: "decorators known to keep a coroutine function: wraps-style, factory, registration, abstractmethod, staticmethod",
    code: decorated,
    errors: droppedAt(decorated, [[28, 9], [28, 14], [28, 19], [29, 9]]),
  },
  {
    name: "an overloaded function is what its implementation is",
    code: overloaded,
    errors: droppedAt(overloaded, [[8, 5]]),
  },
  {
    name: "known library coroutines, however imported",
    code: library,
    errors: droppedAt(library, [[4, 5], [5, 5], [6, 5], [7, 5]]).map(({ messageId: _, ...error }, index) => ({
      ...error,
      message: `'${["aio.sleep", "sleep", "wait_for", "aio.open_connection"][index]}()' returns a coroutine that is never awaited, so it never runs.`,
    })),
  },
  {
    name: "an article fragment that uses asyncio without importing it",
    code: "async def f():\n    asyncio.sleep(1)\n",
    errors: [{ messageId: "dropped", suggestions: addAwait("async def f():\n    await asyncio.sleep(1)\n") }],
  },
  {
    name: "aiofiles.open returns an awaitable context manager: dropped, nothing is opened",
    code: "import aiofiles\nasync def f(p):\n    aiofiles.open(p, 'w')\n",
    errors: [
      {
        message: "'aiofiles.open()' returns an awaitable that is never awaited, so it never runs.",
        suggestions: addAwait("import aiofiles\nasync def f(p):\n    await aiofiles.open(p, 'w')\n"),
      },
    ],
  },
  {
    name: "methods of receivers whose library type is proven",
    code: receivers,
    errors: droppedAt(receivers, [[6, 9], [9, 5], [10, 5], [12, 9], [14, 9], [16, 5], [18, 5], [20, 5]]),
  },
  {
    name: "module level: suggest asyncio.run, adding the import",
    code: '"""Entry point."""\nasync def main(): ...\n\nif __name__ == "__main__":\n    main()\n',
    errors: [
      {
        messageId: "dropped",
        line: 5,
        column: 5,
        suggestions: runIt('"""Entry point."""\nimport asyncio\nasync def main(): ...\n\nif __name__ == "__main__":\n    asyncio.run(main())\n'),
      },
    ],
  },
  {
    name: "module level with asyncio imported",
    code: "import asyncio\nasync def main(): ...\nmain()\n",
    errors: [{ messageId: "dropped", line: 3, column: 1, endColumn: 7, suggestions: runIt("import asyncio\nasync def main(): ...\nasyncio.run(main())\n") }],
  },
  {
    name: "module level, `asyncio` bound to something else: no suggestion",
    code: "import trio as asyncio\nasync def main(): ...\nmain()\n",
    errors: [{ messageId: "dropped", suggestions: [] }],
  },
  {
    name: "module level, an awaitable that is not a coroutine: asyncio.run would reject it",
    code: "import aiofiles\naiofiles.open('x')\n",
    errors: [{ messageId: "dropped", suggestions: [] }],
  },
  {
    name: "sync function: await is a syntax error there, asyncio.run may be too (running loop)",
    code: "async def save(): ...\ndef handler():\n    save()\n    pending = save()\n",
    errors: [
      {
        message:
          "'save()' returns a coroutine that never runs here: a sync function cannot await it. Make the function 'async def' and await it, or run it with asyncio.run() where no event loop is running.",
        line: 3,
        suggestions: [],
      },
      { messageId: "droppedInSync", line: 4, column: 15, suggestions: [] },
    ],
  },
  {
    name: "a sync callback nested in async def",
    code: "async def save(): ...\nasync def main(loop):\n    def done():\n        save()\n    loop.call_soon(done)\n",
    errors: [{ messageId: "droppedInSync", line: 4, column: 9, suggestions: [] }],
  },
  {
    name: "self.m() in a sync closure inside a method",
    code: "class A:\n    async def save(self): ...\n    async def run(self, loop):\n        def done():\n            self.save()\n        loop.call_soon(done)\n",
    errors: [{ messageId: "droppedInSync", line: 5, column: 13, suggestions: [] }],
  },
  {
    name: "a class body inside async def: `await` would not compile there",
    code: "async def setup(): ...\nasync def main():\n    class A:\n        setup()\n",
    errors: [{ messageId: "dropped", line: 4, column: 9, suggestions: [] }],
  },
  {
    name: "class body",
    code: "async def setup(): ...\nclass A:\n    setup()\n",
    errors: [{ messageId: "dropped", line: 3, column: 5, suggestions: [] }],
  },
  {
    name: "CRLF and non-ASCII text: UTF-16 columns",
    code: "async def save(x): ...\r\nasync def main():\r\n    s = '😀é'; save(s)\r\n",
    errors: [{ messageId: "dropped", line: 3, column: 16, endColumn: 23, suggestions: addAwait("async def save(x): ...\r\nasync def main():\r\n    s = '😀é'; await save(s)\r\n") }],
  },
  // Cross-module, through the project index (the buffer's path is inside a project on disk).
  {
    name: "from-import of a project coroutine function",
    filename: service,
    code: "from shop.repository import save_user\nasync def create(u):\n    save_user(u)\n",
    errors: [{ messageId: "dropped", line: 3, suggestions: addAwait("from shop.repository import save_user\nasync def create(u):\n    await save_user(u)\n") }],
  },
  {
    name: "relative import, module alias, package re-export, imported decorator, imported class and base",
    filename: service,
    code: crossModule,
    errors: droppedAt(crossModule, [[6, 5], [7, 5], [8, 5], [9, 5], [10, 5], [11, 5]]),
  },
];

pythonRuleTester().run("no-unawaited-coroutine", rule as never, { valid, invalid: invalid as never });

describe("no-unawaited-coroutine with unsaved buffers (project index overlays)", () => {
  const lint = (code: string) =>
    new Linter({ configType: "flat", cwd: project })
      .verify(code, [{ files: ["**/*.py"], plugins: { "async-pitfalls": pythonPlugin }, language: "async-pitfalls/python", rules: { "async-pitfalls/no-unawaited-coroutine": "warn" } } as never], { filename: service })
      .map((message) => `${message.line}:${message.ruleId}`);
  const code = "from shop.repository import load_user\nasync def f(u):\n    load_user(u)\n";
  const repository = path.join(project, "shop/repository.py");

  afterEach(() => setOverlay(repository, undefined));

  it("sees an edit of the imported module before it is saved, and the disk again once the overlay is withdrawn", () => {
    expect(lint(code)).toEqual([]);
    setOverlay(repository, "async def load_user(user_id): ...\n");
    expect(lint(code)).toEqual(["3:async-pitfalls/no-unawaited-coroutine"]);
    setOverlay(repository, undefined);
    expect(lint(code)).toEqual([]);
  });
});

/** Compiles every source in one interpreter: `compile()` also rejects what `ast.parse` lets through (`await` in a sync def). */
function compileAll(sources: readonly string[]): void {
  const script = "import json,sys\nfor i, src in enumerate(json.load(sys.stdin)):\n    compile(src, f'suggestion-{i}.py', 'exec')\n";
  execFileSync("python3", ["-c", script], { input: JSON.stringify(sources), stdio: ["pipe", "pipe", "pipe"] });
}

describe("no-unawaited-coroutine suggestions", () => {
  const { suggestions } = outputsOf(invalid as never);
  it("every suggestion output compiles (`await` only where Python accepts it)", () => {
    expect(suggestions.length).toBeGreaterThan(15);
    compileAll(suggestions);
  });
  it("the compile check rejects `await` outside async def", () => {
    expect(() => compileAll(["async def g(): ...\ndef f():\n    await g()\n"])).toThrow();
  });
});
