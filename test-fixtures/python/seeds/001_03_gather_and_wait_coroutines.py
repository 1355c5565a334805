# 同时运行多个协程
async def multi_tasks():
    # gather按顺序返回结果
    results = await asyncio.gather(
        task1(),
        task2(),
        task3()
    )
    # wait不保证顺序
    done, pending = await asyncio.wait(
        [task1(), task2()],
        timeout=1.5
    )
