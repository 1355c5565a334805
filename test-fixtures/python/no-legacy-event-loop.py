"""Legacy event-loop access next to the modern spellings."""
import asyncio
from asyncio import get_event_loop
from concurrent.futures import ThreadPoolExecutor


def blocking_io(n: int) -> int:
    return n * 2


async def offload(n: int) -> int:
    loop = asyncio.get_event_loop()  # expect: no-legacy-event-loop
    with ThreadPoolExecutor() as pool:
        return await loop.run_in_executor(pool, blocking_io, n)


async def offload_modern(n: int) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, blocking_io, n)


class Scheduler:
    async def later(self, delay: float, callback) -> None:
        get_event_loop().call_later(delay, callback)  # expect: no-legacy-event-loop

    def from_thread(self, callback) -> None:
        def in_thread() -> None:
            callback(asyncio.get_event_loop())  # a sync def: may run in a thread with no loop

        in_thread()


async def main() -> None:
    print(await offload(21))


def run_legacy() -> None:
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())  # expect: no-legacy-event-loop
    loop.close()


def run_chained() -> int:
    return asyncio.get_event_loop().run_until_complete(offload(1))  # expect: no-legacy-event-loop


def run_with_own_loop() -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()


def run_modern() -> None:
    asyncio.run(main())


if __name__ == "__main__":
    run_modern()
