"""A small job runner: handlers that swallow cancellation, and the correct patterns next to them."""
import asyncio
import contextlib
import logging
import sys
from asyncio import CancelledError

log = logging.getLogger(__name__)


async def fetch_forever(client, url: str) -> None:
    while True:
        try:
            await client.get(url)
            await asyncio.sleep(30)
        except asyncio.CancelledError:  # expect: no-swallowed-cancellation
            log.info("poller stopped")
            break
        except Exception:
            log.exception("poll failed")  # Exception does not catch CancelledError


async def heartbeat(conn) -> None:
    try:
        while True:
            await conn.ping()
            await asyncio.sleep(5)
    except:  # expect: no-swallowed-cancellation
        log.warning("heartbeat ended")


async def flush(buffer) -> None:
    try:
        await buffer.flush()
    except (OSError, CancelledError):  # expect: no-swallowed-cancellation
        pass


async def consume(stream) -> None:
    try:
        async for message in stream:
            log.info("got %s", message)
    except BaseException as exc:  # expect: no-swallowed-cancellation
        log.error("stream closed: %r", exc)


async def ignore_cancellation(job) -> None:
    with contextlib.suppress(asyncio.CancelledError):  # expect: no-swallowed-cancellation
        await job.run()


async def cleanup_then_reraise(resource) -> None:
    try:
        await resource.use()
    except asyncio.CancelledError:
        await resource.release()
        raise


async def translate_cancellation(resource) -> None:
    try:
        await resource.use()
    except asyncio.CancelledError as exc:
        raise RuntimeError("resource use interrupted") from exc


async def deliberate(resource) -> None:
    try:
        await resource.use()
    except asyncio.CancelledError:
        if asyncio.current_task().uncancel() == 0:
            log.info("cancellation absorbed on purpose")


async def fatal(resource) -> None:
    try:
        await resource.use()
    except BaseException:
        sys.exit(1)


class Service:
    def __init__(self) -> None:
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def stop(self) -> None:
        assert self._task is not None
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass  # the child we cancelled


async def stop_all(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*tasks)


def sync_result(future) -> None:
    try:
        future.result()
    except asyncio.CancelledError:
        pass


async def main() -> None:
    service = Service()
    await service.start()
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.info("shutting down")  # the program's root task: asyncio.run(main()) below
    await service.stop()


if __name__ == "__main__":
    asyncio.run(main())
