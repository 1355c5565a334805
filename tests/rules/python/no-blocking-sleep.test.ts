import noBlockingSleep from "../../../rules/python/no-blocking-sleep.js";
import { pythonRuleTester } from "./rule-tester.js";

const message = (name = "time.sleep") =>
  `'${name}()' blocks the event loop inside 'async def'; use 'await asyncio.sleep()'.`;

pythonRuleTester().run("no-blocking-sleep", noBlockingSleep as never, {
  valid: [
    // sync functions and module level may block
    "import time\ndef f():\n    time.sleep(1)\n",
    "import time\ntime.sleep(1)\n",
    // a nested sync def or lambda inside async def may be offloaded to a thread
    "import time\nasync def f():\n    def g():\n        time.sleep(1)\n    await asyncio.to_thread(g)\n",
    "import time\nasync def f():\n    await loop.run_in_executor(None, lambda: time.sleep(1))\n",
    // passed uncalled
    "import asyncio, time\nasync def f():\n    await asyncio.to_thread(time.sleep, 1)\n",
    // the right thing
    "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
    // `time` is something else here
    "import time\nasync def f(time):\n    time.sleep(1)\n",
    "async def f():\n    time.sleep(1)\n",
    "from trio import sleep\nasync def f():\n    await sleep(1)\n",
    "import time\nclass C:\n    time = None\n    async def f(self):\n        self.time.sleep(1)\n",
  ],
  invalid: [
    {
      code: "import time\n\nasync def f():\n    time.sleep(1)\n",
      output: "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n",
      errors: [{ message: message(), line: 4, column: 5, endLine: 4, endColumn: 18 }],
    },
    {
      name: "import alias",
      code: "import asyncio\nimport time as t\nasync def f():\n    t.sleep(0.5)\n",
      output: "import asyncio\nimport time as t\nasync def f():\n    await asyncio.sleep(0.5)\n",
      errors: [{ message: message(), line: 4, column: 5 }],
    },
    {
      name: "from-import",
      code: "import asyncio\nfrom time import sleep\nasync def f():\n    sleep(2)\n",
      output: "import asyncio\nfrom time import sleep\nasync def f():\n    await asyncio.sleep(2)\n",
      errors: [{ message: message(), line: 4, column: 5 }],
    },
    {
      name: "from-import alias",
      code: "import asyncio\nfrom time import sleep as nap\nasync def f():\n    nap(2)\n",
      output: "import asyncio\nfrom time import sleep as nap\nasync def f():\n    await asyncio.sleep(2)\n",
      errors: [{ message: message(), line: 4, column: 5 }],
    },
    {
      name: "import inside the coroutine",
      code: "import asyncio\nasync def f():\n    import time\n    time.sleep(1)\n",
      output: "import asyncio\nasync def f():\n    import time\n    await asyncio.sleep(1)\n",
      errors: [{ message: message() }],
    },
    {
      name: "docstring and __future__ import come first",
      code: '"""Doc."""\nfrom __future__ import annotations\nimport time\nasync def f():\n    time.sleep(1)\n',
      output: '"""Doc."""\nfrom __future__ import annotations\nimport asyncio\nimport time\nasync def f():\n    await asyncio.sleep(1)\n',
      errors: [{ message: message() }],
    },
    {
      // One pass: both fixes carry the import, so they overlap and the second waits for the next pass.
      name: "two sleeps: the import is added once",
      code: "import time\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n",
      output: "import asyncio\nimport time\nasync def f():\n    await asyncio.sleep(1)\n    time.sleep(2)\n",
      errors: [{ message: message(), line: 3 }, { message: message(), line: 4 }],
    },
    {
      name: "already awaited (a TypeError at run time): only the callee changes",
      code: "import asyncio, time\nasync def f():\n    await time.sleep(1)\n",
      output: "import asyncio, time\nasync def f():\n    await asyncio.sleep(1)\n",
      errors: [{ message: message() }],
    },
    {
      name: "precedence: an attribute of the result needs parentheses",
      code: "import asyncio, time\nasync def f():\n    return time.sleep(1).real\n",
      output: "import asyncio, time\nasync def f():\n    return (await asyncio.sleep(1)).real\n",
      errors: [{ message: message() }],
    },
    {
      name: "inside a generator expression `await` would change its type: report without a fix",
      code: "import asyncio, time\nasync def f():\n    return list(time.sleep(1) for _ in range(3))\n",
      output: null,
      errors: [{ message: message() }],
    },
    {
      name: "`asyncio` is bound to something else: no fix",
      code: "import time\nimport trio as asyncio\nasync def f():\n    time.sleep(1)\n",
      output: null,
      errors: [{ message: message() }],
    },
    {
      name: "async method, CRLF line endings",
      code: "import asyncio\r\nimport time\r\nclass A:\r\n    async def run(self):\r\n        time.sleep(1)\r\n",
      output: "import asyncio\r\nimport time\r\nclass A:\r\n    async def run(self):\r\n        await asyncio.sleep(1)\r\n",
      errors: [{ message: message(), line: 5, column: 9, endColumn: 22 }],
    },
    {
      name: "non-ASCII text before the call: UTF-16 columns",
      code: "import asyncio, time\nasync def f():\n    s = '😀é'; time.sleep(1)\n",
      output: "import asyncio, time\nasync def f():\n    s = '😀é'; await asyncio.sleep(1)\n",
      errors: [{ message: message(), line: 3, column: 16 }],
    },
    {
      name: "a foreign noqa code does not silence",
      code: "import asyncio, time\nasync def f():\n    time.sleep(1)  # noqa: E501\n",
      output: "import asyncio, time\nasync def f():\n    await asyncio.sleep(1)  # noqa: E501\n",
      errors: [{ message: message() }],
    },
  ],
});
