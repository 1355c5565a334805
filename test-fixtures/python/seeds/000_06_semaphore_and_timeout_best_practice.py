# 使用Semaphore限制并发示例
semaphore = asyncio.Semaphore(10)
async def limited_task(url):
    async with semaphore:
        return await fetch_url(url)
# 使用asyncio.timeout设置超时
async def task_with_timeout():
    try:
        async with asyncio.timeout(5):
            result = await slow_operation()
            return result
    except asyncio.TimeoutError:
        print("操作超时")
        return None
