# fixture note: a string literal was split by a raw newline in the extracted text (originally "\n"); restored as "\n" so the file parses.
import asyncio
async def risky_operation():
    await asyncio.sleep(0.1)
    raise ValueError("Something went wrong!")
async def handle_exceptions():
    try:
        await risky_operation()
    except ValueError as e:
        print(f"Caught exception: {e}")
        return "fallback_value"
async def gather_with_exceptions():
    tasks = [
        risky_operation(),
        asyncio.sleep(0.5),
        risky_operation()
    ]
    # gather会等待所有任务完成,返回结果列表
    # 如果任何任务抛出异常,gather也会抛出异常
    try:
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for i, result in enumerate(results):
            if isinstance(result, Exception):
                print(f"Task {i} failed: {result}")
            else:
                print(f"Task {i} succeeded: {result}")
    except Exception as e:
        print(f"Gather failed: {e}")
async def main():
    print("=== Exception handling ===")
    result = await handle_exceptions()
    print(f"Result: {result}")
    print("\n=== Gather with exceptions ===")
    await gather_with_exceptions()
asyncio.run(main())
