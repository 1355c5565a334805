import rule from "../../../rules/python/no-legacy-event-loop.js";
import { assertCompiles, assertParses, outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const inCoroutine = "Use 'asyncio.get_running_loop()' inside 'async def': 'get_event_loop()' is the legacy spelling.";
const runUntilComplete =
  "Running a coroutine with 'get_event_loop()' and 'run_until_complete()' is the legacy pattern: use 'asyncio.run()', which creates, runs and closes the loop ('get_event_loop()' without a loop warns since Python 3.12 and fails in 3.14).";
const useRun = (argument: string) => `Replace with 'asyncio.run(${argument})'.`;

const valid = [
  // the right spellings
  "import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n",
  "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n",
  // new_event_loop used deliberately, with set_event_loop
  "import asyncio\nasync def main():\n    pass\nloop = asyncio.new_event_loop()\nasyncio.set_event_loop(loop)\ntry:\n    loop.run_until_complete(main())\nfinally:\n    loop.close()\n",
  "import asyncio\ndef run():\n    loop = asyncio.new_event_loop()\n    return loop.run_until_complete(main())\n",
  // the loop fetched is the one the code just set
  "import asyncio\ndef run():\n    asyncio.set_event_loop(asyncio.new_event_loop())\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n",
  "import asyncio\nasyncio.set_event_loop(asyncio.new_event_loop())\nasyncio.get_event_loop().run_until_complete(main())\n",
  // the loop is set by hand elsewhere in the file: get_event_loop() returns that loop on purpose
  "import asyncio\ndef setup():\n    asyncio.set_event_loop(asyncio.new_event_loop())\ndef run():\n    asyncio.get_event_loop().run_until_complete(main())\n",
  // get_event_loop() in sync code for something else than running a program: not in the catalogue
  "import asyncio\ndef schedule(cb):\n    asyncio.get_event_loop().call_soon(cb)\n",
  "import asyncio\nasyncio.get_event_loop().run_forever()\n",
  // a nested sync def or lambda inside async def may run in a thread without a loop
  "import asyncio\nasync def f():\n    def g():\n        return asyncio.get_event_loop()\n    return g\n",
  "import asyncio\nasync def f():\n    return lambda: asyncio.get_event_loop()\n",
  // the loop variable is bound two ways (the classic fallback): we do not know which loop runs
  "import asyncio\ndef run():\n    try:\n        loop = asyncio.get_event_loop()\n    except RuntimeError:\n        loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())\n",
  // unknown receivers; other libraries
  "def run(loop):\n    loop.run_until_complete(main())\n",
  "import trio as asyncio\nasync def f():\n    asyncio.get_event_loop()\n",
  "import asyncio\nasync def f(policy):\n    return policy.get_event_loop()\n",
  "import asyncio\nasync def f():\n    return asyncio.get_event_loop_policy()\n",
];

const invalid = [
  {
    name: "inside async def: fix to get_running_loop()",
    code: "import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    await loop.run_in_executor(None, g)\n",
    output: "import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(None, g)\n",
    errors: [{ message: inCoroutine, line: 4, column: 12, endLine: 4, endColumn: 36 }],
  },
  {
    name: "from-import alias: the call becomes asyncio.get_running_loop(), importing asyncio",
    code: "from asyncio import get_event_loop as gel\nasync def f():\n    return gel().time()\n",
    output: "import asyncio\nfrom asyncio import get_event_loop as gel\nasync def f():\n    return asyncio.get_running_loop().time()\n",
    errors: [{ message: inCoroutine, line: 3, column: 12, endColumn: 17 }],
  },
  {
    name: "asyncio.events.get_event_loop, async method",
    code: "import asyncio.events\nclass C:\n    async def run(self):\n        self.loop = asyncio.events.get_event_loop()\n",
    output: "import asyncio.events\nclass C:\n    async def run(self):\n        self.loop = asyncio.get_running_loop()\n",
    errors: [{ message: inCoroutine, line: 4, column: 21 }],
  },
  {
    name: "a fragment without `import asyncio`: the import is added",
    code: "async def run_blocking():\n    loop = asyncio.get_event_loop()\n    await loop.run_in_executor(None, blocking_func)\n",
    output: "import asyncio\nasync def run_blocking():\n    loop = asyncio.get_running_loop()\n    await loop.run_in_executor(None, blocking_func)\n",
    errors: [{ message: inCoroutine, line: 2, column: 12 }],
  },
  {
    name: "`asyncio` bound to something else in that scope: no fix",
    code: "from asyncio import get_event_loop\nasync def f(asyncio):\n    return get_event_loop()\n",
    output: null,
    errors: [{ message: inCoroutine, line: 3 }],
  },
  {
    name: "inside async def, chained run_until_complete: only the get_event_loop() is reported (fixed)",
    code: "import asyncio\nasync def f():\n    asyncio.get_event_loop().run_until_complete(g())\n",
    output: "import asyncio\nasync def f():\n    asyncio.get_running_loop().run_until_complete(g())\n",
    errors: [{ message: inCoroutine, line: 3, column: 5, endColumn: 29 }],
  },
  {
    name: "module level, chained: suggest asyncio.run",
    code: "import asyncio\n\nasync def main():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main())\n",
    errors: [
      {
        message: runUntilComplete,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 52,
        suggestions: [{ desc: useRun("main()"), output: "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n" }],
      },
    ],
  },
  {
    name: "sync function, chained, value returned; fragment without import",
    code: "def sync_call():\n    return asyncio.get_event_loop().run_until_complete(async_func())\n",
    errors: [
      {
        message: runUntilComplete,
        line: 2,
        column: 12,
        endColumn: 69,
        suggestions: [{ messageId: "useAsyncioRun", output: "import asyncio\ndef sync_call():\n    return asyncio.run(async_func())\n" }],
      },
    ],
  },
  {
    name: "two statements: the assignment and a trailing loop.close() go too",
    code: "import asyncio\n\n\ndef run():\n    loop = asyncio.get_event_loop()  # legacy\n    loop.run_until_complete(main(1))\n    loop.close()\n    print('done')\n\n\nasync def main(n):\n    pass\n",
    errors: [
      {
        message: runUntilComplete,
        line: 6,
        column: 5,
        endColumn: 37,
        suggestions: [{ messageId: "useAsyncioRun", output: "import asyncio\n\n\ndef run():\n    asyncio.run(main(1))\n    print('done')\n\n\nasync def main(n):\n    pass\n" }],
      },
    ],
  },
  {
    name: "two statements at module level, from-import",
    code: "from asyncio import get_event_loop\nimport asyncio\nasync def main():\n    pass\nloop = get_event_loop()\nresult = loop.run_until_complete(main())\n",
    errors: [
      {
        message: runUntilComplete,
        line: 6,
        column: 10,
        suggestions: [{ messageId: "useAsyncioRun", output: "from asyncio import get_event_loop\nimport asyncio\nasync def main():\n    pass\nresult = asyncio.run(main())\n" }],
      },
    ],
  },
  {
    name: "the loop is used for something else afterwards: no suggestion",
    code: "import asyncio\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.run_forever()\n",
    errors: [{ message: runUntilComplete, line: 3, suggestions: [] }],
  },
  {
    name: "two runs on the same loop: both reported, no suggestion",
    code: "import asyncio\ndef run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(setup())\n    loop.run_until_complete(serve())\n",
    errors: [
      { message: runUntilComplete, line: 4, suggestions: [] },
      { message: runUntilComplete, line: 5, suggestions: [] },
    ],
  },
  {
    name: "close() in a finally would leave the block half-rewritten: no suggestion",
    code: "import asyncio\ndef run():\n    loop = asyncio.get_event_loop()\n    try:\n        loop.run_until_complete(main())\n    finally:\n        loop.close()\n",
    errors: [{ message: runUntilComplete, line: 5, suggestions: [] }],
  },
  {
    name: "a function that sets and runs its own loop does not excuse another function",
    code: "import asyncio\ndef own():\n    loop = asyncio.new_event_loop()\n    asyncio.set_event_loop(loop)\n    loop.run_until_complete(main())\ndef legacy():\n    asyncio.get_event_loop().run_until_complete(main())\n",
    errors: [{ message: runUntilComplete, line: 7, suggestions: [] }],
  },
  {
    name: "set_event_loop(None) does not choose a loop",
    code: "import asyncio\nasync def main():\n    pass\ndef run():\n    asyncio.get_event_loop().run_until_complete(main())\ndef teardown():\n    asyncio.set_event_loop(None)\n",
    errors: [{ message: runUntilComplete, line: 5, suggestions: [] }],
  },
  {
    name: "the global loop is used again later (run_forever): no suggestion",
    code: "start_server = websockets.serve(handler, 'localhost', 8765)\nasyncio.get_event_loop().run_until_complete(start_server)\nasyncio.get_event_loop().run_forever()\n",
    errors: [{ message: runUntilComplete, line: 2, column: 1, suggestions: [] }],
  },
  {
    name: "an argument that is not a coroutine: asyncio.run() would reject it, no suggestion",
    code: "import asyncio\nasyncio.get_event_loop().run_until_complete(asyncio.gather(a(), b()))\n",
    errors: [{ message: runUntilComplete, line: 2, suggestions: [] }],
  },
  {
    name: "a same-file sync function returns something else than a coroutine: no suggestion",
    code: "import asyncio\ndef make():\n    return asyncio.ensure_future(work())\nasyncio.get_event_loop().run_until_complete(make())\n",
    errors: [{ message: runUntilComplete, line: 4, suggestions: [] }],
  },
  {
    name: "the loop in an outer scope: reported, no suggestion (the assignment is elsewhere)",
    code: "import asyncio\nloop = asyncio.get_event_loop()\ndef run():\n    loop.run_until_complete(main())\n",
    errors: [{ message: runUntilComplete, line: 4, suggestions: [] }],
  },
];

pythonRuleTester().run("no-legacy-event-loop", rule as never, { valid, invalid } as never);

describe("no-legacy-event-loop outputs", () => {
  const { fixes, suggestions } = outputsOf(invalid);
  it("every autofix compiles", () => {
    expect(fixes.length).toBeGreaterThan(4);
    for (const output of fixes) assertCompiles(output);
  });
  it("every suggestion is valid Python", () => {
    expect(suggestions.length).toBeGreaterThan(3);
    for (const output of suggestions) assertParses(output);
  });
});
