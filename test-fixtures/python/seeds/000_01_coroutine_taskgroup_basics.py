import asyncio
import time
# 定义协程
async def say_hello(name: str, delay: float):
    await asyncio.sleep(delay)
    print(f"Hello, {name}! (等待了{delay}秒)")
    return f"完成: {name}"
# 运行协程
async def main():
    # 方式1:直接await
    result = await say_hello("张三", 1)
    print(result)
    # 方式2:并发执行
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_hello("李四", 2))
        task2 = tg.create_task(say_hello("王五", 1.5))
    print("所有任务完成")
# 运行入口
asyncio.run(main())
