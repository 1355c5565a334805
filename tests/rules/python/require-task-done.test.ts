import rule from "../../../rules/python/require-task-done.js";
import { assertParses, outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const missing = (queue: string) =>
  `'${queue}' is joined ('${queue}.join()'), but this consumer takes items without ever calling '${queue}.task_done()': the join() will wait forever.`;
const wrap = (queue: string) => `Process the item in 'try:' and call '${queue}.task_done()' in 'finally:'.`;

/** The asyncio docs' example: workers get from the queue main() creates, passes in and joins. */
const main = "async def main():\n    queue = asyncio.Queue()\n    tasks = [asyncio.create_task(worker(f'w{i}', queue)) for i in range(3)]\n    await queue.join()\n";

const valid = [
  // task_done on every path, in finally, in a branch
  `import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()\n        await handle(item)\n        queue.task_done()\n${main}`,
  `import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()\n        try:\n            await handle(item)\n        finally:\n            queue.task_done()\n${main}`,
  `import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()\n        if item is None:\n            queue.task_done()\n            break\n        await handle(item)\n        queue.task_done()\n${main}`,
  // never joined: nobody waits for task_done()
  "import asyncio\nasync def worker(queue):\n    while True:\n        await handle(await queue.get())\nasync def main():\n    queue = asyncio.Queue()\n    asyncio.create_task(worker(queue))\n",
  // joined, but a different queue
  "import asyncio\nasync def worker(inbox):\n    while True:\n        await handle(await inbox.get())\nasync def main():\n    inbox, jobs = asyncio.Queue(), asyncio.Queue()\n    t = asyncio.create_task(worker(inbox))\n    await jobs.join()\n",
  // self.queue: task_done in another method of the class
  "import asyncio\nclass Pool:\n    def __init__(self):\n        self.queue = asyncio.Queue()\n    async def work(self):\n        while True:\n            job = await self.queue.get()\n            await self.process(job)\n    async def process(self, job):\n        try:\n            await job()\n        finally:\n            self.queue.task_done()\n    async def run(self):\n        await self.queue.join()\n",
  // a base class we cannot see may provide the method that calls task_done()
  "import asyncio\nfrom framework import Worker\nclass Pool(Worker):\n    async def work(self):\n        while True:\n            job = await self.queue.get()\n            await self.process(job)\n    async def run(self):\n        await self.queue.join()\n",
  "import asyncio\nfrom framework import Worker\nclass Pool(Worker):\n    async def work(self):\n        while True:\n            job = await self.queue.get()\n            await super().finish(job)\n    async def run(self):\n        await self.queue.join()\n",
  // the consumer hands the queue on: that code may call task_done()
  `import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()\n        await handle(queue, item)\n${main}`,
  `import asyncio\nasync def worker(name, queue):\n    q = queue\n    while True:\n        item = await q.get()\n${main}`,
  // get_nowait with task_done
  "import asyncio\nq = asyncio.Queue()\ndef drain():\n    while not q.empty():\n        q.get_nowait()\n        q.task_done()\nasync def main():\n    await q.join()\n",
  // items taken after the last join() cannot hold it up
  "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    await q.join()\n    while not q.empty():\n        q.get_nowait()\n",
  // not a queue get: arguments, not awaited
  "import asyncio\nasync def f(q):\n    value = await q.get('key')\n    await q.join()\n",
  "async def f(d):\n    value = d.get()\n    await d.join()\n",
  // a join() whose coroutine is dropped joins nothing
  "import asyncio\nasync def f():\n    q = asyncio.Queue()\n    item = await q.get()\n    q.join()\n",
  // the queue passed to a parameter at another position
  "import asyncio\nasync def worker(queue, results):\n    while True:\n        await results.put(await queue.get())\n        queue.task_done()\nasync def main():\n    jobs, results = asyncio.Queue(), asyncio.Queue()\n    asyncio.create_task(worker(jobs, results))\n    await jobs.join()\n",
  // the same name in another function is another variable
  "import asyncio\nasync def reader():\n    queue = asyncio.Queue()\n    return await queue.get()\nasync def main():\n    queue = asyncio.Queue()\n    await queue.join()\n",
];

const invalid = [
  {
    name: "the asyncio docs' worker without task_done(): wrap the rest of the loop body",
    code: `import asyncio\nasync def worker(name, queue):\n    while True:\n        sleep_for = await queue.get()\n        await asyncio.sleep(sleep_for)\n        print(f'{name} slept {sleep_for}')\n${main}`,
    errors: [
      {
        message: missing("queue"),
        line: 4,
        column: 27,
        endLine: 4,
        endColumn: 38,
        suggestions: [
          {
            desc: wrap("queue"),
            output: `import asyncio\nasync def worker(name, queue):\n    while True:\n        sleep_for = await queue.get()\n        try:\n            await asyncio.sleep(sleep_for)\n            print(f'{name} slept {sleep_for}')\n        finally:\n            queue.task_done()\n${main}`,
          },
        ],
      },
    ],
  },
  {
    name: "comments, blank lines, a break and a multi-line string move into the try untouched",
    code: 'import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()  # take one\n        # stop signal\n        if item is None:\n            break\n\n        text = """first\nsecond"""\n        await handle(item, text)\n' + main,
    errors: [
      {
        message: missing("queue"),
        line: 4,
        column: 22,
        suggestions: [
          {
            messageId: "wrapInTryFinally",
            output:
              'import asyncio\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()  # take one\n        try:\n            # stop signal\n            if item is None:\n                break\n\n            text = """first\nsecond"""\n            await handle(item, text)\n        finally:\n            queue.task_done()\n' +
              main,
          },
        ],
      },
    ],
  },
  {
    name: "self.queue across methods; wait_for(self.queue.get(), …) consumes too",
    code: "import asyncio\nclass Pool:\n    def __init__(self):\n        self.queue = asyncio.Queue()\n    async def work(self):\n        while True:\n            job = await asyncio.wait_for(self.queue.get(), timeout=5)\n            await job()\n    async def run(self):\n        await self.queue.join()\n",
    errors: [
      {
        message: missing("self.queue"),
        line: 7,
        column: 42,
        endColumn: 58,
        suggestions: [
          {
            messageId: "wrapInTryFinally",
            output: "import asyncio\nclass Pool:\n    def __init__(self):\n        self.queue = asyncio.Queue()\n    async def work(self):\n        while True:\n            job = await asyncio.wait_for(self.queue.get(), timeout=5)\n            try:\n                await job()\n            finally:\n                self.queue.task_done()\n    async def run(self):\n        await self.queue.join()\n",
          },
        ],
      },
    ],
  },
  {
    name: "a class with a base class, but the consumer calls only its own methods",
    code: "import asyncio\nclass Pool(Base):\n    async def work(self):\n        while True:\n            job = await self.queue.get()\n            await self.run_job(job)\n    async def run_job(self, job):\n        await job()\n    async def run(self):\n        await self.queue.join()\n",
    errors: [
      {
        message: missing("self.queue"),
        line: 5,
        column: 25,
        endColumn: 41,
        suggestions: [
          {
            messageId: "wrapInTryFinally",
            output: "import asyncio\nclass Pool(Base):\n    async def work(self):\n        while True:\n            job = await self.queue.get()\n            try:\n                await self.run_job(job)\n            finally:\n                self.queue.task_done()\n    async def run_job(self, job):\n        await job()\n    async def run(self):\n        await self.queue.join()\n",
          },
        ],
      },
    ],
  },
  {
    name: "a method consumer fed with self.method(self.queue); join in another method",
    code: "import asyncio\nclass Pool:\n    async def consume(self, q):\n        while True:\n            await self.handle(await q.get())\n    async def run(self):\n        self.jobs = asyncio.Queue()\n        self.t = asyncio.create_task(self.consume(self.jobs))\n        await self.jobs.join()\n",
    errors: [
      {
        message: missing("q"),
        line: 5,
        column: 37,
        suggestions: [],
      },
    ],
  },
  {
    name: "a module-level queue, tab indentation, keyword argument at the call site",
    code: "import asyncio\njobs = asyncio.Queue()\nasync def worker(*, queue):\n\twhile True:\n\t\tjob = await queue.get()\n\t\tawait job()\nasync def main():\n\tasyncio.create_task(worker(queue=jobs))\n\tawait jobs.join()\n",
    errors: [
      {
        message: missing("queue"),
        line: 5,
        column: 15,
        suggestions: [
          {
            messageId: "wrapInTryFinally",
            output: "import asyncio\njobs = asyncio.Queue()\nasync def worker(*, queue):\n\twhile True:\n\t\tjob = await queue.get()\n\t\ttry:\n\t\t\tawait job()\n\t\tfinally:\n\t\t\tqueue.task_done()\nasync def main():\n\tasyncio.create_task(worker(queue=jobs))\n\tawait jobs.join()\n",
          },
        ],
      },
    ],
  },
  {
    name: "a closure over the local queue; get_nowait in a return: no suggestion",
    code: "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    def take():\n        return q.get_nowait()\n    await asyncio.wait_for(q.join(), 10)\n",
    errors: [{ message: missing("q"), line: 5, column: 16, endColumn: 30, suggestions: [] }],
  },
  {
    name: "a module-level queue used directly, CRLF",
    code: "import asyncio\r\nq = asyncio.Queue()\r\nasync def consumer():\r\n    while True:\r\n        item = await q.get()\r\n        print(item)\r\nasync def main():\r\n    await q.join()\r\n",
    errors: [
      {
        message: missing("q"),
        line: 5,
        suggestions: [
          {
            messageId: "wrapInTryFinally",
            output: "import asyncio\r\nq = asyncio.Queue()\r\nasync def consumer():\r\n    while True:\r\n        item = await q.get()\r\n        try:\r\n            print(item)\r\n        finally:\r\n            q.task_done()\r\nasync def main():\r\n    await q.join()\r\n",
          },
        ],
      },
    ],
  },
  {
    name: "the item is processed in the statement that takes it: no suggestion",
    code: `import asyncio\nasync def worker(name, queue):\n    while True:\n        await handle(await queue.get())\n        print(name)\n${main}`,
    errors: [{ message: missing("queue"), line: 4, column: 28, suggestions: [] }],
  },
  {
    name: "the get shares a line with its loop header: no suggestion",
    code: `import asyncio\nasync def worker(name, queue):\n    while True: await queue.get(); print(name)\n${main}`,
    errors: [{ message: missing("queue"), line: 3, suggestions: [] }],
  },
];

pythonRuleTester().run("require-task-done", rule as never, { valid, invalid } as never);

describe("require-task-done outputs", () => {
  it("every suggestion is valid Python", () => {
    const { suggestions } = outputsOf(invalid);
    expect(suggestions.length).toBeGreaterThan(4);
    for (const output of suggestions) assertParses(output);
  });
});
