import asyncio
# 定义一个协程
async def fetch_data(url):
    print(f"开始获取 {url}")
    await asyncio.sleep(2) # 模拟I/O操作
    print(f"完成获取 {url}")
    return f"{url} 的数据"
# 事件循环执行
async def main():
    task1 = asyncio.create_task(fetch_data("https://api1"))
    task2 = asyncio.create_task(fetch_data("https://api2"))
    await task1
    await task2
asyncio.run(main())
