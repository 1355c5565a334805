"""Storage for users; every call goes to the database, so the API is async."""
import asyncio


class BaseRepository:
    async def commit(self) -> None:
        await asyncio.sleep(0)

    def describe(self) -> str:
        return type(self).__name__


class UserRepository(BaseRepository):
    async def get(self, user_id: int) -> dict:
        await asyncio.sleep(0)
        return {"id": user_id}

    async def iter_all(self):
        for user_id in range(3):
            yield {"id": user_id}


async def save_user(user: dict) -> None:
    await asyncio.sleep(0)


def validate_user(user: dict) -> bool:
    return "id" in user
