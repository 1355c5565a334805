import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import rule from "../../../rules/python/no-unbounded-fan-out.js";
import { assertCompiles, outputsOf } from "./python-syntax.js";
import { pythonRuleTester } from "./rule-tester.js";

// A small project on disk for the cross-module cases (created before the tester runs its cases).
const project = mkdtempSync(path.join(tmpdir(), "fan-out-"));
const files: Record<string, string> = {
  "pyproject.toml": "[project]\nname = 'crawler'\n",
  "crawler/__init__.py": "",
  "crawler/client.py": [
    "import asyncio",
    "",
    "SEM = asyncio.Semaphore(10)",
    "",
    "",
    "async def fetch(url):",
    "    await asyncio.sleep(0.1)",
    "    return url",
    "",
    "",
    "async def fetch_limited(url):",
    "    async with SEM:",
    "        return await fetch(url)",
    "",
    "",
    "async def fetch_via_helper(url):",
    "    return await fetch_limited(url)",
    "",
    "",
    "def make_request(url):",
    "    return fetch(url)",
    "",
  ].join("\n"),
  "crawler/service.py": "",
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
  writeFileSync(path.join(project, name), text);
}
const service = path.join(project, "crawler/service.py");

/** A module with one unguarded coroutine function `fetch`, then `body`. */
const withFetch = (body: string) => `import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\n${body}`;

