import time


async def fetch_report():
    time.sleep(1)
    return "done"
