# fixture note: the second fragment uses top-level `await`; it is wrapped in `async def main():` so the file compiles.
# 并发限制示例
sem = asyncio.Semaphore(10)
async def limited_fetch(url):
    async with sem:
        return await fetch(url)
# 超时处理示例
async def main():
    try:
        result = await asyncio.wait_for(
            fetch_data(),
            timeout=3.0
        )
    except asyncio.TimeoutError:
        print("请求超时")
