"""A small asyncio worker with the pitfalls async-pitfalls finds."""
import asyncio
import time
from time import sleep as nap


async def poll(queue: asyncio.Queue) -> None:
    while True:
        item = await queue.get()
        time.sleep(0.5)  # blocks every other task for half a second
        print("processed", item)


async def backoff(attempt: int) -> None:
    nap(2 ** attempt)


def sync_retry() -> None:
    time.sleep(1)  # fine: not on the event loop


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    await asyncio.to_thread(time.sleep, 1)  # fine: offloaded to a thread
    await asyncio.gather(poll(queue), backoff(3))


if __name__ == "__main__":
    asyncio.run(main())
