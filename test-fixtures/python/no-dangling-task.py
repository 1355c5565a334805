"""Background tasks: which ones can vanish mid-flight, and which ones something keeps."""
import asyncio
import logging
from asyncio import create_task

logger = logging.getLogger(__name__)
background_tasks: set[asyncio.Task[None]] = set()


async def send_welcome_email(user_id: int) -> None:
    await asyncio.sleep(0.1)
    logger.info("welcome mail sent to %s", user_id)


async def refresh_cache() -> None:
    await asyncio.sleep(1)


async def register_user(user_id: int) -> dict[str, int]:
    asyncio.create_task(send_welcome_email(user_id))  # expect: no-dangling-task
    create_task(refresh_cache())  # expect: no-dangling-task
    asyncio.ensure_future(refresh_cache())  # expect: no-dangling-task
    audit = asyncio.create_task(send_welcome_email(user_id))  # expect: no-dangling-task
    return {"id": user_id}


async def kept_references(user_id: int) -> None:
    # The idiom from the asyncio documentation.
    task = asyncio.create_task(send_welcome_email(user_id))
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)

    refresher = asyncio.create_task(refresh_cache())
    await refresher

    watchdog = asyncio.create_task(refresh_cache())
    logger.debug("watchdog started: %s", watchdog)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(send_welcome_email(user_id))
        tg.create_task(refresh_cache())


class Notifier:
    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.pending: list[asyncio.Task[None]] = []

    def notify(self, user_id: int) -> None:
        self.loop.create_task(send_welcome_email(user_id))  # expect: no-dangling-task

    def notify_tracked(self, user_id: int) -> None:
        self.pending.append(self.loop.create_task(send_welcome_email(user_id)))

    async def start(self) -> None:
        self.refresher = asyncio.create_task(refresh_cache())


async def with_running_loop(user_id: int, scheduler) -> None:
    loop = asyncio.get_running_loop()
    loop.create_task(send_welcome_email(user_id))  # expect: no-dangling-task
    scheduler.create_task(send_welcome_email(user_id))  # not provably an event loop


async def silenced() -> None:
    asyncio.create_task(refresh_cache())  # noqa: RUF006
    asyncio.create_task(refresh_cache())  # noqa: ASYNC300
