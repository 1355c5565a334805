# fixture note: top-level `async with` does not compile as a module; the indented fragment is wrapped in `async def main():` (its 4-space indentation kept).
async def main():
    async with asyncio.timeout(5.0):
        await long_running_task()
    # 比 `wait_for` 更精准,支持嵌套超时
