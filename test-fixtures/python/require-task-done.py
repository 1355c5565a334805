"""Producer/consumer pipelines whose queues are joined."""
import asyncio
import random


async def producer(queue: asyncio.Queue, count: int) -> None:
    for i in range(count):
        await queue.put(i)


async def forgetful_worker(name: str, queue: asyncio.Queue) -> None:
    while True:
        delay = await queue.get()  # expect: require-task-done
        await asyncio.sleep(delay)
        print(f"{name} slept {delay:.2f}s")


async def careful_worker(name: str, queue: asyncio.Queue) -> None:
    while True:
        delay = await queue.get()
        try:
            await asyncio.sleep(delay)
        finally:
            queue.task_done()


async def untracked_worker(queue: asyncio.Queue) -> None:
    while True:
        print(await queue.get())  # this queue is never joined


async def main() -> None:
    jobs: asyncio.Queue[float] = asyncio.Queue()
    for _ in range(20):
        jobs.put_nowait(random.uniform(0.01, 0.1))
    workers = [asyncio.create_task(forgetful_worker(f"w{i}", jobs)) for i in range(3)]
    workers += [asyncio.create_task(careful_worker(f"c{i}", jobs)) for i in range(3)]
    await jobs.join()
    for worker in workers:
        worker.cancel()
    log_queue: asyncio.Queue[str] = asyncio.Queue()
    asyncio.create_task(untracked_worker(log_queue))  # expect: no-dangling-task


class Crawler:
    def __init__(self) -> None:
        self.frontier: asyncio.Queue[str] = asyncio.Queue()
        self.seen: set[str] = set()

    async def crawl_one(self) -> None:
        while True:
            url = await asyncio.wait_for(self.frontier.get(), timeout=10)  # expect: require-task-done
            if url in self.seen:
                continue
            self.seen.add(url)

    def drain(self) -> None:
        while not self.frontier.empty():
            self.frontier.get_nowait()  # expect: require-task-done

    async def run(self, start: str) -> None:
        await self.frontier.put(start)
        crawlers = [asyncio.create_task(self.crawl_one()) for _ in range(4)]
        await self.frontier.join()
        for crawler in crawlers:
            crawler.cancel()


if __name__ == "__main__":
    asyncio.run(main())
