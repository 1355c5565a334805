# fixture note: two string literals were split by a raw newline in the extracted text (originally "\n"); they are restored as "\n" so the file parses.
import asyncio
import aiofiles
from pathlib import Path
import json
from typing import List
class AsyncFileProcessor:
    def __init__(self, max_concurrent: int = 10):
        self.semaphore = asyncio.Semaphore(max_concurrent)
    async def process_file(self, file_path: Path):
        async with self.semaphore:
            try:
                async with aiofiles.open(file_path, "r", encoding="utf-8") as f:
                    content = await f.read()
                # 模拟处理逻辑
                await asyncio.sleep(0.01)
                result = {
                    "file": str(file_path),
                    "size": len(content),
                    "lines": len(content.split("\n")),
                    "processed": True
                }
                return result
            except Exception as e:
                return {"file": str(file_path), "error": str(e), "processed": False}
    async def process_directory(self, directory: Path) -> List[dict]:
        if not directory.is_dir():
            raise ValueError(f"{directory} is not a directory")
        tasks = []
        for file_path in directory.glob("*.txt"):
            tasks.append(self.process_file(file_path))
        results = await asyncio.gather(*tasks)
        return results
async def main():
    processor = AsyncFileProcessor(max_concurrent=5)
    # 创建一个测试目录
    test_dir = Path("./test_files")
    test_dir.mkdir(exist_ok=True)
    # 创建一些测试文件
    for i in range(20):
        file_path = test_dir / f"file_{i:03d}.txt"
        file_path.write_text(f"Test content for file {i}\n" * 100)  # expect: no-blocking-call
    # 处理目录中的所有文件
    results = await processor.process_directory(test_dir)
    successful = sum(1 for r in results if r.get("processed"))
    print(f"Processed {successful}/{len(results)} files successfully")
    # 保存结果
    async with aiofiles.open("results.json", "w", encoding="utf-8") as f:
        await f.write(json.dumps(results, indent=2, ensure_ascii=False))
    # 清理测试文件
    for file_path in test_dir.glob("*.txt"):
        file_path.unlink()
    test_dir.rmdir()
asyncio.run(main())
