import asyncio
import aiohttp
from dataclasses import dataclass
@dataclass
class PageResult:
    url: str
    status: int
    content_length: int
async def fetch_page(session: aiohttp.ClientSession, url: str) -> PageResult:
    """异步获取单个页面"""
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=10)) as response:
            content = await response.read()
            return PageResult(
                url=url,
                status=response.status,
                content_length=len(content)
            )
    except Exception as e:
        print(f"请求失败: {url} - {e}")
        return PageResult(url=url, status=0, content_length=0)
async def crawl_urls(urls: list[str]) -> list[PageResult]:
    """并发爬取多个URL"""
    connector = aiohttp.TCPConnector(limit=50) # 限制并发连接数
    async with aiohttp.ClientSession(connector=connector) as session:
        results = []
        # 使用TaskGroup管理并发任务
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(fetch_page(session, url)) for url in urls]
        # 收集结果
        for task in tasks:
            results.append(task.result())
        return results
async def main():
    urls = [
        "https://httpbin.org/delay/1",
        "https://httpbin.org/delay/2",
        "https://httpbin.org/delay/0.5",
        "https://httpbin.org/status/200",
        "https://httpbin.org/status/404",
    ] * 20 # 100个请求
    start = time.time()
    results = await crawl_urls(urls)
    elapsed = time.time() - start
    success = sum(1 for r in results if r.status == 200)
    print(f"总请求: {len(results)}, 成功: {success}, 耗时: {elapsed:.2f}秒")
asyncio.run(main())
