import asyncio
from concurrent.futures import ThreadPoolExecutor
import time

def blocking_io_task(n: int) -> int:
    print(f"Task {n} starting")
    time.sleep(2)  # 阻塞I/O
    return n * 2

async def main() -> None:
    loop = asyncio.get_event_loop()  # expect: no-legacy-event-loop

    with ThreadPoolExecutor(max_workers=3) as executor:
        # 在线程池中运行阻塞函数
        tasks = [
            loop.run_in_executor(executor, blocking_io_task, i)
            for i in range(5)
        ]

        results = await asyncio.gather(*tasks)
        print(results)

asyncio.run(main())
