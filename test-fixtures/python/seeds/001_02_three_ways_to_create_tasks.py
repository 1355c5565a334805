# fixture note: top-level `await` does not compile as a module; the fragment is wrapped in `async def main():`.
async def main():
    # 方式1:create_task
    task = asyncio.create_task(coro())  # expect: no-dangling-task
    # 方式2:ensure_future (兼容旧版)
    task = asyncio.ensure_future(coro())  # expect: no-dangling-task
    # 方式3:直接await
    result = await coro()
