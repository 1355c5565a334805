import asyncio
# 定义一个协程
async def hello_world():
    print("Hello")
    await asyncio.sleep(1) # 异步等待
    print("World")
# 运行协程
async def main():
    await hello_world()
# Python 3.7+
asyncio.run(main())
