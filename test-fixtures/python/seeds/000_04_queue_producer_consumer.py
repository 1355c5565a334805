import asyncio
import random
async def producer(queue: asyncio.Queue, producer_id: int, item_count: int):
    """生产者:生成数据放入队列"""
    for i in range(item_count):
        item = {
            'id': f"P{producer_id}-{i}",
            'value': random.randint(1, 100),
            'producer': producer_id
        }
        await queue.put(item)
        print(f"生产者{producer_id} 生产: {item['id']} (队列大小: {queue.qsize()})")
        await asyncio.sleep(random.uniform(0.1, 0.5))
    print(f"生产者{producer_id} 完成生产")
async def consumer(queue: asyncio.Queue, consumer_id: int):
    """消费者:从队列获取数据处理"""
    while True:
        try:
            # 等待数据,超时后退出
            item = await asyncio.wait_for(queue.get(), timeout=2.0)
            # 模拟数据处理
            await asyncio.sleep(random.uniform(0.2, 0.8))
            result = item['value'] * 2
            print(f"消费者{consumer_id} 处理: {item['id']} -> {result}")
            queue.task_done()
        except asyncio.TimeoutError:
            print(f"消费者{consumer_id} 超时退出")
            break
async def main():
    queue = asyncio.Queue(maxsize=20)
    # 创建生产者和消费者
    async with asyncio.TaskGroup() as tg:
        # 启动3个生产者
        for i in range(3):
            tg.create_task(producer(queue, i, 10))
        # 启动2个消费者
        for i in range(2):
            tg.create_task(consumer(queue, i))
        # 等待队列清空
        await queue.join()
    print("所有任务完成")
asyncio.run(main())
