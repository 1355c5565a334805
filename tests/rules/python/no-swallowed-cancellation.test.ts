import rule from "../../../rules/python/no-swallowed-cancellation.js";
import { assertParses, outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const swallowed = (caught: string) =>
  `'except ${caught}' around an await catches this task's cancellation and never re-raises it: the task would carry on as if it had not been cancelled.`;
const onSomePath = (caught: string) =>
  `'except ${caught}' around an await catches this task's cancellation and does not re-raise it on every path: the task may carry on as if it had not been cancelled.`;
const bare = "A bare 'except:' around an await catches this task's cancellation ('asyncio.CancelledError') and never re-raises it.";
const suppressed = (caught: string) =>
  `'suppress(${caught})' around an await swallows this task's own cancellation: the task would carry on as if it had not been cancelled.`;
const addRaise = "Re-raise the cancellation: end the handler with 'raise'.";

const valid = [
  // re-raised: bare `raise`, `raise e`, `raise X from e` (a different exception still ends the task)
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        cleanup()\n        raise\n",
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError as e:\n        raise e\n",
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError as e:\n        raise RuntimeError('stopped') from e\n",
  // default (lenient) reading: a `raise` on some path shows a deliberate decision
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        if not stopping:\n            raise\n",
  // `sys.exit()` never returns; `uncancel()` swallows on purpose (3.11 API made for that)
  "import asyncio, sys\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        sys.exit(1)\n",
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        asyncio.current_task().uncancel()\n",
  // `except Exception` does not catch CancelledError (3.8+); other exceptions
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except Exception:\n        pass\n",
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except (ValueError, asyncio.TimeoutError):\n        pass\n",
  // concurrent.futures.CancelledError is another class
  "import asyncio, concurrent.futures\nasync def f(fut):\n    try:\n        await asyncio.wrap_future(fut)\n    except concurrent.futures.CancelledError:\n        pass\n",
  "from concurrent.futures import CancelledError\nasync def f(fut):\n    try:\n        await fut\n    except CancelledError:\n        pass\n",
  // sync functions, nested sync defs
  "import asyncio\ndef f(fut):\n    try:\n        fut.result()\n    except asyncio.CancelledError:\n        pass\n",
  "import asyncio\nasync def f():\n    def g():\n        try:\n            h()\n        except BaseException:\n            pass\n    await asyncio.to_thread(g)\n",
  // no await in the try body: the task's cancellation cannot arrive there
  "import asyncio\nasync def f(task):\n    try:\n        value = task.result()\n    except asyncio.CancelledError:\n        value = None\n    await asyncio.sleep(0)\n",
  "async def f():\n    try:\n        x = compute()\n    except:\n        x = None\n",
  // the await is in a nested function, not in this coroutine's try body
  "import asyncio\nasync def f():\n    try:\n        async def g():\n            await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        pass\n",
  // cancel a child task and wait for it
  "import asyncio\nasync def stop(task):\n    task.cancel()\n    try:\n        await task\n    except asyncio.CancelledError:\n        pass\n",
  "import asyncio\nclass S:\n    async def stop(self):\n        self._task.cancel()\n        try:\n            await self._task\n        except asyncio.CancelledError:\n            pass\n",
  "import asyncio\nclass S:\n    def request_stop(self):\n        self._task.cancel()\n    async def wait_stopped(self):\n        try:\n            await self._task\n        except asyncio.CancelledError:\n            pass\n",
  "import asyncio\nasync def stop(tasks):\n    for t in tasks:\n        t.cancel()\n    try:\n        await asyncio.gather(*tasks)\n    except asyncio.CancelledError:\n        pass\n",
  "import asyncio\nasync def stop(task):\n    task.cancel()\n    try:\n        await asyncio.wait_for(task, timeout=5)\n    except asyncio.CancelledError:\n        pass\n",
  "import asyncio\nasync def stop(app):\n    app['job'].cancel()\n    try:\n        await app['job']\n    except asyncio.CancelledError:\n        pass\n",
  "import asyncio\nfrom contextlib import suppress\nasync def stop(task):\n    task.cancel()\n    with suppress(asyncio.CancelledError):\n        await task\n",
  "import asyncio, contextlib\nasync def stop(task):\n    try:\n        pass\n    finally:\n        task.cancel()\n        with contextlib.suppress(asyncio.CancelledError):\n            await task\n",
  // the child is cancelled inside the guarded block, just before it is awaited
  "import asyncio, contextlib\nasync def settle(fut):\n    with contextlib.suppress(asyncio.CancelledError):\n        fut.cancel()\n        await fut\n",
  // awaiting a task this code created: its CancelledError is the child's (cancelled elsewhere, or on shutdown)
  "import asyncio, contextlib\nasync def run_once(job):\n    t = asyncio.create_task(job())\n    await shutdown()\n    with contextlib.suppress(asyncio.CancelledError):\n        await t\n",
  "import asyncio\nclass Poller:\n    def __init__(self):\n        self._task = None\n    def start(self):\n        self._task = asyncio.get_running_loop().create_task(self._poll())\n    async def stop(self):\n        try:\n            await asyncio.wait_for(self._task, 5)\n        except asyncio.CancelledError:\n            pass\n        self._task = None\n",
  // the exception is kept and raised once the loop is done (deferred re-raise)
  "import asyncio\nasync def close_all(closers):\n    errors = []\n    for close in closers:\n        try:\n            await close()\n        except (Exception, asyncio.CancelledError) as exc:\n            errors.append(exc)\n    if errors:\n        raise errors[0]\n",
  // cleanup inside a handler that re-raises afterwards: a second cancellation during cleanup changes nothing
  "import asyncio, contextlib\nasync def f(conn, helpers):\n    try:\n        await conn.serve()\n    except asyncio.CancelledError:\n        if helpers:\n            with contextlib.suppress(asyncio.CancelledError):\n                await asyncio.gather(*helpers)\n        raise\n",
  "import asyncio\nasync def f(conn):\n    try:\n        await conn.serve()\n    except asyncio.CancelledError:\n        log('stopping')\n    raise ConnectionError('serve() ended')\n",
  // an earlier clause of the same try already takes the cancellation (and re-raises it)
  "import asyncio\nasync def f(waiter):\n    try:\n        await waiter.wait()\n    except asyncio.CancelledError:\n        raise\n    except (Exception, asyncio.CancelledError) as ex:\n        waiter.fail(ex)\n",
  // the program's root coroutine: asyncio.run(main()) in the same file (also behind `if __name__`)
  "import asyncio\nasync def main():\n    try:\n        await serve()\n    except asyncio.CancelledError:\n        print('bye')\nasyncio.run(main())\n",
  "import asyncio\nasync def main():\n    try:\n        await serve()\n    except BaseException:\n        log()\nif __name__ == '__main__':\n    asyncio.run(main())\n",
  "import asyncio\nasync def main():\n    try:\n        await serve()\n    except asyncio.CancelledError:\n        pass\ndef cli():\n    asyncio.get_event_loop().run_until_complete(main())\n",
  "import asyncio, contextlib\nasync def main():\n    with contextlib.suppress(asyncio.CancelledError):\n        await serve()\nasyncio.run(main())\n",
  // `except* CancelledError` that re-raises
  "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except* asyncio.CancelledError:\n        raise\n",
  // suppress of something else; `asyncio` is a local name
  "import contextlib\nasync def f():\n    with contextlib.suppress(KeyError):\n        await g()\n",
  "async def f(asyncio):\n    try:\n        await g()\n    except asyncio.CancelledError:\n        pass\n",
  // strict option: every path raises
  {
    code: "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        if a:\n            log()\n            raise\n        else:\n            raise\n",
    options: [{ reraiseOnEveryPath: true }],
  },
  {
    code: "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        try:\n            await cleanup()\n        finally:\n            raise\n",
    options: [{ reraiseOnEveryPath: true }],
  },
  {
    code: "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        try:\n            await cleanup()\n        except OSError:\n            raise\n        raise\n",
    options: [{ reraiseOnEveryPath: true }],
  },
];

const invalid = [
  {
    name: "except asyncio.CancelledError: pass → the pass becomes raise",
    code: "import asyncio\n\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        pass\n",
    errors: [
      {
        message: swallowed("asyncio.CancelledError"),
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 35,
        suggestions: [{ desc: addRaise, output: "import asyncio\n\nasync def f():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        raise\n" }],
      },
    ],
  },
  {
    name: "from-import alias inside a tuple, with `as e`; raise after the last line and its comment",
    code: "from asyncio import CancelledError as CE\nasync def f():\n    try:\n        await g()\n    except (ValueError, CE) as e:\n        log(e)\n        log(2)  # trailing\n    return 1\n",
    errors: [
      {
        message: swallowed("CE"),
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 34,
        suggestions: [
          {
            messageId: "addRaise",
            output: "from asyncio import CancelledError as CE\nasync def f():\n    try:\n        await g()\n    except (ValueError, CE) as e:\n        log(e)\n        log(2)  # trailing\n        raise\n    return 1\n",
          },
        ],
      },
    ],
  },
  {
    name: "asyncio.exceptions.CancelledError",
    code: "import asyncio.exceptions\nasync def f():\n    try:\n        await g()\n    except asyncio.exceptions.CancelledError:\n        return\n",
    errors: [
      {
        message: swallowed("asyncio.exceptions.CancelledError"),
        line: 5,
        column: 5,
        endColumn: 46,
        suggestions: [{ messageId: "addRaise", output: "import asyncio.exceptions\nasync def f():\n    try:\n        await g()\n    except asyncio.exceptions.CancelledError:\n        raise\n" }],
      },
    ],
  },
  {
    name: "bare except in a worker loop: break becomes raise (one-line suite)",
    code: "async def worker(q):\n    while True:\n        try:\n            await handle(await q.get())\n        except: break\n",
    errors: [
      {
        message: bare,
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 16,
        suggestions: [{ messageId: "addRaise", output: "async def worker(q):\n    while True:\n        try:\n            await handle(await q.get())\n        except: raise\n" }],
      },
    ],
  },
  {
    name: "except BaseException, one-line suite with a call: `; raise` is appended",
    code: "async def f():\n    try:\n        await g()\n    except BaseException: log()\n",
    errors: [
      {
        message: swallowed("BaseException"),
        line: 4,
        column: 5,
        endColumn: 26,
        suggestions: [{ messageId: "addRaise", output: "async def f():\n    try:\n        await g()\n    except BaseException: log(); raise\n" }],
      },
    ],
  },
  {
    name: "return with a value: reported without a suggestion (the author must choose)",
    code: "import asyncio\nasync def f():\n    try:\n        return await g()\n    except asyncio.CancelledError:\n        return None\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [] }],
  },
  {
    name: "the await is in an async for / async with of the try body",
    code: "import asyncio\nasync def f(stream):\n    try:\n        async for chunk in stream:\n            use(chunk)\n    except asyncio.CancelledError:\n        log('stopped')\n",
    errors: [
      {
        message: swallowed("asyncio.CancelledError"),
        line: 6,
        suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(stream):\n    try:\n        async for chunk in stream:\n            use(chunk)\n    except asyncio.CancelledError:\n        log('stopped')\n        raise\n" }],
      },
    ],
  },
  {
    name: "cancel() of another task does not make awaiting a different one the idiom",
    code: "import asyncio\nasync def f(a, b):\n    a.cancel()\n    try:\n        await b\n    except asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 6, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(a, b):\n    a.cancel()\n    try:\n        await b\n    except asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "cancel() after the wait is not the idiom",
    code: "import asyncio\nasync def f(task):\n    try:\n        await task\n    except asyncio.CancelledError:\n        pass\n    task.cancel()\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(task):\n    try:\n        await task\n    except asyncio.CancelledError:\n        raise\n    task.cancel()\n" }] }],
  },
  {
    name: "the cancelled child plus other awaits: our own cancellation can arrive at the others",
    code: "import asyncio\nasync def f(task):\n    task.cancel()\n    try:\n        await task\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 7, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(task):\n    task.cancel()\n    try:\n        await task\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "a task behind asyncio.shield(): our own cancellation arrives there alone",
    code: "import asyncio\nasync def f(job):\n    t = asyncio.create_task(job())\n    try:\n        await asyncio.shield(t)\n    except asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 6, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(job):\n    t = asyncio.create_task(job())\n    try:\n        await asyncio.shield(t)\n    except asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "a kept exception that is never raised again is still swallowed",
    code: "import asyncio\nasync def f(close, errors):\n    try:\n        await close()\n    except asyncio.CancelledError as exc:\n        errors.append(exc)\n    log(errors)\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f(close, errors):\n    try:\n        await close()\n    except asyncio.CancelledError as exc:\n        errors.append(exc)\n        raise\n    log(errors)\n" }] }],
  },
  {
    name: "a main that is not run by asyncio.run in this file is not a program root",
    code: "import asyncio\nasync def main():\n    try:\n        await serve()\n    except asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def main():\n    try:\n        await serve()\n    except asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "asyncio.run(main()) exempts main only, not the coroutines it awaits",
    code: "import asyncio\nasync def serve():\n    try:\n        await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        pass\nasync def main():\n    await serve()\nasyncio.run(main())\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def serve():\n    try:\n        await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        raise\nasync def main():\n    await serve()\nasyncio.run(main())\n" }] }],
  },
  {
    name: "an async method, a tab-indented handler",
    code: "import asyncio\nclass W:\n\tasync def run(self):\n\t\ttry:\n\t\t\tawait self.step()\n\t\texcept asyncio.CancelledError:\n\t\t\tself.log()\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 6, column: 3, suggestions: [{ messageId: "addRaise", output: "import asyncio\nclass W:\n\tasync def run(self):\n\t\ttry:\n\t\t\tawait self.step()\n\t\texcept asyncio.CancelledError:\n\t\t\tself.log()\n\t\t\traise\n" }] }],
  },
  {
    name: "CRLF line endings",
    code: "import asyncio\r\nasync def f():\r\n    try:\r\n        await g()\r\n    except asyncio.CancelledError:\r\n        log()\r\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\r\nasync def f():\r\n    try:\r\n        await g()\r\n    except asyncio.CancelledError:\r\n        log()\r\n        raise\r\n" }] }],
  },
  {
    name: "a code fragment that never imports asyncio",
    code: "async def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 4, suggestions: [{ messageId: "addRaise", output: "async def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "contextlib.suppress(asyncio.CancelledError) around our own await: reported on the call, no suggestion",
    code: "import asyncio\nfrom contextlib import suppress\nasync def f():\n    with suppress(asyncio.CancelledError):\n        await asyncio.sleep(5)\n",
    errors: [{ message: suppressed("asyncio.CancelledError"), line: 4, column: 10, endLine: 4, endColumn: 42, suggestions: [] }],
  },
  {
    name: "strict option: raise on one path only",
    code: "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        if not closing:\n            raise\n",
    options: [{ reraiseOnEveryPath: true }],
    errors: [{ message: onSomePath("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        if not closing:\n            raise\n        raise\n" }] }],
  },
  {
    name: "strict option: an early return escapes",
    code: "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        if done:\n            return\n        raise\n",
    options: [{ reraiseOnEveryPath: true }],
    errors: [{ message: onSomePath("asyncio.CancelledError"), line: 5, suggestions: [] }],
  },
  {
    name: "except* (exception groups)",
    code: "import asyncio\nasync def f():\n    try:\n        await g()\n    except* asyncio.CancelledError:\n        pass\n",
    errors: [{ message: swallowed("asyncio.CancelledError"), line: 5, column: 5, endColumn: 36, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f():\n    try:\n        await g()\n    except* asyncio.CancelledError:\n        raise\n" }] }],
  },
  {
    name: "strict option, bare except raising in a loop only",
    code: "async def f():\n    try:\n        await g()\n    except:\n        for attempt in range(3):\n            raise\n",
    options: [{ reraiseOnEveryPath: true }],
    errors: [{ messageId: "swallowedBareOnSomePath", line: 4, suggestions: [{ messageId: "addRaise", output: "async def f():\n    try:\n        await g()\n    except:\n        for attempt in range(3):\n            raise\n        raise\n" }] }],
  },
  {
    name: "two handlers: the first that catches the cancellation is the one reported (the later never sees it)",
    code: "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        pass\n    except BaseException:\n        pass\n",
    errors: [
      { message: swallowed("asyncio.CancelledError"), line: 5, suggestions: [{ messageId: "addRaise", output: "import asyncio\nasync def f():\n    try:\n        await g()\n    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        pass\n" }] },
    ],
  },
];

pythonRuleTester().run("no-swallowed-cancellation", rule as never, { valid, invalid } as never);

describe("no-swallowed-cancellation outputs", () => {
  it("every suggestion is valid Python", () => {
    const { suggestions } = outputsOf(invalid);
    expect(suggestions.length).toBeGreaterThan(10);
    for (const output of suggestions) assertParses(output);
  });
});
