import rule from "../../../rules/python/no-dangling-task.js";
import { assertCompiles, outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

const valid = [
  // a TaskGroup keeps its tasks
  "import asyncio\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(c())\n",
  // receivers not proven to be an event loop: a parameter, an attribute of something else, a rebound name
  "async def f(loop):\n    loop.create_task(c())\n",
  "async def f(self):\n    self.scheduler.create_task(c())\n",
  "import asyncio\nasync def f(flag):\n    loop = asyncio.get_running_loop()\n    if flag:\n        loop = make_scheduler()\n    loop.create_task(c())\n",
  "import asyncio\nclass A:\n    def __init__(self, loop):\n        self.loop = loop\n    def f(self):\n        self.loop.create_task(c())\n",
  // stored on self, in a container, returned, passed on, awaited
  "import asyncio\nclass A:\n    async def f(self):\n        self.task = asyncio.create_task(c())\n",
  "import asyncio\nasync def f(tasks, app):\n    tasks.append(asyncio.create_task(c()))\n    app['health'] = asyncio.create_task(c())\n    workers = [asyncio.create_task(c()) for _ in range(3)]\n    return workers\n",
  "import asyncio\nasync def f():\n    return asyncio.create_task(c())\n",
  "import asyncio\nasync def f():\n    register(asyncio.create_task(c()))\n",
  "import asyncio\nasync def f():\n    await asyncio.create_task(c())\n",
  "import asyncio\nasync def f():\n    t = asyncio.create_task(c())\n    await t\n",
  "import asyncio\nasync def f():\n    if (t := asyncio.create_task(c())):\n        pass\n",
  "import asyncio\ncallback = lambda: asyncio.create_task(c())\n",
  "import asyncio\nasync def f(cb):\n    asyncio.create_task(c()).add_done_callback(cb)\n",
  // the background-task set idiom from the asyncio docs
  "import asyncio\nbackground_tasks = set()\nasync def f():\n    task = asyncio.create_task(c())\n    background_tasks.add(task)\n    task.add_done_callback(background_tasks.discard)\n",
  // any later read keeps it: cancel, logging, a closure, the next loop iteration
  "import asyncio\nasync def f():\n    task = asyncio.create_task(c())\n    task.cancel()\n",
  "import asyncio, logging\nasync def f():\n    task = asyncio.create_task(c())\n    logging.info('started %s', task)\n",
  "import asyncio\nasync def f():\n    task = asyncio.create_task(c())\n    def stop():\n        task.cancel()\n    return stop\n",
  "import asyncio\nasync def f(items):\n    previous = None\n    for item in items:\n        if previous:\n            await previous\n        previous = asyncio.create_task(c(item))\n",
  // not a local: module level (importable), `global`, `nonlocal`
  "import asyncio\ntask = asyncio.ensure_future(main())\n",
  "import asyncio\nasync def f():\n    global task\n    task = asyncio.create_task(c())\n",
  // `ensure_future` of an existing future makes no new task
  "import asyncio\nasync def f(fut):\n    asyncio.ensure_future(fut)\n",
  // `asyncio` is something else here
  "import trio as asyncio\nasync def f():\n    asyncio.create_task(c())\n",
  "async def f(asyncio):\n    asyncio.create_task(c())\n",
  // (`# noqa: RUF006` / `# noqa: ASYNC300` silence it too: see test-fixtures/python/no-dangling-task.py)
];

const invalid = [
  { name: "dropped in async def: keep a reference, or await the coroutine", code: "import asyncio\n\n\nasync def handler():\n    asyncio.create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 38, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = asyncio.create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "from-import: `import asyncio` is added for the set's annotation", code: "from asyncio import create_task\n\n\nasync def handler():\n    create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 30, suggestions: [{ messageId: "keepReference", output: "import asyncio\nfrom asyncio import create_task\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "from asyncio import create_task\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "aliased from-import: the call does not spell `create_task`, the import does", code: "from asyncio import create_task as spawn\n\n\nasync def handler():\n    spawn(send_email())\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 24, suggestions: [{ messageId: "keepReference", output: "import asyncio\nfrom asyncio import create_task as spawn\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = spawn(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "from asyncio import create_task as spawn\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "ensure_future of a coroutine; `name=` rules out the await suggestion", code: "import asyncio\n\n\nasync def handler():\n    asyncio.ensure_future(send_email())\n    asyncio.create_task(send_email(), name=\"mail\")\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 40, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = asyncio.ensure_future(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    asyncio.create_task(send_email(), name=\"mail\")\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    await send_email()\n    asyncio.create_task(send_email(), name=\"mail\")\n" }] }, { messageId: "droppedTask", line: 6, column: 5, endLine: 6, endColumn: 51, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    asyncio.ensure_future(send_email())\n    task = asyncio.create_task(send_email(), name=\"mail\")\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }] }] },
  { name: "loop from get_running_loop()", code: "import asyncio\n\n\nasync def handler():\n    loop = asyncio.get_running_loop()\n    loop.create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 6, column: 5, endLine: 6, endColumn: 35, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    loop = asyncio.get_running_loop()\n    task = loop.create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    loop = asyncio.get_running_loop()\n    await send_email()\n" }] }] },
  { name: "loop annotated as an event loop; a running-loop call as receiver", code: "import asyncio\n\n\ndef schedule(loop: asyncio.AbstractEventLoop):\n    loop.create_task(send_email())\n    asyncio.get_running_loop().create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 35, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\ndef schedule(loop: asyncio.AbstractEventLoop):\n    task = loop.create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    asyncio.get_running_loop().create_task(send_email())\n" }] }, { messageId: "droppedTask", line: 6, column: 5, endLine: 6, endColumn: 57, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\ndef schedule(loop: asyncio.AbstractEventLoop):\n    loop.create_task(send_email())\n    task = asyncio.get_running_loop().create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }] }] },
  { name: "self.loop assigned only an event loop", code: "import asyncio\n\n\nclass Mailer:\n    def __init__(self):\n        self.loop = asyncio.new_event_loop()\n\n    def schedule(self):\n        self.loop.create_task(self.send())\n", errors: [{ messageId: "droppedTask", line: 9, column: 9, endLine: 9, endColumn: 43, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nclass Mailer:\n    def __init__(self):\n        self.loop = asyncio.new_event_loop()\n\n    def schedule(self):\n        task = self.loop.create_task(self.send())\n        _background_tasks.add(task)\n        task.add_done_callback(_background_tasks.discard)\n" }] }] },
  { name: "bound to a local never read again", code: "import asyncio\n\n\nasync def handler():\n    task = asyncio.create_task(send_email())\n    return 'ok'\n", errors: [{ messageId: "unusedTask", line: 5, column: 12, endLine: 5, endColumn: 45, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = asyncio.create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    return 'ok'\n" }] }] },
  { name: "rebound before any read", code: "import asyncio\n\n\nasync def main():\n    task = asyncio.create_task(coro())\n    task = asyncio.ensure_future(coro())\n", errors: [{ messageId: "unusedTask", line: 5, column: 12, endLine: 5, endColumn: 39, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def main():\n    task = asyncio.create_task(coro())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n    task = asyncio.ensure_future(coro())\n" }] }, { messageId: "unusedTask", line: 6, column: 12, endLine: 6, endColumn: 41, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def main():\n    task = asyncio.create_task(coro())\n    task = asyncio.ensure_future(coro())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }] }] },
  { name: "sync callback: only the keep-a-reference suggestion", code: "import asyncio\n\n\ndef on_message(msg):\n    asyncio.create_task(handle(msg))\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 37, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\ndef on_message(msg):\n    task = asyncio.create_task(handle(msg))\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }] }] },
  { name: "an existing module-level set is reused", code: "import asyncio\n\nbackground_tasks = set()\n\n\nasync def handler():\n    asyncio.create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 7, column: 5, endLine: 7, endColumn: 38, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\nbackground_tasks = set()\n\n\nasync def handler():\n    task = asyncio.create_task(send_email())\n    background_tasks.add(task)\n    task.add_done_callback(background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\nbackground_tasks = set()\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "taken names are avoided", code: "import asyncio\n\n_background_tasks = []\n\n\nasync def handler(task):\n    asyncio.create_task(send_email(task))\n", errors: [{ messageId: "droppedTask", line: 7, column: 5, endLine: 7, endColumn: 42, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n_background_tasks = []\n\n\nbackground_tasks: set[asyncio.Task] = set()\n\n\nasync def handler(task):\n    background_task = asyncio.create_task(send_email(task))\n    background_tasks.add(background_task)\n    background_task.add_done_callback(background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n_background_tasks = []\n\n\nasync def handler(task):\n    await send_email(task)\n" }] }] },
  { name: "a statement sharing its line: the added statements follow after `;`", code: "import asyncio\n\n\nasync def handler(urgent):\n    if urgent: asyncio.create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 5, column: 16, endLine: 5, endColumn: 49, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler(urgent):\n    if urgent: task = asyncio.create_task(send_email()); _background_tasks.add(task); task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler(urgent):\n    if urgent: await send_email()\n" }] }] },
  { name: "`asyncio` bound to something else: the set gets no annotation", code: "from asyncio import create_task\nasyncio = None\n\n\nasync def handler():\n    create_task(send_email())\n", errors: [{ messageId: "droppedTask", line: 6, column: 5, endLine: 6, endColumn: 30, suggestions: [{ messageId: "keepReference", output: "from asyncio import create_task\nasyncio = None\n\n\n_background_tasks = set()\n\n\nasync def handler():\n    task = create_task(send_email())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "from asyncio import create_task\nasyncio = None\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "module level", code: "import asyncio\n\nloop = asyncio.new_event_loop()\nasyncio.ensure_future(main(), loop=loop)\nloop.run_forever()\n", errors: [{ messageId: "droppedTask", line: 4, column: 1, endLine: 4, endColumn: 41, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\nloop = asyncio.new_event_loop()\n\n_background_tasks: set[asyncio.Task] = set()\ntask = asyncio.ensure_future(main(), loop=loop)\n_background_tasks.add(task)\ntask.add_done_callback(_background_tasks.discard)\nloop.run_forever()\n" }] }] },
  { name: "trailing comment stays on the statement's line; the set goes above the leading comment and decorator", code: "import asyncio\n\n\n# Sends the welcome mail.\n@app.post('/users')\nasync def create_user():\n    asyncio.create_task(send_email())  # fire and forget\n", errors: [{ messageId: "droppedTask", line: 7, column: 5, endLine: 7, endColumn: 38, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\n# Sends the welcome mail.\n@app.post('/users')\nasync def create_user():\n    task = asyncio.create_task(send_email())  # fire and forget\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\n# Sends the welcome mail.\n@app.post('/users')\nasync def create_user():\n    await send_email()  # fire and forget\n" }] }] },
  { name: "multi-line call", code: "import asyncio\n\n\nasync def handler():\n    asyncio.create_task(\n        send_email(),\n    )\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 7, endColumn: 6, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = asyncio.create_task(\n        send_email(),\n    )\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "code fragment without `import asyncio`", code: "async def main():\n    asyncio.create_task(coro())\n", errors: [{ messageId: "droppedTask", line: 2, column: 5, endLine: 2, endColumn: 32, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def main():\n    task = asyncio.create_task(coro())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "async def main():\n    await coro()\n" }] }] },
  { name: "parenthesized call", code: "import asyncio\n\n\nasync def handler():\n    (asyncio.create_task(send_email()))\n", errors: [{ messageId: "droppedTask", line: 5, column: 6, endLine: 5, endColumn: 39, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = (asyncio.create_task(send_email()))\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    await send_email()\n" }] }] },
  { name: "CRLF line endings", code: "import asyncio\r\n\r\n\r\nasync def handler():\r\n    asyncio.create_task(send_email())\r\n", errors: [{ messageId: "droppedTask", line: 5, column: 5, endLine: 5, endColumn: 38, suggestions: [{ messageId: "keepReference", output: "import asyncio\r\n\r\n\r\n_background_tasks: set[asyncio.Task] = set()\r\n\r\n\r\nasync def handler():\r\n    task = asyncio.create_task(send_email())\r\n    _background_tasks.add(task)\r\n    task.add_done_callback(_background_tasks.discard)\r\n" }, { messageId: "awaitInstead", output: "import asyncio\r\n\r\n\r\nasync def handler():\r\n    await send_email()\r\n" }] }] },
  { name: "the task variable is taken: another name", code: "import asyncio\n\n\nasync def handler():\n    task = 'mail'\n    background_task = 1\n    asyncio.create_task(send_email(task, background_task))\n", errors: [{ messageId: "droppedTask", line: 7, column: 5, endLine: 7, endColumn: 59, suggestions: [{ messageId: "keepReference", output: "import asyncio\n\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def handler():\n    task = 'mail'\n    background_task = 1\n    bg_task = asyncio.create_task(send_email(task, background_task))\n    _background_tasks.add(bg_task)\n    bg_task.add_done_callback(_background_tasks.discard)\n" }, { messageId: "awaitInstead", output: "import asyncio\n\n\nasync def handler():\n    task = 'mail'\n    background_task = 1\n    await send_email(task, background_task)\n" }] }] },
];

pythonRuleTester().run("no-dangling-task", rule as never, { valid, invalid: invalid as never });

describe("no-dangling-task messages", () => {
  pythonRuleTester().run("no-dangling-task", rule as never, {
    valid: [],
    invalid: [
      {
        code: "import asyncio\nasync def f():\n    asyncio.create_task(c())\n",
        errors: [
          {
            message:
              "The task from 'asyncio.create_task()' is not kept: the event loop holds tasks only weakly, so it can be garbage-collected before it finishes and its exception is never seen. Keep a reference, or start it in an 'asyncio.TaskGroup'.",
            suggestions: [
              {
                desc: "Keep a reference in the module-level set '_background_tasks' until the task is done.",
                output:
                  "import asyncio\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def f():\n    task = asyncio.create_task(c())\n    _background_tasks.add(task)\n    task.add_done_callback(_background_tasks.discard)\n",
              },
              { desc: "Await the coroutine here instead of running it in the background.", output: "import asyncio\nasync def f():\n    await c()\n" },
            ],
          },
        ],
      },
      {
        code: "import asyncio\nasync def f():\n    t = asyncio.create_task(c())\n",
        errors: [
          {
            message:
              "The task from 'asyncio.create_task()' is bound to 't', which is never used again: the event loop holds tasks only weakly, so it can be garbage-collected before it finishes and its exception is never seen. Keep a reference, or start it in an 'asyncio.TaskGroup'.",
            suggestions: [
              {
                desc: "Keep a reference in the module-level set '_background_tasks' until the task is done.",
                output:
                  "import asyncio\n\n_background_tasks: set[asyncio.Task] = set()\n\n\nasync def f():\n    t = asyncio.create_task(c())\n    _background_tasks.add(t)\n    t.add_done_callback(_background_tasks.discard)\n",
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-dangling-task suggestions", () => {
  it("compile as Python", () => {
    const { suggestions } = outputsOf(invalid as never);
    expect(suggestions.length).toBeGreaterThan(20);
    for (const output of suggestions) assertCompiles(output);
  });
});
