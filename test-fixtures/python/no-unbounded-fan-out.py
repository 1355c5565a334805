"""Fan-out: one coroutine per input item, with and without a limit."""
import asyncio

import aiohttp

MAX_PAGES = 20
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=10)
db_semaphore = asyncio.Semaphore(5)


async def fetch_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url, timeout=REQUEST_TIMEOUT) as response:
        return await response.json()


async def fetch_all(session: aiohttp.ClientSession, urls: list[str]) -> list[dict]:
    return await asyncio.gather(*[fetch_json(session, url) for url in urls])  # expect: no-unbounded-fan-out


async def fetch_pages(session: aiohttp.ClientSession) -> list[dict]:
    # A known, small number of pages.
    pages = range(1, MAX_PAGES + 1)
    return await asyncio.gather(*(fetch_json(session, f"https://api.example.com/items?page={p}") for p in pages))


async def crawl(urls: list[str]) -> list[dict]:
    # An explicit connection cap: requests beyond it wait for a free connection.
    connector = aiohttp.TCPConnector(limit=50)
    async with aiohttp.ClientSession(connector=connector, timeout=REQUEST_TIMEOUT) as session:
        return await asyncio.gather(*[fetch_json(session, url) for url in urls])


async def store(row: dict) -> None:
    async with db_semaphore:
        await asyncio.sleep(0.01)


async def store_all(rows: list[dict]) -> None:
    await asyncio.gather(*(store(row) for row in rows))


async def notify(user_id: int) -> None:
    await asyncio.sleep(0.1)


async def notify_everyone(user_ids: list[int]) -> None:
    async with asyncio.TaskGroup() as tg:
        for user_id in user_ids:
            tg.create_task(notify(user_id))  # expect: no-unbounded-fan-out


async def notify_in_order(user_ids: list[int]) -> None:
    for user_id in user_ids:
        await notify(user_id)


async def _limited(sem, coro):
    async with sem:
        return await coro


async def notify_bounded(user_ids: list[int]) -> None:
    sem = asyncio.Semaphore(10)
    await asyncio.gather(*[_limited(sem, notify(user_id)) for user_id in user_ids])


class Indexer:
    def __init__(self, concurrency: int = 8) -> None:
        self.semaphore = asyncio.Semaphore(concurrency)

    async def index_one(self, doc_id: str) -> None:
        async with self.semaphore:
            await asyncio.sleep(0.01)

    async def reindex(self, doc_ids: list[str]) -> None:
        await asyncio.gather(*map(self.index_one, doc_ids))

    async def prefetch(self, doc_id: str) -> None:
        await asyncio.sleep(0.01)

    async def warm(self, doc_ids: list[str]) -> None:
        pending = []
        for doc_id in doc_ids:
            pending.append(self.prefetch(doc_id))
        await asyncio.gather(*pending)  # expect: no-unbounded-fan-out

    async def warm_first(self, doc_ids: list[str]) -> None:
        await asyncio.gather(*[self.prefetch(doc_id) for doc_id in doc_ids[:10]])


async def consume(stream) -> None:
    async for event in stream:
        asyncio.create_task(notify(event.user_id))  # expect: no-unbounded-fan-out, no-dangling-task


async def workers(queue: asyncio.Queue, count: int) -> None:
    # A fixed pool of workers: the count is chosen by the code, not by the data.
    pool = [asyncio.create_task(notify(i)) for i in range(count)]
    await queue.join()
    for worker in pool:
        worker.cancel()
