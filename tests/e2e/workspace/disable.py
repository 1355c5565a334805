import time


async def poll():
    time.sleep(0.5)