const valid = [
  // each coroutine works through a connection pool handed to it: the pool caps the work in flight
  "import asyncio\n\n\nasync def insert(pool, row):\n    await pool.execute('INSERT INTO t VALUES ($1)', row)\n\n\nasync def main(pool, rows):\n    await asyncio.gather(*[insert(pool, r) for r in rows])\n",
  // one handler per result of a batch already started (its size is that batch's): no new concurrency to judge
  withFetch("async def main(jobs):\n    coros = []\n    for job in jobs:\n        coros.append(job.run())\n    results = await asyncio.gather(*coros, return_exceptions=True)\n    await asyncio.gather(*(fetch(r) for r in results if isinstance(r, Exception)))\n"),
  // a mapping filled by the code itself (grouped by key): its size is whatever the loop put in
  withFetch("import collections\n\n\nasync def main(parts):\n    by_node = collections.defaultdict(list)\n    for part in parts:\n        by_node[part.node].append(part)\n    await asyncio.gather(*[fetch(node) for node, items in by_node.items()])\n"),
  // known small inputs: literals, range(CONST), UPPER_CASE constants, slices, zip with one of those, class constants
  withFetch("async def main():\n    await asyncio.gather(*[fetch(u) for u in ['a', 'b', 'c']])\n    await asyncio.gather(*(fetch(u) for u in ('a', 'b')))\n    await asyncio.gather(*map(fetch, {'a', 'b'}))\n"),
  withFetch("async def main():\n    await asyncio.gather(*[fetch(str(i)) for i in range(100)])\n"),
  withFetch("PAGES = 20\n\n\nasync def main():\n    await asyncio.gather(*[fetch(str(i)) for i in range(1, PAGES + 1)])\n"),
  withFetch("async def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls[:10]])\n    await asyncio.gather(*[fetch(u) for u in urls[-5:]])\n    await asyncio.gather(*[fetch(u) for u, _ in zip(urls, range(10))])\n"),
  withFetch("async def main(urls):\n    for start in range(0, len(urls), 10):\n        await asyncio.gather(*[fetch(u) for u in urls[start:start + 10]])\n"),
  withFetch("async def main():\n    urls = [f'https://example.com/{i}' for i in range(10)]\n    tasks = [fetch(u) for u in urls]\n    await asyncio.gather(*tasks)\n"),
  withFetch("class Pinger:\n    HOSTS = ('a', 'b', 'c')\n\n    async def ping_all(self):\n        await asyncio.gather(*[fetch(h) for h in self.HOSTS])\n"),
  // sizes we cannot decide: range(n), a loop variable (batches), attributes, a rebound or mutated name, an import
  withFetch("async def main(n):\n    await asyncio.gather(*[fetch(str(i)) for i in range(n)])\n"),
  withFetch("async def main(batches):\n    for batch in batches:\n        await asyncio.gather(*[fetch(u) for u in batch])\n"),
  withFetch("class Pool:\n    async def start(self):\n        self.workers = [asyncio.create_task(fetch(w)) for w in range(self.size)]\n        await asyncio.gather(*[fetch(u) for u in self.urls])\n"),
  withFetch("async def main(more):\n    urls = ['a']\n    urls.extend(more)\n    await asyncio.gather(*[fetch(u) for u in urls])\n"),
  withFetch("from settings import ENDPOINTS\n\n\nasync def main():\n    await asyncio.gather(*[fetch(u) for u in ENDPOINTS])\n"),
  // a limiter in the callee: module-level semaphore, `self` semaphore, `acquire()`, a pool, aiolimiter
  "import asyncio\nSEM = asyncio.Semaphore(5)\nasync def fetch(url):\n    async with SEM:\n        await asyncio.sleep(0.1)\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n",
  "import asyncio\nclass Processor:\n    def __init__(self):\n        self.semaphore = asyncio.Semaphore(10)\n    async def process_item(self, item):\n        async with self.semaphore:\n            await asyncio.sleep(0.1)\n    async def process_batch(self, items):\n        return await asyncio.gather(*[self.process_item(i) for i in items])\n",
  "import asyncio\nsem = asyncio.Semaphore(5)\nasync def fetch(url):\n    await sem.acquire()\n    try:\n        await asyncio.sleep(0.1)\n    finally:\n        sem.release()\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n",
  "import asyncio\nasync def load(pool, key):\n    async with pool.acquire() as conn:\n        return await conn.fetch(key)\nasync def main(pool, keys):\n    await asyncio.gather(*[load(pool, k) for k in keys])\n",
  "import asyncio\nfrom aiolimiter import AsyncLimiter\nlimiter = AsyncLimiter(10, 1)\nasync def call_api(x):\n    async with limiter:\n        await asyncio.sleep(0.1)\nasync def main(xs):\n    for x in xs:\n        asyncio.create_task(call_api(x))\n",
  // through a wrapper, or a callee awaiting a guarded function
  "import asyncio\nsem = asyncio.Semaphore(5)\nasync def fetch(url):\n    await asyncio.sleep(0.1)\nasync def bounded(url):\n    async with sem:\n        return await fetch(url)\nasync def main(urls):\n    await asyncio.gather(*[bounded(u) for u in urls])\n",
  "import asyncio\nsem = asyncio.Semaphore(5)\nasync def fetch(url):\n    async with sem:\n        await asyncio.sleep(0.1)\nasync def process(url):\n    page = await asyncio.wait_for(fetch(url), 10)\n    return len(page)\nasync def main(urls):\n    await asyncio.gather(*[process(u) for u in urls])\n",
  // a limiter handed to the callee (seed 003_12), also by name only
  "import asyncio\nasync def fetch(url, semaphore):\n    async with semaphore:\n        await asyncio.sleep(0.1)\nasync def main(urls):\n    semaphore = asyncio.Semaphore(3)\n    await asyncio.gather(*[fetch(u, semaphore) for u in urls])\n",
  "import asyncio\nasync def fetch(url, sem=None):\n    await asyncio.sleep(0.1)\nasync def main(urls, sem):\n    await asyncio.gather(*[fetch(u, sem=sem) for u in urls])\n",
  // an explicit connection-pool cap on the client handed to the callee (seed 000_02)
  "import asyncio, aiohttp\nasync def fetch(session, url):\n    async with session.get(url) as r:\n        return await r.text()\nasync def main(urls):\n    connector = aiohttp.TCPConnector(limit=50)\n    async with aiohttp.ClientSession(connector=connector) as session:\n        await asyncio.gather(*[fetch(session, u) for u in urls])\n",
  "import asyncio, httpx\nasync def fetch(client, url):\n    return await client.get(url)\nasync def main(urls):\n    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=20)) as client:\n        await asyncio.gather(*[fetch(client, u) for u in urls])\n",
  // sequential: each item awaited in turn, or a loop that paces itself
  withFetch("async def main(urls):\n    for u in urls:\n        await fetch(u)\n    results = [await fetch(u) for u in urls]\n    for u in urls:\n        await asyncio.create_task(fetch(u))\n"),
  withFetch("async def main(urls):\n    for u in urls:\n        task = asyncio.create_task(fetch(u))\n        await asyncio.sleep(0)\n"),
  withFetch("async def main(urls, sem):\n    for u in urls:\n        await sem.acquire()\n        asyncio.create_task(fetch(u)).add_done_callback(lambda _: sem.release())\n"),
  withFetch("async def main(urls):\n    for u in urls:\n        if u.startswith('!'):\n            asyncio.create_task(fetch(u))\n            break\n"),
  withFetch("async def main(queue):\n    while True:\n        url = await queue.get()\n        asyncio.create_task(fetch(url))\n"),
  // callees we cannot see into, or that are not plain coroutine functions
  "import asyncio\nasync def main(urls, session):\n    await asyncio.gather(*[session.get(u) for u in urls])\n",
  "import asyncio\nasync def main(urls, handler):\n    await asyncio.gather(*[handler(u) for u in urls])\n",
  "import asyncio\nimport aiohttp\nasync def main(urls):\n    await asyncio.gather(*[aiohttp.request('GET', u) for u in urls])\n",
  "import asyncio\ndef fetch(url):\n    return asyncio.sleep(0.1)\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n",
  "import asyncio\n@throttle(5)\nasync def fetch(url):\n    await asyncio.sleep(0.1)\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n",
  "import asyncio\nclass C:\n    async def fetch(self, u):\n        pass\nclass D(C):\n    async def main(self, urls):\n        await asyncio.gather(*[self.fetch(u) for u in urls])\n",
  // work handed to a thread or process pool
  "import asyncio, time\nasync def main(items):\n    await asyncio.gather(*[asyncio.to_thread(time.sleep, i) for i in items])\n",
  "import asyncio, time\nasync def main(items):\n    loop = asyncio.get_running_loop()\n    await asyncio.gather(*[loop.run_in_executor(None, time.sleep, i) for i in items])\n",
  // collections that are not one fresh coroutine per item
  withFetch("async def main(tasks):\n    await asyncio.gather(*tasks)\n    await asyncio.gather(*[t for t in tasks])\n"),
  withFetch("async def main(urls):\n    tasks = [fetch(u) for u in urls]\n    tasks = tasks[:5]\n    await asyncio.gather(*tasks)\n"),
  withFetch("async def main(urls):\n    tasks = []\n    for u in urls:\n        tasks.append(fetch(u))\n        if len(tasks) >= 10:\n            await asyncio.gather(*tasks)\n            tasks.clear()\n"),
  // task groups or loops not provably asyncio's
  withFetch("async def main(urls, nursery):\n    for u in urls:\n        nursery.create_task(fetch(u))\n"),
  // cross-module: the imported callee holds a limiter, directly or through a helper; a sync factory
  { code: "import asyncio\nfrom crawler.client import fetch_limited\nasync def main(urls):\n    await asyncio.gather(*[fetch_limited(u) for u in urls])\n", filename: service },
  { code: "import asyncio\nfrom crawler import client\nasync def main(urls):\n    await asyncio.gather(*[client.fetch_via_helper(u) for u in urls])\n", filename: service },
  { code: "import asyncio\nfrom crawler.client import make_request\nasync def main(urls):\n    await asyncio.gather(*[make_request(u) for u in urls])\n", filename: service },
  { code: "import asyncio\nfrom crawler.missing import fetch\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n", filename: service },
];

