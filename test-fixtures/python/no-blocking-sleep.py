"""Every import form of time.sleep, in and out of async context."""
import asyncio
import time
import time as t
from time import sleep
from time import sleep as nap


async def handler() -> None:
    time.sleep(1)  # expect: no-blocking-sleep
    t.sleep(0.1)  # expect: no-blocking-sleep
    sleep(2)  # expect: no-blocking-sleep
    nap(3)  # expect: no-blocking-sleep
    await asyncio.sleep(1)
    await asyncio.to_thread(time.sleep, 1)  # passed uncalled, runs in a thread


async def with_helpers(loop: asyncio.AbstractEventLoop) -> None:
    def blocking_step() -> None:
        time.sleep(1)  # a nested sync def may be offloaded

    await loop.run_in_executor(None, blocking_step)
    await loop.run_in_executor(None, lambda: time.sleep(1))


class Poller:
    async def poll(self) -> None:
        while True:
            time.sleep(5)  # expect: no-blocking-sleep

    def poll_sync(self) -> None:
        time.sleep(5)


async def shadowed(time) -> None:  # `time` is a parameter here, not the module
    time.sleep(1)


async def silenced() -> None:
    time.sleep(1)  # noqa: ASYNC251
    time.sleep(1)  # async-pitfalls: disable=no-blocking-sleep


def main() -> None:
    time.sleep(1)
    asyncio.run(handler())


time.sleep(0)
