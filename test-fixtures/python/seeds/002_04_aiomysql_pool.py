import asyncio
import aiomysql
from typing import List, Dict
class AsyncMySQL:
    def __init__(self):
        self.pool = None
    async def connect(self, **kwargs):
        self.pool = await aiomysql.create_pool(**kwargs)
    async def close(self):
        self.pool.close()
        await self.pool.wait_closed()
    async def fetch_all(self, query: str, params=None) -> List[Dict]:
        async with self.pool.acquire() as conn:
            async with conn.cursor(aiomysql.DictCursor) as cursor:
                await cursor.execute(query, params or ())
                return await cursor.fetchall()
    async def fetch_one(self, query: str, params=None) -> Dict:
        async with self.pool.acquire() as conn:
            async with conn.cursor(aiomysql.DictCursor) as cursor:
                await cursor.execute(query, params or ())
                return await cursor.fetchone()
    async def execute(self, query: str, params=None) -> int:
        async with self.pool.acquire() as conn:
            async with conn.cursor() as cursor:
                await cursor.execute(query, params or ())
                await conn.commit()
                return cursor.rowcount
async def main():
    db = AsyncMySQL()
    await db.connect(
        host="localhost",
        port=3306,
        user="root",
        password="password",
        db="testdb",
        charset="utf8mb4"
    )
    try:
        # 并发查询多个表
        tasks = [
            db.fetch_all("SELECT * FROM users LIMIT 10"),
            db.fetch_all("SELECT * FROM orders LIMIT 5"),
            db.fetch_all("SELECT COUNT(*) as count FROM products")
        ]
        users, orders, count_result = await asyncio.gather(*tasks)
        print(f"Users: {len(users)} records")
        print(f"Orders: {len(orders)} records")
        print(f"Product count: {count_result[0]['count']}")
    finally:
        await db.close()
asyncio.run(main())