const invalid = [
  { name: "a named list of coroutines gathered at once (seed 001_04)", code: "import asyncio\nimport aiohttp\n\n\nasync def fetch_page(session, url):\n    async with session.get(url) as response:\n        return await response.text()\n\n\nasync def crawl(urls):\n    async with aiohttp.ClientSession() as session:\n        tasks = [fetch_page(session, url) for url in urls]\n        return await asyncio.gather(*tasks)\n", errors: [{ messageId: "fanOut", line: 13, column: 22, endLine: 13, endColumn: 44, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\nimport aiohttp\n\n\nasync def fetch_page(session, url):\n    async with session.get(url) as response:\n        return await response.text()\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def crawl(urls):\n    async with aiohttp.ClientSession() as session:\n        sem = asyncio.Semaphore(10)\n        tasks = [_limited(sem, fetch_page(session, url)) for url in urls]\n        return await asyncio.gather(*tasks)\n" }] }] },
  { name: "inline list comprehension", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    return await asyncio.gather(*[fetch(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 9, column: 18, endLine: 9, endColumn: 59, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    return await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n" }] }] },
  { name: "generator expression", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    return await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)\n", errors: [{ messageId: "fanOut", line: 9, column: 18, endLine: 9, endColumn: 83, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    return await asyncio.gather(*(_limited(sem, fetch(u)) for u in urls), return_exceptions=True)\n" }] }] },
  { name: "map", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    return await asyncio.gather(*map(fetch, urls))\n", errors: [{ messageId: "fanOut", line: 9, column: 18, endLine: 9, endColumn: 51, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    return await asyncio.gather(*(_limited(sem, fetch(item)) for item in urls))\n" }] }] },
  { name: "append loop", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    pending = []\n    for u in urls:\n        pending.append(fetch(u))\n    results = await asyncio.gather(*pending)\n    pending.clear()\n    return results\n", errors: [{ messageId: "fanOut", line: 12, column: 21, endLine: 12, endColumn: 45, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    pending = []\n    sem = asyncio.Semaphore(10)\n    for u in urls:\n        pending.append(_limited(sem, fetch(u)))\n    results = await asyncio.gather(*pending)\n    pending.clear()\n    return results\n" }] }] },
  { name: "create_task in a for loop", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    tasks = []\n    for u in urls:\n        tasks.append(asyncio.create_task(fetch(u)))\n    await asyncio.wait(tasks)\n", errors: [{ messageId: "fanOut", line: 11, column: 22, endLine: 11, endColumn: 51, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    tasks = []\n    sem = asyncio.Semaphore(10)\n    for u in urls:\n        tasks.append(asyncio.create_task(_limited(sem, fetch(u))))\n    await asyncio.wait(tasks)\n" }] }] },
  { name: "create_task in a comprehension", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    tasks = [asyncio.create_task(fetch(u)) for u in urls]\n    return await asyncio.gather(*tasks)\n", errors: [{ messageId: "fanOut", line: 9, column: 14, endLine: 9, endColumn: 43, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    tasks = [asyncio.create_task(_limited(sem, fetch(u))) for u in urls]\n    return await asyncio.gather(*tasks)\n" }] }] },
  { name: "TaskGroup in a loop", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    async with asyncio.TaskGroup() as tg:\n        for u in urls:\n            tg.create_task(fetch(u))\n", errors: [{ messageId: "fanOut", line: 11, column: 13, endLine: 11, endColumn: 37, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    async with asyncio.TaskGroup() as tg:\n        sem = asyncio.Semaphore(10)\n        for u in urls:\n            tg.create_task(_limited(sem, fetch(u)))\n" }] }] },
  { name: "loop.create_task and ensure_future in loops", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\ndef schedule(urls, loop: asyncio.AbstractEventLoop):\n    for u in urls:\n        loop.create_task(fetch(u))\n    for u in urls:\n        asyncio.ensure_future(fetch(u))\n", errors: [{ messageId: "fanOut", line: 10, column: 9, endLine: 10, endColumn: 35, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\ndef schedule(urls, loop: asyncio.AbstractEventLoop):\n    sem = asyncio.Semaphore(10)\n    for u in urls:\n        loop.create_task(_limited(sem, fetch(u)))\n    for u in urls:\n        asyncio.ensure_future(fetch(u))\n" }] }, { messageId: "fanOut", line: 12, column: 9, endLine: 12, endColumn: 40, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\ndef schedule(urls, loop: asyncio.AbstractEventLoop):\n    for u in urls:\n        loop.create_task(fetch(u))\n    sem = asyncio.Semaphore(10)\n    for u in urls:\n        asyncio.ensure_future(_limited(sem, fetch(u)))\n" }] }] },
  { name: "as_completed", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    for done in asyncio.as_completed([fetch(u) for u in urls]):\n        print(await done)\n", errors: [{ messageId: "fanOut", line: 9, column: 17, endLine: 9, endColumn: 63, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    for done in asyncio.as_completed([_limited(sem, fetch(u)) for u in urls]):\n        print(await done)\n" }] }] },
  { name: "asyncio.wait of coroutines: reported, no suggestion (wait wants tasks)", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    await asyncio.wait([fetch(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 9, column: 11, endLine: 9, endColumn: 49, suggestions: [] }] },
  { name: "a known size above maxKnownSize", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main():\n    await asyncio.gather(*[fetch(str(i)) for i in range(1000)])\n", errors: [{ messageId: "fanOut", line: 9, column: 11, endLine: 9, endColumn: 64, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main():\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(str(i))) for i in range(1000)])\n" }] }] },
  { name: "maxKnownSize and limit options", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main():\n    await asyncio.gather(*[fetch(str(i)) for i in range(50)])\n", options: [{"maxKnownSize":20,"limit":4}], errors: [{ messageId: "fanOut", line: 9, column: 11, endLine: 9, endColumn: 62, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main():\n    sem = asyncio.Semaphore(4)\n    await asyncio.gather(*[_limited(sem, fetch(str(i))) for i in range(50)])\n" }] }] },
  { name: "a method of the same class without a limiter", code: "import asyncio\n\n\nclass Crawler:\n    async def fetch_one(self, url):\n        await asyncio.sleep(0.1)\n\n    async def crawl(self, urls):\n        return await asyncio.gather(*[self.fetch_one(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 9, column: 22, endLine: 9, endColumn: 72, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nclass Crawler:\n    async def fetch_one(self, url):\n        await asyncio.sleep(0.1)\n\n    async def crawl(self, urls):\n        sem = asyncio.Semaphore(10)\n        return await asyncio.gather(*[_limited(sem, self.fetch_one(u)) for u in urls])\n" }] }] },
  { name: "a nested coroutine function (seed 002_03)", code: "import asyncio\n\n\nasync def process_batch(items: list[int]):\n    async def process_item(item):\n        await asyncio.sleep(0.05)\n        return item * 2\n    tasks = [process_item(item) for item in items]\n    return await asyncio.gather(*tasks)\n", errors: [{ messageId: "fanOut", line: 9, column: 18, endLine: 9, endColumn: 40, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def process_batch(items: list[int]):\n    async def process_item(item):\n        await asyncio.sleep(0.05)\n        return item * 2\n    sem = asyncio.Semaphore(10)\n    tasks = [_limited(sem, process_item(item)) for item in items]\n    return await asyncio.gather(*tasks)\n" }] }] },
  { name: "rows from a query; a method through a local instance", code: "import asyncio\n\n\nclass Mailer:\n    async def send(self, row):\n        await asyncio.sleep(0.1)\n\n\nasync def notify(db):\n    mailer = Mailer()\n    for row in await db.fetch_rows():\n        asyncio.create_task(mailer.send(row))\n", errors: [{ messageId: "fanOut", line: 12, column: 9, endLine: 12, endColumn: 46, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nclass Mailer:\n    async def send(self, row):\n        await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def notify(db):\n    mailer = Mailer()\n    sem = asyncio.Semaphore(10)\n    for row in await db.fetch_rows():\n        asyncio.create_task(_limited(sem, mailer.send(row)))\n" }] }] },
  { name: "async for over a stream", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def consume(stream):\n    async for message in stream:\n        asyncio.create_task(fetch(message))\n", errors: [{ messageId: "fanOut", line: 10, column: 9, endLine: 10, endColumn: 44, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def consume(stream):\n    sem = asyncio.Semaphore(10)\n    async for message in stream:\n        asyncio.create_task(_limited(sem, fetch(message)))\n" }] }] },
  { name: "wrapped in wait_for; zip of two inputs; a mapping's items", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls, names, table):\n    await asyncio.gather(*[asyncio.wait_for(fetch(u), 5) for u in urls])\n    await asyncio.gather(*[fetch(u) for u, n in zip(urls, names)])\n    await asyncio.gather(*[fetch(k) for k, v in table.items()])\n", errors: [{ messageId: "fanOut", line: 9, column: 11, endLine: 9, endColumn: 73, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls, names, table):\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, asyncio.wait_for(fetch(u), 5)) for u in urls])\n    await asyncio.gather(*[fetch(u) for u, n in zip(urls, names)])\n    await asyncio.gather(*[fetch(k) for k, v in table.items()])\n" }] }, { messageId: "fanOut", line: 10, column: 11, endLine: 10, endColumn: 67, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls, names, table):\n    await asyncio.gather(*[asyncio.wait_for(fetch(u), 5) for u in urls])\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(u)) for u, n in zip(urls, names)])\n    await asyncio.gather(*[fetch(k) for k, v in table.items()])\n" }] }, { messageId: "fanOut", line: 11, column: 11, endLine: 11, endColumn: 64, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls, names, table):\n    await asyncio.gather(*[asyncio.wait_for(fetch(u), 5) for u in urls])\n    await asyncio.gather(*[fetch(u) for u, n in zip(urls, names)])\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(k)) for k, v in table.items()])\n" }] }] },
  { name: "a lock created per call limits nothing", code: "import asyncio\n\n\nasync def fetch(url):\n    lock = asyncio.Lock()\n    async with lock:\n        await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 11, column: 11, endLine: 11, endColumn: 52, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def fetch(url):\n    lock = asyncio.Lock()\n    async with lock:\n        await asyncio.sleep(0.1)\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n" }] }] },
  { name: "taken names are avoided", code: "import asyncio\n\n_limited = None\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls, sem_count):\n    sem = sem_count\n    await asyncio.gather(*map(fetch, urls), *[fetch(item) for item in urls])\n", errors: [{ messageId: "fanOut", line: 12, column: 11, endLine: 12, endColumn: 77, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n_limited = None\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def _run_limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls, sem_count):\n    sem = sem_count\n    semaphore = asyncio.Semaphore(10)\n    await asyncio.gather(*(_run_limited(semaphore, fetch(item)) for item in urls), *[fetch(item) for item in urls])\n" }] }] },
  { name: "an identical helper is reused", code: "import asyncio\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    first = await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n    again = await asyncio.gather(*[fetch(u) for u in urls])\n    return first, again\n", errors: [{ messageId: "fanOut", line: 16, column: 19, endLine: 16, endColumn: 60, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    first = await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n    semaphore = asyncio.Semaphore(10)\n    again = await asyncio.gather(*[_limited(semaphore, fetch(u)) for u in urls])\n    return first, again\n" }] }] },
  { name: "code fragment without `import asyncio`", code: "async def fetch(url):\n    return url\n\n\nasync def main(urls):\n    return await asyncio.gather(*[fetch(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 6, column: 18, endLine: 6, endColumn: 59, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\nasync def fetch(url):\n    return url\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    return await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n" }] }] },
  { name: "a statement sharing its line: no suggestion", code: "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.1)\n\n\nasync def main(urls):\n    n = len(urls); await asyncio.gather(*[fetch(u) for u in urls])\n", errors: [{ messageId: "fanOut", line: 9, column: 26, endLine: 9, endColumn: 67, suggestions: [] }] },
  { name: "CRLF line endings", code: "import asyncio\r\n\r\n\r\nasync def fetch(url):\r\n    await asyncio.sleep(0.1)\r\n\r\n\r\nasync def main(urls):\r\n    await asyncio.gather(*[fetch(u) for u in urls])\r\n", errors: [{ messageId: "fanOut", line: 9, column: 11, endLine: 9, endColumn: 52, suggestions: [{ messageId: "limitWithSemaphore", output: "import asyncio\r\n\r\n\r\nasync def fetch(url):\r\n    await asyncio.sleep(0.1)\r\n\r\n\r\nasync def _limited(sem, coro):\r\n    async with sem:\r\n        return await coro\r\n\r\n\r\nasync def main(urls):\r\n    sem = asyncio.Semaphore(10)\r\n    await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\r\n" }] }] },
  {
    name: "cross-module: an imported coroutine function without a limiter",
    code: "import asyncio\nfrom crawler.client import fetch\n\n\nasync def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n",
    filename: service,
    errors: [
      {
        messageId: "fanOut",
        line: 6,
        column: 11,
        suggestions: [
          {
            messageId: "limitWithSemaphore",
            output:
              "import asyncio\nfrom crawler.client import fetch\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n",
          },
        ],
      },
    ],
  },
  {
    name: "cross-module: through the module object",
    code: "import asyncio\nimport crawler.client as client\n\n\nasync def main(urls):\n    for u in urls:\n        asyncio.create_task(client.fetch(u))\n",
    filename: service,
    errors: [
      {
        messageId: "fanOut",
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 45,
        suggestions: [
          {
            messageId: "limitWithSemaphore",
            output:
              "import asyncio\nimport crawler.client as client\n\n\nasync def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    for u in urls:\n        asyncio.create_task(_limited(sem, client.fetch(u)))\n",
          },
        ],
      },
    ],
  },
];

