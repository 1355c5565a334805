import asyncio

# 使用async def定义异步函数
async def fetch_data(url: str) -> str:
    print(f"Fetching {url}...")
    await asyncio.sleep(1)  # 模拟I/O操作
    return f"Data from {url}"

# 调用异步函数
async def main() -> None:
    result = await fetch_data("https://api.example.com")
    print(result)

# 运行异步函数
asyncio.run(main())
