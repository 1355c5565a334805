import time


async def nap():
    time.sleep(3)
