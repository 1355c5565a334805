from fastapi import FastAPI, HTTPException
from typing import Optional
import asyncio
app = FastAPI()
# 异步端点
@app.get("/users/{user_id}")
async def read_user(user_id: int):
    # 模拟异步数据库查询
    await asyncio.sleep(0.1)
    users = {
        1: {"name": "John", "email": "john@example.com"},
        2: {"name": "Jane", "email": "jane@example.com"}
    }
    if user_id not in users:
        raise HTTPException(status_code=404, detail="User not found")
    return users[user_id]
# 批量数据处理
@app.post("/process-batch")
async def process_batch(items: list[int]):
    results = []
    async def process_item(item):
        # 模拟异步处理
        await asyncio.sleep(0.05)
        return {"item": item, "processed": True, "result": item * 2}
    # 并发处理所有项目
    tasks = [process_item(item) for item in items]
    results = await asyncio.gather(*tasks)  # expect: no-unbounded-fan-out
    return {"results": results}
if __name__ == "__main__":
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=8000)
