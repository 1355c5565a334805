import asyncio
from typing import List, Callable, Any
import time
class AsyncTaskQueue:
    def __init__(self, max_workers: int = 5):
        self.max_workers = max_workers
        self.queue = asyncio.Queue()
        self.workers = []
        self.results = []
    async def worker(self, worker_id: int):
        while True:
            try:
                task = await self.queue.get()
                if task is None: # 停止信号
                    break
                func, args, kwargs = task
                try:
                    result = await func(*args, **kwargs)
                    self.results.append((worker_id, "success", result))
                except Exception as e:
                    self.results.append((worker_id, "error", str(e)))
                self.queue.task_done()
            except asyncio.CancelledError:  # expect: no-swallowed-cancellation
                break
    async def add_task(self, func: Callable, *args, **kwargs):
        await self.queue.put((func, args, kwargs))
    async def run(self):
        # 启动worker
        self.workers = [
            asyncio.create_task(self.worker(i))
            for i in range(self.max_workers)
        ]
        # 等待所有任务完成
        await self.queue.join()
        # 停止worker
        for _ in range(self.max_workers):
            await self.queue.put(None)
        # 等待worker结束
        await asyncio.gather(*self.workers)
        return self.results
async def sample_task(task_id: int, duration: float):
    await asyncio.sleep(duration)
    return {"task_id": task_id, "duration": duration, "completed": True}
async def main():
    queue = AsyncTaskQueue(max_workers=3)
    # 添加任务
    for i in range(10):
        duration = 0.1 * (i % 3 + 1) # 0.1, 0.2, 0.3秒
        await queue.add_task(sample_task, i, duration)
    # 运行队列
    start_time = time.time()
    results = await queue.run()
    end_time = time.time()
    print(f"Total time: {end_time - start_time:.2f} seconds")
    print(f"Processed {len(results)} tasks")
    successful = sum(1 for _, status, _ in results if status == "success")
    print(f"Successful tasks: {successful}")
asyncio.run(main())
