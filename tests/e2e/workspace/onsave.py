import time


async def tick():
    time.sleep(2)
