# 使用run_in_executor
async def run_blocking():
    loop = asyncio.get_event_loop()  # expect: no-legacy-event-loop
    await loop.run_in_executor(
        None, # 使用默认线程池
        blocking_func
    )
