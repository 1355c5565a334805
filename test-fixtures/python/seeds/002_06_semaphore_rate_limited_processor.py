import asyncio
from typing import List
class RateLimitedProcessor:
    def __init__(self, max_concurrent: int = 10):
        self.semaphore = asyncio.Semaphore(max_concurrent)
    async def process_item(self, item):
        async with self.semaphore:
            # 模拟处理逻辑
            await asyncio.sleep(0.1)
            return {"item": item, "processed": True}
    async def process_batch(self, items: List):
        tasks = [self.process_item(item) for item in items]
        return await asyncio.gather(*tasks)
async def main():
    processor = RateLimitedProcessor(max_concurrent=5)
    # 处理100个项目,但最多同时处理5个
    items = list(range(100))
    results = await processor.process_batch(items)
    print(f"Processed {len(results)} items")
    print(f"Successful: {sum(1 for r in results if r['processed'])}")
asyncio.run(main())
