import asyncio
import aiohttp
import time
from typing import List, Tuple

# 全局限速:最多 10 个并发
SEMAPHORE = asyncio.Semaphore(10)
TIMEOUT = aiohttp.ClientTimeout(total=10)

async def fetch_url(
    session: aiohttp.ClientSession,
    url: str,
    max_retries: int = 2
) -> Tuple[str, str, float]:
    """抓取单个 URL,返回 (url, content, latency)"""
    for attempt in range(max_retries + 1):
        try:
            async with SEMAPHORE:  # ⚠️ 限流关键!
                start = time.perf_counter()
                async with session.get(url, timeout=TIMEOUT) as resp:
                    content = await resp.text()
                    latency = time.perf_counter() - start
                    if resp.status == 200:
                        return url, content[:100] + "...", round(latency, 3)
                    else:
                        raise aiohttp.ClientResponseError(
                            resp.request_info, resp.history, status=resp.status
                        )
        except Exception as e:
            if attempt == max_retries:
                return url, f"❌ Failed after {max_retries+1} tries: {e}", -1.0
            await asyncio.sleep(0.5 * (2 ** attempt))  # 指数退避

async def main():
    urls = [f"https://httpbin.org/delay/{i%3}" for i in range(50)]  # 模拟延迟

    async with aiohttp.ClientSession() as session:
        # ✅ 推荐:Python 3.11+ 使用 TaskGroup,自动异常传播
        if hasattr(asyncio, 'TaskGroup'):
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(fetch_url(session, url)) for url in urls]
        else:
            # 兼容 3.8–3.10
            tasks = [asyncio.create_task(fetch_url(session, url)) for url in urls]
            results = await asyncio.gather(*tasks, return_exceptions=True)

    # 统计结果
    success = sum(1 for r in results if isinstance(r, tuple) and r[2] > 0)
    avg_latency = sum(r[2] for r in results if isinstance(r, tuple) and r[2] > 0) / max(success, 1)

    print(f"✅ 成功: {success}/{len(urls)}")
    print(f"⏱️ 平均延迟: {avg_latency:.3f}s")
    print(f"📊 总耗时: {time.perf_counter() - start_time:.3f}s")

if __name__ == "__main__":
    start_time = time.perf_counter()
    asyncio.run(main())
