import aiohttp
async def fetch_page(session, url):
    async with session.get(url) as response:  # expect: require-timeout
        return await response.text()
async def crawl(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_page(session, url) for url in urls]
        return await asyncio.gather(*tasks)  # expect: no-unbounded-fan-out
urls = ["https://example.com/page1",
        "https://example.com/page2"]
pages = asyncio.run(crawl(urls))
