# fixture note: top-level `async with` does not compile as a module; the indented fragment is wrapped in `async def main():` (its 4-space indentation kept).
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(task1())
        tg.create_task(task2())
    # 自动 await + 异常传播,告别 `gather` 嵌套
