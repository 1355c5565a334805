import asyncio
import aiofiles
from pathlib import Path
async def read_large_file(file_path: str, chunk_size: int = 8192):
    """异步读取文件,逐块yield"""
    async with aiofiles.open(file_path, mode='r', encoding='utf-8') as f:
        while True:
            chunk = await f.read(chunk_size)
            if not chunk:
                break
            yield chunk
async def process_log_file(file_path: str):
    """异步处理日志文件,统计错误行"""
    error_count = 0
    total_lines = 0
    async for chunk in read_large_file(file_path):
        lines = chunk.split('n')
        for line in lines:
            total_lines += 1
            if 'ERROR' in line or 'error' in line:
                error_count += 1
    return total_lines, error_count
async def main():
    # 创建一个模拟日志文件
    log_path = "sample.log"
    async with aiofiles.open(log_path, mode='w') as f:
        for i in range(100000):
            if i % 100 == 0:
                await f.write(f"2025-01-15 10:00:00 ERROR 发生错误 #{i}n")
            else:
                await f.write(f"2025-01-15 10:00:00 INFO 正常日志 #{i}n")
    print("文件创建完成,开始处理...")
    start = time.time()
    total, errors = await process_log_file(log_path)
    elapsed = time.time() - start
    print(f"总行数: {total}, 错误行: {errors}, 耗时: {elapsed:.2f}秒")
asyncio.run(main())