pythonRuleTester().run("no-unbounded-fan-out", rule as never, { valid, invalid: invalid as never });

describe("no-unbounded-fan-out messages", () => {
  pythonRuleTester().run("no-unbounded-fan-out", rule as never, {
    valid: [],
    invalid: [
      {
        code: withFetch("async def main(urls):\n    await asyncio.gather(*[fetch(u) for u in urls])\n"),
        errors: [
          {
            message:
              "'asyncio.gather' starts one 'fetch()' per item of 'urls' (size unknown) at once, with no concurrency limit. Bound it with an 'asyncio.Semaphore'.",
            suggestions: [
              {
                desc: "Run at most 10 at a time through a semaphore-guarded '_limited()' helper.",
                output: withFetch(
                  "async def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main(urls):\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(u)) for u in urls])\n",
                ),
              },
            ],
          },
        ],
      },
      {
        code: withFetch("async def main():\n    await asyncio.gather(*[fetch(str(i)) for i in range(250)])\n"),
        errors: [
          {
            message:
              "'asyncio.gather' starts one 'fetch()' per item of 'range(250)' (250 items) at once, with no concurrency limit. Bound it with an 'asyncio.Semaphore'.",
            suggestions: [
              {
                desc: "Run at most 10 at a time through a semaphore-guarded '_limited()' helper.",
                output: withFetch(
                  "async def _limited(sem, coro):\n    async with sem:\n        return await coro\n\n\nasync def main():\n    sem = asyncio.Semaphore(10)\n    await asyncio.gather(*[_limited(sem, fetch(str(i))) for i in range(250)])\n",
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-unbounded-fan-out suggestions", () => {
  it("compile as Python", () => {
    const { suggestions } = outputsOf(invalid as never);
    expect(suggestions.length).toBeGreaterThan(20);
    for (const output of suggestions) assertCompiles(output);
  });
});
