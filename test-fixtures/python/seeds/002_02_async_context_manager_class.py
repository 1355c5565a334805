import asyncio
class AsyncDatabaseConnection:
    async def __aenter__(self):
        print("Connecting to database...")
        await asyncio.sleep(0.5)
        return self
    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Closing database connection...")
        await asyncio.sleep(0.5)
    async def query(self, sql):
        print(f"Executing query: {sql}")
        await asyncio.sleep(0.3)
        return [{"id": 1, "name": "John"}]
async def main():
    async with AsyncDatabaseConnection() as db:
        result = await db.query("SELECT * FROM users")
        print(f"Result: {result}")
asyncio.run(main())
