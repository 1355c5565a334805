"""Order processing: coroutines awaited, scheduled and passed on — and the ones that were forgotten."""
import asyncio
import functools
import logging

import aiofiles

logger = logging.getLogger(__name__)


async def send_email(address: str, body: str) -> None:
    await asyncio.sleep(0.1)


async def stream_orders(limit: int):
    """An async generator: calling it without await is how it is used."""
    for order_id in range(limit):
        yield order_id


def retry(times: int):
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for _ in range(times - 1):
                try:
                    return await func(*args, **kwargs)
                except ConnectionError:
                    await asyncio.sleep(1)
            return await func(*args, **kwargs)

        return wrapper

    return decorator


@retry(3)
async def charge(order_id: int) -> bool:
    await asyncio.sleep(0.1)
    return True


@functools.lru_cache(maxsize=None)
async def exchange_rate(currency: str) -> float:  # cached coroutine object: not judged
    return 1.0


class OrderQueue:
    def __init__(self) -> None:
        self.pending: asyncio.Queue[int] = asyncio.Queue()
        self.audit = logging.getLogger("audit")

    async def push(self, order_id: int) -> None:
        self.pending.put(order_id)  # expect: no-unawaited-coroutine
        self.audit.info("queued %s", order_id)  # a logger, not a coroutine

    async def flush(self) -> None:
        while not self.pending.empty():
            await self.pending.get()
            self.pending.task_done()

    async def close(self) -> None:
        self.flush()  # expect: no-unawaited-coroutine
        await self.pending.join()


class PriorityOrderQueue(OrderQueue):
    async def close(self) -> None:
        super().close()  # expect: no-unawaited-coroutine


async def handle_order(order_id: int, address: str) -> None:
    charge(order_id)  # expect: no-unawaited-coroutine
    confirmation = send_email(address, "paid")  # expect: no-unawaited-coroutine
    logger.info("order %s paid", order_id)
    exchange_rate("EUR")


async def archive(order_id: int) -> None:
    async with aiofiles.open(f"/tmp/order-{order_id}.txt", "w") as out:
        out.write(str(order_id))  # expect: no-unawaited-coroutine
        await out.flush()


async def handled_correctly(order_ids: list[int], address: str, out) -> None:
    await charge(order_ids[0])
    await asyncio.gather(send_email(address, "a"), send_email(address, "b"))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(send_email(address, "c"))
    await asyncio.wait_for(send_email(address, "d"), timeout=5)
    pending = send_email(address, "e")
    await pending
    later = [send_email(address, "f")]
    await asyncio.gather(*later)
    async for order_id in stream_orders(3):
        logger.info("streamed %s", order_id)
    agen = stream_orders(2)
    async for order_id in agen:
        logger.info("streamed %s", order_id)
    out.write("done")  # unknown receiver: maybe a plain file
    await asyncio.to_thread(print, "done")


def on_shutdown(address: str) -> None:
    send_email(address, "bye")  # expect: no-unawaited-coroutine


async def main() -> None:
    await handle_order(1, "a@example.com")
    await handled_correctly([1, 2], "a@example.com", None)


if __name__ == "__main__":
    main()  # expect: no-unawaited-coroutine
    asyncio.run(main())
