import asyncio

async def task1() -> None:
    print("Task 1")

async def task2() -> None:
    print("Task 2")

# 创建新事件循环
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

try:
    # 调度回调
    loop.call_soon(lambda: print("Callback"))

    # 调度延迟回调
    loop.call_later(1.0, lambda: print("Delayed"))

    # 运行协程
    loop.run_until_complete(task1())

    # 运行多个任务
    loop.run_until_complete(
        asyncio.gather(task1(), task2())
    )
finally:
    loop.close()
