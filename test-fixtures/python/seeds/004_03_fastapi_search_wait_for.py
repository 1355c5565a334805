from fastapi import FastAPI, HTTPException
import asyncio
import aiohttp

app = FastAPI(title="Async Search API")

async def query_db(keyword: str) -> dict:
    await asyncio.sleep(0.8)  # 模拟 DB 查询
    return {
   "source": "db", "results": [f"DB_{keyword}_1", f"DB_{keyword}_2"]}

async def query_api(keyword: str) -> dict:
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(
                f"https://httpbin.org/json", timeout=2.0
            ) as resp:
                data = await resp.json()
                return {
   "source": "api", "results": [data["slideshow"]["title"]]}
    except Exception:
        return {
   "source": "api", "error": "timeout"}

@app.get("/search")
async def search(keyword: str):
    # ⚡ 并行执行,设置总超时 3s
    try:
        db_task = asyncio.create_task(query_db(keyword))
        api_task = asyncio.create_task(query_api(keyword))

        db_res, api_res = await asyncio.wait_for(
            asyncio.gather(db_task, api_task, return_exceptions=True),
            timeout=3.0
        )

        # 处理部分失败
        results = []
        if not isinstance(db_res, Exception):
            results.extend(db_res["results"])
        if not isinstance(api_res, Exception) and "error" not in api_res:
            results.extend(api_res["results"])

        return {
   
            "keyword": keyword,
            "total": len(results),
            "results": results,
            "partial_failure": isinstance(db_res, Exception) or isinstance(api_res, Exception)
        }
    except asyncio.TimeoutError:
        raise HTTPException(504, "Search timeout")

# 启动:uvicorn app:app --reload
